// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observing log: cal_phot's header once, then one row per log, appended to what the folder holds. */
class ObservingLogTest {

    record Log(Path log, String oname, String instrument, String observatory, List<String> bands, double eclipseBmjd,
            long cycle, double phaseLow, double phaseHigh, boolean fluxCalibrated, double firstMjdUtc,
            double lastMjdUtc) implements OutputLog {
    }

    static final String HEADER = "Instrument,Telescope,Date,Filter(s),Observation start (UTC),Observation end (UTC),"
            + "Tecl,Cycle No.\n";

    /**
     * By hand: MJD 58404 is 2018-10-13 (MJD 40587 = 1970-01-01, plus 17817 days); 0.1 d = 02:24, 0.15 d = 03:36.
     * Tecl and the cycle as Python's repr prints floats (cal_phot wrote them from numpy floats): 10 -> "10.0".
     */
    @Test
    void newFileGetsTheHeaderThenOneRowPerLog(@TempDir Path dir) throws Exception {
        Log a = new Log(Path.of("run1.log"), "tgt", "ultracam", "WHT", List.of("u", "g", "r"), 58404.119753, 10, -0.5,
                0.5, true, 58404.1, 58404.15);
        assertEquals(HEADER + "ultracam,WHT,2018-10-13,u-g-r,02:24,03:36,58404.119753,10.0\n",
                ObservingLog.append(dir.resolve("observing_log.csv"), List.of(a)));
    }

    @Test
    void existingFileIsKeptAndAppendedTo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("observing_log.csv");
        Files.writeString(f, HEADER + "ultraspec,TNO,2015-03-19,I,18:00,19:00,57100.5,3.0"); // no final newline
        Log b = new Log(Path.of("run2.log"), "tgt", "ultraspec", "TNO", List.of("I"), 57100.75, 4, -0.5, 0.5, true,
                57100.75, 57100.8);
        // 0.75 d = 18:00, 0.8 d = 19:12
        assertEquals(HEADER + "ultraspec,TNO,2015-03-19,I,18:00,19:00,57100.5,3.0\n"
                + "ultraspec,TNO,2015-03-19,I,18:00,19:12,57100.75,4.0\n", ObservingLog.append(f, List.of(b)));
    }
}
