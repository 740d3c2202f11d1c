// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.calphot.simulator.internal.ByteOut;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.Test;

/** Python/C number formatting, checked against hand-derived values and against every number of real logs. */
class ByteOutTest {

    /** The real DP Leo logs (unlicensed reference data: the calling test skips without it). */
    static Path dpleo() {
        return ReferenceData.unlicensed("logs/hipercam_ultraspec_dpleo_2015-03-19");
    }

    private static String f(double v, int d) {
        return new ByteOut(64).fixed(v, d).toString();
    }

    @Test
    void fixedRoundsTheExactBinaryValueHalfToEven() {
        // Python: f"{2.675:.2f}" == '2.67' (2.675 is 2.67499999... in binary)
        assertEquals("2.67", f(2.675, 2));
        // exact binary ties go to even: 0.125 -> 0.12, 0.375 -> 0.38, 2.5 -> 2
        assertEquals("0.12", f(0.125, 2));
        assertEquals("0.38", f(0.375, 2));
        assertEquals("2", f(2.5, 0));
        assertEquals("-0.00", f(-0.001, 2));
        assertEquals("-1.000", f(-1.0, 3));
        assertEquals("nan", f(Double.NaN, 1));
        assertEquals("     -1.0", new ByteOut(16).fixed(-1, 1, 9).toString());
        assertEquals("       7", new ByteOut(16).integer(7, 8).toString());
    }

    @Test
    void generalFormatMatchesPython() {
        // values of Python's format(v, '.8g')
        assertEquals("3", ByteOut.general(3.0, 8, false));
        assertEquals("0.0005", ByteOut.general(0.0005, 8, false));
        assertEquals("3.8515916", ByteOut.general(3.8515916, 8, false));
        assertEquals("1e-05", ByteOut.general(1e-5, 8, false));
        assertEquals("1.2345679e+08", ByteOut.general(123456789.0, 8, false));
        assertEquals("0.00012", ByteOut.general(0.00012, 8, false));
    }

    /**
     * Every number in the data lines of the real hipercam 1.2.0 and 0.19.9 logs, parsed and formatted
     * again with the column's format, gives back its exact text: the formatter is the pipeline's.
     */
    @Test
    void reformatsEveryNumberOfRealLogs() throws IOException {
        for (String name : List.of("2015_03_19_dpleo_run032_normal_gaussian_I.log",
                "2015_03_19_dpleo_run032_normal_gaussian_II.log")) {
            int checked = 0;
            for (String line : Files.readAllLines(dpleo().resolve(name))) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] t = line.trim().split(" ");
                assertEquals(t[2], f(Double.parseDouble(t[2]), 14), "MJD .14f");
                assertEquals(t[4], ByteOut.general(Double.parseDouble(t[4]), 8, false), "Exptim .8g");
                for (int i = 5; i < t.length; i++) {
                    int d = decimals(i);
                    String back = d < 0 ? new ByteOut(16).integer(Long.parseLong(t[i])).toString()
                            : f(parse(t[i]), d);
                    assertEquals(t[i], back, name + " column " + i);
                    checked++;
                }
            }
            assertEquals(332 * (2 + 5 * 16), checked, "every value of the 332 lines was checked");
        }
    }

    static double parse(String s) {
        return s.equals("nan") ? Double.NaN : Double.parseDouble(s);
    }

    /** Decimals of column i (0 = CCD) of a 16-item log: hipercam's CNAME_TO_FMT. */
    static int decimals(int i) {
        if (i == 5 || i == 6) {
            return 2;
        }
        int k = (i - 7) % 16;
        return switch (k) {
            case 0, 1, 2, 3 -> 4;
            case 4, 5, 6, 7 -> 3;
            case 8, 9 -> 1;
            case 10, 11 -> 2;
            default -> -1;
        };
    }
}
