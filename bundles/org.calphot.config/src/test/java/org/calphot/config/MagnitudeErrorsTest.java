// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.calphot.core.Warnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comparison magnitudes given as {@code [magnitude, error]} pairs beside plain numbers (cal_phot's form). */
class MagnitudeErrorsTest {

    @TempDir
    Path dir;

    private CalphotJob read(String logLine) throws Exception {
        for (String f : List.of("REDUCED/ucam/2019_09_28/run032.log", "REDUCED/ucam/2019_09_30/run017.log")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "# test file\n");
        }
        String text = PointMaskTest.CONFIG.replace(
                "REDUCED/ucam/2019_09_28/run032.log: {r: [16.443,15.750], g: [16.638,16.261], u: [17.297,16.644]}",
                logLine);
        Path cfg = dir.resolve("config.yaml");
        Files.writeString(cfg, text);
        return new ConfigReader(PointMaskTest.SITES, Warnings.IGNORE).read(cfg);
    }

    @Test
    void pairsGiveErrorsAndPlainNumbersNone() throws Exception {
        CalphotJob job = read("REDUCED/ucam/2019_09_28/run032.log: {r: [[16.443, 0.012], 15.750], "
                + "g: [16.638, 16.261], u: [[17.297, 0.05], [16.644, 0.04]]}");
        LogSpec s = job.payloads().get(0).logs().get(0);
        assertEquals(List.of("r", "g", "u"), s.bands());
        assertArrayEquals(new double[] {16.443, 15.750}, s.bandMagnitudes().get("r"), 0);
        assertArrayEquals(new double[] {0.012, Double.NaN}, s.bandMagnitudeErrors().get("r"), 0);
        assertEquals(null, s.bandMagnitudeErrors().get("g"), "no pair in g: no errors");
        assertArrayEquals(new double[] {0.05, 0.04}, s.bandMagnitudeErrors().get("u"), 0);
        // the second log, in cal_phot's plain form, has none
        assertTrue(job.payloads().get(0).logs().get(1).bandMagnitudeErrors().isEmpty());
    }

    @Test
    void badPairsAreLocatedProblems() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> read(
                "REDUCED/ucam/2019_09_28/run032.log: {r: [[16.443], 15.750], g: [[16.638, -0.1], 16.261], "
                        + "u: [[17.297, 0.05, 1], 16.644]}"));
        String all = e.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
        assertEquals(3, e.problems().size(), all);
        assertTrue(all.contains("[magnitude, error]"), all);
        // the log line is line 15 of the config, each problem names its item
        assertEquals(15, e.problems().get(0).where().line(), all);
        assertTrue(all.contains("r[0]") && all.contains("g[0]") && all.contains("u[0]"), all);
    }
}
