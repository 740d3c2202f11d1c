// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 8: with a poor fit the published T0 and P errors are the scaled ones. Five eclipses at cycles
 * -2..2, every error sigma = 1e-5 d, times T0 + P E + d (1, -2, 0, 2, -1) with d = 2e-5 d. The offsets sum to 0 and
 * are orthogonal to E (-2 + 2 + 0 + 2 - 2 = 0), so least squares returns T0 and P exactly and the residuals are
 * the offsets: chi2 = (1 + 4 + 0 + 4 + 1) d^2 / sigma^2 = 40, dof = 3, reduced chi2 = 13.333. Formal errors (the
 * reference cycle is the mean cycle, 0): sigma_T0 = sigma / sqrt(5) = 4.4721e-6, sigma_P = sigma / sqrt(sum E^2)
 * = 1e-5 / sqrt(10) = 3.1623e-6; scaled by sqrt(13.333) = 3.6515: 1.6330e-5 and 1.1547e-5.
 */
class ScaledEphemerisErrorsTest {

    static final double T0 = 57000.123456;
    static final double P = 0.0623628;

    static EclipseTimeTable table() {
        int[] e = {-2, -1, 0, 1, 2};
        double[] off = {1, -2, 0, 2, -1};
        double[] t = new double[5];
        double[] err = new double[5];
        for (int i = 0; i < 5; i++) {
            t[i] = T0 + P * e[i] + 2e-5 * off[i];
            err[i] = 1e-5;
        }
        return new EclipseTimeTable(Map.of(0, "test"), e, t, err, new int[5]);
    }

    @Test
    void fitFileHeadlineErrorsAreScaledWithTheUnscaledBeside(@TempDir Path dir) throws Exception {
        EphemerisFit lsq = EphemerisFitter.create().fitLeastSquares(table());
        assertEquals(40.0 / 3, lsq.reducedChi2(), 1e-5); // times near 57000 d carry ~1e-11 d of rounding
        assertEquals(4.4721360e-6, lsq.t0Err(), 1e-12);
        assertEquals(1.6329932e-5, lsq.t0ErrHeadline(), 1e-11);
        assertEquals(1.1547005e-5, lsq.periodErrHeadline(), 1e-11);
        List<String> lines = EphemerisFitFile.format(lsq).lines().toList();
        assertTrue(lines.get(0).endsWith("+/-1.63e-05 (unscaled 4.47e-06)"), lines.get(0));
        assertTrue(lines.get(1).endsWith("+/-1.15e-05 (unscaled 3.16e-06)"), lines.get(1));
        assertEquals("This fit had a reduced chisq value of 13.333 (errors scaled by sqrt(reduced chisq) = 3.651)",
                lines.get(2));
        assertTrue(lines.get(3).startsWith("WARNING: reduced chisq 13.333 > 3"), lines.get(3));
        // read back: the headline (scaled) error
        Path f = dir.resolve("ephemeris_fit.txt");
        EphemerisFitFile.write(f, lsq);
        assertEquals(1.63e-5, EphemerisFitFile.read(f).t0Err(), 0.0);
    }
}
