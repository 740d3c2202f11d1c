// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output commit of a run (issue 18): one run at a time per output folder, the run-N choice under
 * the lock, stale staging removed, a decided commit finished by the next run, folders that lead
 * outside refused, and byte-identical outputs with SOURCE_DATE_EPOCH. Input: the bundled simulated
 * demo log (examples/demo), so nothing here needs the licensed reference data.
 */
class OutputCommitTest {

    static final Path DEMO = Path.of("../../examples/demo").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @AfterEach
    void clearEpoch() {
        System.clearProperty("SOURCE_DATE_EPOCH");
    }

    /** The demo config with its log copied next to it; {@code phase} changes the config's hash. */
    Path demoConfig(String name, String phase) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(name));
        Files.copy(DEMO.resolve("run001.log"), d.resolve("run001.log"));
        String text = Files.readString(DEMO.resolve("calphot.yaml"), StandardCharsets.UTF_8)
                .replace("phase range: [-0.5, 0.5]", "phase range: " + phase);
        Path cfg = d.resolve("calphot.yaml");
        Files.writeString(cfg, text);
        return cfg;
    }

    static PipelineServices services(boolean figures) {
        return new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), null, figures ? RunFigures.standard() : null);
    }

    static RunResult run(Path cfg, Path out, List<String> warnings, boolean figures) throws Exception {
        CalphotJob job = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(cfg);
        Warnings w = (where, msg) -> {
            synchronized (warnings) {
                warnings.add(where + ": " + msg);
            }
        };
        return new Pipeline(services(figures)).run(job,
                new RunOptions(out, false, null, null, 1, "test"), null, w);
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    /**
     * A folder holds one complete run: every output its provenance.json lists is there with the listed
     * SHA-256 (hashes taken from the staged files, so they say what the run wrote, not what is on disk).
     * Returns the config hash of that run.
     */
    static String completeRun(Path folder) throws Exception {
        String prov = Files.readString(folder.resolve("provenance.json"), StandardCharsets.UTF_8);
        int start = prov.indexOf("\"outputs\": {");
        assertTrue(start > 0, "provenance lists the outputs");
        String block = prov.substring(start, prov.indexOf('}', start));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]+)\": \"([0-9a-f]{64})\"").matcher(block);
        int n = 0;
        while (m.find()) {
            Path f = folder.resolve(m.group(1));
            assertTrue(Files.isRegularFile(f), "missing output " + f);
            assertEquals(m.group(2), sha256(f), "output of another run: " + f);
            n++;
        }
        assertTrue(n >= 5, "outputs listed: " + n);
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("\"config_sha256\": \"([0-9a-f]{64})\"").matcher(prov);
        assertTrue(c.find());
        return c.group(1);
    }

    @Test
    void twoConfigsIntoOneFolderAtOnceKeepBothResults() throws Exception {
        Path a = demoConfig("a", "[-0.5, 0.5]");
        Path b = demoConfig("b", "[-0.4, 0.4]");
        Path out = tmp.resolve("shared-out");
        List<String> warnings = new ArrayList<>();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunResult>> runs = new ArrayList<>();
            for (Path cfg : List.of(a, b)) {
                runs.add(pool.submit((Callable<RunResult>) () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return run(cfg, out, warnings, false);
                }));
            }
            RunResult ra = runs.get(0).get(300, TimeUnit.SECONDS);
            RunResult rb = runs.get(1).get(300, TimeUnit.SECONDS);
            // on main both wrote to 'out' and one result was silently replaced
            assertNotEquals(ra.outputDir(), rb.outputDir());
            assertEquals(Stream.of(ra, rb).map(RunResult::outputDir).sorted().toList(),
                    List.of(out, out.resolve("run-2")));
        } finally {
            pool.shutdownNow();
        }
        String first = completeRun(out);
        String second = completeRun(out.resolve("run-2"));
        assertNotEquals(first, second, "each folder holds a different config's complete run");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("waiting: ") && w.contains("in use")), warnings.toString());
        assertEquals(List.of(), leftovers(out), "no staging left");
        assertEquals(List.of(), leftovers(out.resolve("run-2")), "no staging left");
    }

    /**
     * Hidden calphot entries besides the run in use ({@code .calphot-current} and the generation it names):
     * staging, generations not in use, temporary links.
     */
    static List<String> leftovers(Path out) throws Exception {
        Path cur = out.resolve(".calphot-current");
        String gen = Files.isSymbolicLink(cur) ? Files.readSymbolicLink(cur).toString() : "";
        assertTrue(gen.isEmpty() || gen.startsWith(".calphot-gen-") && Files.isDirectory(out.resolve(gen)),
                "run in use: " + gen);
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".calphot-") && !n.equals(".calphot-current") && !n.equals(gen))
                    .sorted().toList();
        }
    }

    @Test
    void aFolderOfAnOlderLayoutIsTakenOverKeepingItsOtherFiles() throws Exception {
        // plain files and folders as cal_phot (or calphot before generations) left them, with a user's note
        Path cfg = demoConfig("legacy", "[-0.5, 0.5]");
        Path out = Files.createDirectories(tmp.resolve("legacy-out"));
        Files.createDirectories(out.resolve("MCMC_LIGHTCURVES/FIGS"));
        Files.writeString(out.resolve("MCMC_LIGHTCURVES/notes.txt"), "mine\n");
        Files.writeString(out.resolve("Calibration.txt"), "old\n");
        Files.writeString(out.resolve("README.txt"), "the user's\n");
        run(cfg, out, new ArrayList<>(), false);
        completeRun(out);
        assertEquals(Path.of(".calphot-current", "MCMC_LIGHTCURVES"),
                Files.readSymbolicLink(out.resolve("MCMC_LIGHTCURVES")));
        assertEquals("mine\n", Files.readString(out.resolve("MCMC_LIGHTCURVES/notes.txt")), "kept, as moves kept it");
        assertEquals("the user's\n", Files.readString(out.resolve("README.txt")));
        assertFalse(Files.isSymbolicLink(out.resolve("README.txt")), "not an output: untouched");
        // the next run switches generations: the note is carried, the previous generation removed
        Path firstGen = out.resolve(Files.readSymbolicLink(out.resolve(".calphot-current")));
        run(cfg, out, new ArrayList<>(), false);
        completeRun(out);
        assertEquals("mine\n", Files.readString(out.resolve("MCMC_LIGHTCURVES/notes.txt")));
        assertFalse(Files.exists(firstGen), "the previous generation is removed after the switch");
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void theRunInUseIsAsReadableAsTheOutputFolder() throws Exception {
        // a temporary folder is created 0700; readers (colleagues, a web server) reach the outputs through it,
        // so the generation must carry the output folder's permissions, here rwxr-xr-x
        Path cfg = demoConfig("perms", "[-0.5, 0.5]");
        Path out = Files.createDirectories(tmp.resolve("perms-out"));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> shared =
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x");
        Files.setPosixFilePermissions(out, shared);
        run(cfg, out, new ArrayList<>(), false);
        Path gen = out.resolve(Files.readSymbolicLink(out.resolve(".calphot-current")));
        assertEquals(shared, Files.getPosixFilePermissions(gen));
    }

    @Test
    void aRunKilledBeforeItsSwitchLeavesThePreviousRunAndIsCleanedUp() throws Exception {
        Path cfg = demoConfig("preswitch", "[-0.5, 0.5]");
        Path out = tmp.resolve("preswitch-out");
        run(cfg, out, new ArrayList<>(), false);
        String before = Files.readString(out.resolve("provenance.json"));
        // the state a kill leaves between the new generation's links and the switch: a complete generation
        // not in use, a link for a name only it has (leading nowhere), a temporary link
        long dead = (1L << 22) + 1;
        Path gen = Files.createDirectories(out.resolve(".calphot-gen-" + dead + "-9/EXTRA"));
        Files.writeString(gen.resolve("x.txt"), "new\n");
        Files.writeString(gen.getParent().resolve("provenance.json"), "{}\n");
        Files.createSymbolicLink(out.resolve("EXTRA"), Path.of(".calphot-current", "EXTRA"));
        Files.createSymbolicLink(out.resolve(".calphot-link-" + dead + "-calphot-current"), gen.getParent().getFileName());
        // a reader sees the previous complete run
        assertEquals(before, Files.readString(out.resolve("provenance.json")));
        completeRun(out);
        assertFalse(Files.exists(out.resolve("EXTRA")), "a name of the unused generation reads as absent");
        List<String> warnings = new ArrayList<>();
        run(demoConfig("preswitch-other", "[-0.3, 0.3]"), out, warnings, false);
        assertTrue(String.join("\n", warnings).contains("outputs not in use, left by calphot pid " + dead), warnings.toString());
        assertEquals(before, Files.readString(out.resolve("provenance.json")), "the run in 'out' stands");
        assertFalse(Files.exists(out.resolve("EXTRA"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "dangling link removed");
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void staleStagingIsRemovedAndADecidedCommitIsFinished() throws Exception {
        Path cfg = demoConfig("stale", "[-0.5, 0.5]");
        Path out = tmp.resolve("stale-out");
        run(cfg, out, new ArrayList<>(), false);
        String sha = completeRun(out);

        // a run killed while staging (pid 2^22+1 cannot be running: Linux pids stop at 2^22)
        long dead = (1L << 22) + 1;
        Path staging = Files.createDirectories(out.resolve(".calphot-staging-" + dead + "-1/MCMC_LIGHTCURVES"));
        Files.writeString(staging.resolve("half.calib"), "# half");
        // a run killed after its decision point, with one file still to move: a new observing log
        Path decided = Files.createDirectories(out.resolve(".calphot-commit-" + dead + "-2"));
        Files.writeString(decided.resolve("observing_log.csv"), "moved by the next run\n");
        Files.writeString(decided.resolve(".calphot-manifest"), "Calibration.txt\nobserving_log.csv\n");
        // and a lock file naming the dead holder
        Files.writeString(out.resolve(".calphot.lock"), "pid=" + dead + "\nconfig_sha256=x\n");

        List<String> warnings = new ArrayList<>();
        // a different config: it goes to run-2, so what is in 'out' afterwards is the recovery's work alone
        run(demoConfig("other", "[-0.3, 0.3]"), out, warnings, false);
        String all = String.join("\n", warnings);
        assertTrue(all.contains("removed " + out.resolve(".calphot-staging-" + dead + "-1")), all);
        assertTrue(all.contains("finished the commit of an earlier run (pid " + dead + ")") && all.contains("1 files"), all);
        assertTrue(all.contains("lock of " + out + " was left by calphot pid " + dead), all);
        assertEquals("moved by the next run\n", Files.readString(out.resolve("observing_log.csv")));
        assertEquals(List.of(), leftovers(out));
        assertNotEquals(sha, completeRun(out.resolve("run-2")), "run-2 holds the other config");
    }

    @Test
    void aFolderLinkedOutsideIsRefusedBeforeAnyWork() throws Exception {
        Path cfg = demoConfig("link", "[-0.5, 0.5]");
        Path out = Files.createDirectories(tmp.resolve("link-out"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve(Pipeline.LIGHTCURVE_FOLDER), elsewhere);
        BadInputException e = assertThrows(BadInputException.class, () -> run(cfg, out, new ArrayList<>(), false));
        assertEquals(2, e.exitCode());
        assertTrue(e.describe().contains(out.resolve(Pipeline.LIGHTCURVE_FOLDER).toString())
                && e.getMessage().contains("outside the output folder"), e.describe());
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "nothing written through the link (on main: 20 lightcurve files)");
        }
        // a link that stays inside the folder is fine
        Files.delete(out.resolve(Pipeline.LIGHTCURVE_FOLDER));
        Files.createDirectories(out.resolve("real-lc"));
        Files.createSymbolicLink(out.resolve(Pipeline.LIGHTCURVE_FOLDER), Path.of("real-lc"));
        run(cfg, out, new ArrayList<>(), false);
        completeRun(out);
    }

    @Test
    void anOutputFolderThatIsAFileOrADeviceIsBadInput() throws Exception {
        Path cfg = demoConfig("file", "[-0.5, 0.5]");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        for (Path bad : List.of(file, Path.of("/dev/null"), Path.of("/proc/self"))) {
            BadInputException e = assertThrows(BadInputException.class, () -> run(cfg, bad, new ArrayList<>(), false),
                    bad.toString());
            assertTrue(e.describe().contains("--out"), e.describe());
        }
    }

    @Test
    void sourceDateEpochMakesEveryOutputByteIdentical() throws Exception {
        // 2024-03-09T16:00:00Z, an arbitrary fixed time
        System.setProperty("SOURCE_DATE_EPOCH", "1710000000");
        Path cfg = demoConfig("repro", "[-0.5, 0.5]");
        Path out = cfg.getParent().resolve("calphot_out");
        run(cfg, null, new ArrayList<>(), true);
        Map<String, byte[]> first = contents(out);
        Files.move(out, cfg.getParent().resolve("first"));
        run(cfg, null, new ArrayList<>(), true);
        Map<String, byte[]> second = contents(out);
        assertEquals(first.keySet(), second.keySet());
        assertTrue(first.keySet().stream().anyMatch(n -> n.endsWith(".pdf")), first.keySet().toString());
        assertTrue(first.keySet().stream().anyMatch(n -> n.endsWith(".fits")), first.keySet().toString());
        for (String n : first.keySet()) {
            assertArrayEquals(first.get(n), second.get(n), n + " differs between two runs of the same inputs");
        }
        String prov = new String(first.get("provenance.json"), StandardCharsets.UTF_8);
        assertTrue(prov.contains("\"created_utc\": \"2024-03-09T16:00:00Z\""), prov);
        String pdf = new String(first.get("MCMC_LIGHTCURVES/FIGS/SIMCV_all_nights.pdf"), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.contains("/CreationDate (D:20240309160000Z)"), "PDF date from SOURCE_DATE_EPOCH");
        String fits = first.entrySet().stream().filter(e -> e.getKey().endsWith(".fits")).findFirst()
                .map(e -> new String(e.getValue(), StandardCharsets.ISO_8859_1)).orElseThrow();
        assertTrue(fits.contains("Java FITS: 2024-03-09T16:00:00Z"), fits.substring(0, 400));
    }

    @Test
    void aNonAsciiOnameKeepsItsFileNamesAndIsTransliteratedInFits() throws Exception {
        Path cfg = demoConfig("accent", "[-0.5, 0.5]");
        Files.writeString(cfg, Files.readString(cfg).replace("oname: SIMCV", "oname: Şirin-é"));
        Path out = tmp.resolve("accent-out");
        RunResult r = run(cfg, out, new ArrayList<>(), false);
        Path fits = r.files().stream().filter(p -> p.toString().endsWith("_u.fits")).findFirst().orElseThrow();
        assertTrue(fits.getFileName().toString().startsWith("Şirin-é_"), fits.toString());
        try (nom.tam.fits.Fits f = new nom.tam.fits.Fits(out.resolve(fits).toFile())) {
            // FITS header strings are printable ASCII: Ş to S, é to e (main failed here, after the whole run)
            assertEquals("Sirin-e", f.getHDU(1).getHeader().getStringValue("OBJECT"));
        }
        completeRun(out);
    }

    static Map<String, byte[]> contents(Path dir) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        // as a reader sees the folder: through its output names (links into the run in use), not the hidden folders
        try (Stream<Path> s = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                if (!rel.startsWith(".calphot-")) {
                    m.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    /** The original's stepping rule, as cal_phot wrote it, for comparison on ordinary inputs. */
    static long steppingCycle(double[] t, double t0, double p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double v : t) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            sum += v;
        }
        long e = Math.round(Math.rint((sum / t.length - t0) / p));
        while (t0 + e * p < lo) {
            e++;
        }
        while (t0 + e * p > hi) {
            e--;
        }
        return e;
    }

    @Test
    void cycleNumberEqualsTheSteppingRuleAndNeverLoops() {
        java.util.Random rnd = new java.util.Random(18);
        for (int k = 0; k < 20000; k++) {
            double start = 50000 + rnd.nextDouble() * 10000;
            int n = 2 + rnd.nextInt(50);
            double[] t = new double[n];
            double span = rnd.nextDouble() * 0.3;
            for (int i = 0; i < n; i++) {
                t[i] = start + span * i / (n - 1);
            }
            double p = 0.01 + rnd.nextDouble() * 2;
            double t0 = start + (rnd.nextDouble() - 0.5) * 2000 * p; // up to 1000 cycles away
            assertEquals(steppingCycle(t, t0, p), Pipeline.cycleNumber(t, t0, p), "case " + k);
        }
        // a T0 at 1e308 stepped forever on main; now it is refused at once
        double[] t = {60383.9, 60384.0};
        long began = System.nanoTime();
        assertThrows(IllegalArgumentException.class, () -> Pipeline.cycleNumber(t, 1e308, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Pipeline.cycleNumber(t, 60383.9 - 2e6 * 0.05, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Pipeline.cycleNumber(t, 60383.9, 0));
        assertThrows(IllegalArgumentException.class, () -> Pipeline.cycleNumber(t, 60383.9, Double.NaN));
        assertTrue(System.nanoTime() - began < 1_000_000_000L);
        // 999,999 cycles away is still accepted and exact: E = -(10^6 - 1) puts the eclipse inside
        double p = 0.05;
        double t0 = 60383.95 + 999_999 * p;
        long e = Pipeline.cycleNumber(t, t0, p);
        assertTrue(t0 + e * p >= t[0] - 1e-6 && t0 + e * p <= t[1] + 1e-6, "eclipse inside the data: " + e);
    }

    @Test
    void aPeriodFarTooShortForTheDataIsRefused() {
        // 0.1 d of data with P = 1e-8 d spans 10^7 cycles (> 10^6): refused; P = 2e-7 d spans 5 10^5: accepted
        double[] t = {60383.9, 60384.0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.cycleNumber(t, 60383.95, 1e-8));
        assertTrue(e.getMessage().contains("period is too short") && e.getMessage().contains("1.00e+07"),
                e.getMessage());
        long c = Pipeline.cycleNumber(t, 60383.95, 2e-7);
        assertTrue(Math.abs(c) <= 1, "the eclipse nearest T0 inside the data: " + c);
    }

    @Test
    void fewerBandsThanCcdsIsALocatedConfigError() throws Exception {
        // the demo log has 5 CCDs; a mode (c) mapping naming 3 bands: cal_phot's bands[CCD-1] raised IndexError,
        // main named CCDs 4 and 5 'ccd4', 'ccd5' silently
        Path cfg = demoConfig("fewbands", "[-0.5, 0.5]");
        String text = Files.readString(cfg);
        // the demo's magnitudes may be [mag, err] pairs: one level of nested brackets
        String list = "\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]";
        String cut = text.replaceFirst(", i: " + list + ", z: " + list, "");
        assertNotEquals(text, cut);
        Files.writeString(cfg, cut);
        BadInputException e = assertThrows(BadInputException.class, () -> run(cfg, null, new ArrayList<>(), false));
        assertTrue(e.describe().contains("names 3 bands (u, g, r)") && e.describe().contains("has 5 CCDs")
                && e.describe().contains("run001.log"), e.describe());
        assertEquals(2, e.exitCode());
    }

    @Test
    void aT0FarFromTheDataIsALocatedConfigError() throws Exception {
        Path cfg = demoConfig("far", "[-0.5, 0.5]");
        Files.writeString(cfg, Files.readString(cfg).replace("T0: 60383.9712345", "T0: 1e308"));
        long began = System.nanoTime();
        BadInputException e = assertThrows(BadInputException.class, () -> run(cfg, null, new ArrayList<>(), false));
        assertTrue(System.nanoTime() - began < 60_000_000_000L);
        assertTrue(e.describe().contains("key 'T0'") && e.describe().contains("run001.log"), e.describe());
        assertFalse(Files.exists(cfg.getParent().resolve("calphot_out")), "a failed first run leaves no folder");
    }
}
