// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.calphot.core.Warnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code logfiles} key with a folder pattern: every matching log, with the entry's magnitudes (issue 23). */
class LogPatternTest {

    @TempDir
    Path dir;

    CalphotJob read(String logKey) throws Exception {
        String text = ConfigValidationTest.GOOD.replace("      run001.log: {u:", "      " + logKey + ": {u:");
        Path cfg = dir.resolve("calphot.yaml");
        Files.writeString(cfg, text);
        return new ConfigReader(TestSites.SITES, Warnings.IGNORE).read(cfg);
    }

    @Test
    void aPatternNamesEveryMatchingLogInPathOrderWithTheSameMagnitudes() throws Exception {
        Files.createDirectories(dir.resolve("night1"));
        Files.createDirectories(dir.resolve("night2"));
        for (String f : new String[] {"night1/run010.log", "night1/run002.log", "night1/run002.ape", "night2/run001.log",
            "run009.log"}) {
            Files.writeString(dir.resolve(f), "# test file\n");
        }
        List<LogSpec> one = read("'night1/run*.log'").payloads().get(0).logs();
        assertEquals(List.of(dir.resolve("night1/run002.log"), dir.resolve("night1/run010.log")),
                one.stream().map(LogSpec::log).toList());
        assertEquals(16.2, one.get(1).bandMagnitudes().get("u")[0], 0.0, "the entry's magnitudes for each log");
        // '**' goes down every folder (and only below the pattern's fixed part)
        List<Path> deep = read("'**/run00?.log'").payloads().get(0).logs().stream().map(LogSpec::log).toList();
        assertEquals(List.of(dir.resolve("night1/run002.log"), dir.resolve("night2/run001.log")), deep);
    }

    @Test
    void aPatternMatchingNothingIsALocatedProblem() {
        ConfigException e = assertThrows(ConfigException.class, () -> read("'night9/*.log'"));
        assertEquals(2, e.exitCode());
        String p = e.problems().toString();
        assertTrue(p.contains("key 'extract.data_1.logfiles.night9/*.log'") && p.contains("no log matches the pattern"),
                p);
    }
}
