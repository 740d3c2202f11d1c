// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Up-front validation added for issue 18: every case here was accepted on main (and then failed late,
 * silently did the wrong thing, or hung). Each must be a located config problem, exit 2, before any work.
 */
class ConfigValidationTest {

    @TempDir
    Path dir;

    static final String GOOD = """
            target coords: 10:00:00.00 +20:00:00.0
            period: 0.0583110795
            T0: 60383.9712345
            SDSS: 0
            directory: 'calphot_out'
            observing_log_fname: observing_log.csv
            extract:
              data_1:
                observatory: lasilla
                inst: hcam
                phase range: [-0.5, 0.5]
                oname: SIMCV
                logfiles:
                  run001.log: {u: [16.2, 17.9], g: [15.1, 16.9], r: [14.7, 16.4], i: [14.5, 16.2], z: [14.4, 16.1]}
                get eclipse times: false
                flux calibrate: true
                extract data: true
            """;

    @BeforeEach
    void log() throws Exception {
        Files.writeString(dir.resolve("run001.log"), "# test file\n");
        Files.writeString(dir.resolve("run002.log"), "# test file\n");
    }

    CalphotJob read(String text) throws CalphotException {
        Path cfg = dir.resolve("calphot.yaml");
        try {
            Files.writeString(cfg, text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return new ConfigReader(TestSites.SITES, Warnings.IGNORE).read(cfg);
    }

    /** The problems of a config that must be refused, one per line. */
    String problems(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(text));
        assertEquals(2, e.exitCode());
        return e.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void theBaseConfigIsValid() throws Exception {
        assertEquals("SIMCV", read(GOOD).payloads().get(0).oname());
    }

    @Test
    void aPeriodLongerThanACenturyIsRefusedAtItsKey() throws Exception {
        // 100 Julian years = 36525 d, longer than any known eclipsing binary's period (decades); on main accepted
        String p = problems(GOOD.replace("period: 0.0583110795", "period: 36600"));
        assertTrue(p.contains("key 'period'") && p.contains("longer than 100 years"), p);
        assertEquals(36500.0, read(GOOD.replace("period: 0.0583110795", "period: 36500")).period());
        assertTrue(problems(GOOD.replace("period: 0.0583110795", "period: 0")).contains("key 'period'"));
    }

    @Test
    void duplicateKeysAreRefusedAtEveryDepth() {
        // a log given twice was processed twice on main
        String dupLog = GOOD.replace("      run001.log: {u:", "      run001.log: {u: [1]}\n      run001.log: {u:");
        String all = problems(dupLog);
        assertTrue(all.contains("extract.data_1.logfiles.run001.log") && all.contains("key given twice"), all);
        String dupPayloadKey = GOOD.replace("    oname: SIMCV", "    oname: SIMCV\n    oname: OTHER");
        all = problems(dupPayloadKey);
        assertTrue(all.contains(":13 key 'extract.data_1.oname': key given twice (first on line 12)"), all);
        String dupBand = GOOD.replace("{u: [16.2, 17.9],", "{u: [16.2, 17.9], u: [1, 2],");
        assertTrue(problems(dupBand).contains("logfiles.run001.log.u': key given twice"));
        String dupPayload = GOOD + "  data_1:\n    inst: ucam\n";
        assertTrue(problems(dupPayload).contains("'extract.data_1': key given twice"));
        // the same log under two spellings
        String twoSpellings = GOOD.replace("      run001.log: {u:", "      ./run001.log: {u: [1]}\n      run001.log: {u:");
        assertTrue(problems(twoSpellings).contains("is listed twice in this payload"));
    }

    @Test
    void wrongTypesAreRefused() {
        assertTrue(problems(GOOD.replace("get eclipse times: false", "get eclipse times: 1e308"))
                .contains("'get eclipse times' must be true or false, got '1e308'"));
        assertTrue(problems(GOOD.replace("extract data: true", "extract data: true\n    drop bad comparisons: 5"))
                .contains("'drop bad comparisons' must be true or false, got '5'"));
        assertTrue(problems(GOOD + "seed: 1e30\n").contains("'seed' must be a whole number"));
        assertTrue(problems(GOOD + "seed: 2.5\n").contains("'seed' must be a whole number"));
    }

    @Test
    void cal_photsNumericBooleansStillWork() throws Exception {
        assertTrue(read(GOOD.replace("SDSS: 0", "SDSS: 0").replace("get eclipse times: false",
                "get eclipse times: 1")).payloads().get(0).getEclipseTimes());
        assertFalse(read(GOOD.replace("flux calibrate: true", "flux calibrate: 0")).payloads().get(0).fluxCalibrate());
    }

    @Test
    void onameMustBeOneSafeFileNameStem() {
        for (String bad : List.of("a/b", "..", "x\\ty", "'a\\tb'", "\"a\\x00b\"", "'" + "n".repeat(300) + "'")) {
            String all = problems(GOOD.replace("oname: SIMCV", "oname: " + bad.replace("\\t", "\t")));
            assertTrue(all.contains("key 'extract.data_1.oname'") || all.contains("NUL"), bad + ": " + all);
        }
    }

    @Test
    void nonAsciiOnameIsKept() throws Exception {
        assertEquals("Şirin-é", read(GOOD.replace("oname: SIMCV", "oname: Şirin-é")).payloads().get(0).oname());
    }

    @Test
    void observingLogNameCannotBeAnotherOutputOrAPath() {
        for (String bad : List.of("provenance.json", "Calibration.txt", "MCMC_LIGHTCURVES", "calibration.TXT",
                "run-2", ".calphot.lock", "MCMC_LIGHTCURVES/x_u.calib", "sub/obs.csv", "''")) {
            String all = problems(GOOD.replace("observing_log_fname: observing_log.csv", "observing_log_fname: " + bad));
            assertTrue(all.contains("key 'observing_log_fname'"), bad + ": " + all);
        }
    }

    @Test
    void directoryMustBeAFolderName() throws Exception {
        assertTrue(problems(GOOD.replace("directory: 'calphot_out'", "directory: ''")).contains("'directory' is empty"));
        Files.writeString(dir.resolve("afile"), "x");
        assertTrue(problems(GOOD.replace("directory: 'calphot_out'", "directory: afile"))
                .contains("exists and is not a folder"));
        assertTrue(problems(GOOD.replace("directory: 'calphot_out'", "directory: /dev/null"))
                .contains("key 'directory'"));
        assertTrue(problems(GOOD.replace("directory: 'calphot_out'", "directory: /proc/self"))
                .contains("key 'directory'"));
        assertTrue(problems(GOOD.replace("directory: 'calphot_out'", "directory: " + "d".repeat(300)))
                .contains("longer than 255 bytes"));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS) // main took 78 s on a 10 MB name
    void hugeAndNulNamesAreRefusedQuickly() {
        // 10 MB on one line: refused before the YAML parser sees it
        String huge = "x".repeat(10 * 1024 * 1024 - 2000);
        BadInputException e = assertThrows(BadInputException.class, () -> read(GOOD.replace("      run001.log: {u:",
                "      " + huge + ".log: {u: [1]}\n      run001.log: {u:")));
        assertTrue(e.describe().contains(":14") && e.describe().contains("line of 1048"), e.describe());
        // 10,000 characters: a located problem that does not repeat the name in full
        String all = problems(GOOD.replace("oname: SIMCV", "oname: " + "y".repeat(10_000)));
        assertTrue(all.contains("characters (at most 4096)"), all.substring(0, Math.min(300, all.length())));
        assertTrue(all.length() < 5000, "the name is not repeated in full");
        // 300 characters: too long for a file name
        assertTrue(problems(GOOD.replace("      run001.log: {u:", "      " + "z".repeat(300)
                + ".log: {u: [1]}\n      run001.log: {u:")).contains("log file not found"));
        assertTrue(problems(GOOD.replace("      run001.log: {u:", "      \"run\\0.log\": {u: [1]}\n      run001.log: {u:"))
                .contains("NUL"));
    }

    @Test
    void aComplexKeyIsShownAsYaml() {
        String all = problems(GOOD + "? [a, b]\n: 1\n");
        assertTrue(all.contains("[a, b]") && !all.contains("SequenceNode"), all);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void specialFilesAreRefusedWithoutReadingThem() throws Exception {
        ConfigReader r = new ConfigReader(TestSites.SITES, Warnings.IGNORE);
        // /dev/zero ran 30 s into an OutOfMemoryError on main
        BadInputException zero = assertThrows(BadInputException.class, () -> r.read(Path.of("/dev/zero")));
        assertTrue(zero.getMessage().contains("is a device"), zero.describe());
        assertTrue(assertThrows(BadInputException.class, () -> r.read(dir)).getMessage().contains("is a directory"));
        // a FIFO without a writer blocked forever on main
        Path fifo = dir.resolve("config.fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0, "mkfifo not available");
        BadInputException f = assertThrows(BadInputException.class, () -> r.read(fifo));
        assertTrue(f.getMessage().contains("named pipe (FIFO)"), f.describe());
        // larger than 16 MB
        Path big = dir.resolve("big.yaml");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), 17L << 20);
        }
        assertTrue(assertThrows(BadInputException.class, () -> r.read(big)).getMessage().contains("larger than 16 MB"));
    }
}
