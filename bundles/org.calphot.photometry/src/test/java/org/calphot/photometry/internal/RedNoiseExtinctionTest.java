// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.calphot.core.log.CcdTable;
import org.calphot.core.photometry.ExtinctionOptions;
import org.calphot.core.photometry.ExtinctionResult;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 6: extinction on simulated nights with red noise. Each night: 600 frames over 4.5 h of a field at
 * Dec -10 deg seen from La Silla (latitude -29.25 deg), hour angle -3.5 h to +1 h, so the airmass
 * sec z = 1 / (sin(lat) sin(dec) + cos(lat) cos(dec) cos(HA)) runs 1.64 -> 1.06 -> 1.09; true k = 0.200 mag per
 * airmass. Transparency is a random walk common to every star (steps of 0.0005 mag per frame: ~0.012 mag over the
 * night, a thin-cirrus night), on top of white noise of 0.004 and 0.006 mag for the two comparisons. Aperture 1 is
 * the target, a variable (0.3 mag sinusoid, period 0.06 d): by default it must stay out of the joint fit.
 * <p>
 * Over a fixed set of 200 seeds, a 1-sigma error that is right covers the true k in 68 % of nights (binomial
 * standard deviation sqrt(0.68 x 0.32 / 200) = 3.3 %, so [0.56, 0.80] is +-3.6 sigma); the white-noise error, which
 * treats the 600 frames as independent, covers far fewer.
 */
class RedNoiseExtinctionTest {

    static final double K = 0.200;

    static CcdTable night(long seed) {
        Random rnd = new Random(seed);
        int n = 600;
        double[] mjd = new double[n];
        double[] x = new double[n];
        double lat = Math.toRadians(-29.25);
        double dec = Math.toRadians(-10);
        for (int i = 0; i < n; i++) {
            double hours = 4.5 * i / (n - 1);
            mjd[i] = 60000.0 + hours / 24;
            double ha = Math.toRadians((-3.5 + hours) * 15);
            x[i] = 1 / (Math.sin(lat) * Math.sin(dec) + Math.cos(lat) * Math.cos(dec) * Math.cos(ha));
        }
        double walk = 0;
        double[] rw = new double[n];
        for (int i = 0; i < n; i++) {
            walk += 0.0005 * rnd.nextGaussian();
            rw[i] = walk;
        }
        double[] m0 = {17.0, 15.0, 15.8};
        double[] white = {0.010, 0.004, 0.006};
        List<TestTables.Ap> aps = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            double[] c = new double[n];
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                double var = a == 0 ? 0.3 * Math.sin(2 * Math.PI * (mjd[i] - 60000) / 0.06) : 0;
                double m = m0[a] + var + K * x[i] + rw[i] + white[a] * rnd.nextGaussian();
                c[i] = 10.0 * Math.pow(10, -0.4 * (m - 25));
                e[i] = white[a] / DefaultExtinctionFitter.MAG_PER_FRAC * c[i];
            }
            aps.add(new TestTables.Ap(String.valueOf(a + 1), c, e, null));
        }
        return TestTables.table("1", mjd, TestTables.allOk(n), TestTables.filled(n, 10.0), aps);
    }

    @Test
    void redNoiseErrorCoversTheTrueKAbout68PerCent() throws Exception {
        DefaultExtinctionFitter fitter = new DefaultExtinctionFitter();
        int seeds = 200;
        int red = 0;
        int white = 0;
        double ratio = 0;
        for (long s = 1; s <= seeds; s++) {
            CcdTable t = night(s);
            double[] x = new double[t.rows()];
            double lat = Math.toRadians(-29.25);
            double dec = Math.toRadians(-10);
            for (int i = 0; i < x.length; i++) {
                double ha = Math.toRadians((-3.5 + (t.mjdUtc()[i] - 60000.0) * 24) * 15);
                x[i] = 1 / (Math.sin(lat) * Math.sin(dec) + Math.cos(lat) * Math.cos(dec) * Math.cos(ha));
            }
            ExtinctionResult r = fitter.fit(t, "g", x, ExtinctionOptions.DEFAULTS);
            assertEquals(List.of("2", "3"), r.jointApertures(), "the target stays out of the joint fit");
            assertTrue(Double.isNaN(r.jointOffsets()[0]));
            assertEquals(Math.max(r.jointKErrWhite(), r.jointKErrRed()), r.jointKErr(), 0.0, "the larger is used");
            red += Math.abs(r.jointK() - K) < r.jointKErr() ? 1 : 0;
            white += Math.abs(r.jointK() - K) < r.jointKErrWhite() ? 1 : 0;
            ratio += r.jointKErrRed() / r.jointKErrWhite() / seeds;
        }
        double cr = red / (double) seeds;
        double cw = white / (double) seeds;
        System.out.printf("red-noise extinction: coverage red %.3f, white %.3f, mean red/white error %.2f%n", cr, cw,
                ratio);
        assertTrue(cr >= 0.56 && cr <= 0.80, "red-noise coverage " + cr + " (white " + cw + ", mean ratio " + ratio
                + ")");
        assertTrue(cw < 0.35, "white-noise coverage " + cw);
        assertTrue(ratio > 3, "the red-noise error is several times the white one: " + ratio);
    }

    @Test
    void namedAperturesAreAllInTheJointFit() throws Exception {
        CcdTable t = night(7);
        double[] x = new double[t.rows()];
        java.util.Arrays.fill(x, 1.0);
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.0 + 0.6 * i / (x.length - 1.0);
        }
        ExtinctionResult r = new DefaultExtinctionFitter().fit(t, "g", x, new ExtinctionOptions(0, 5.0, 0.2,
                List.of("1", "2", "3")));
        assertEquals(List.of("1", "2", "3"), r.jointApertures());
        assertTrue(Double.isFinite(r.jointOffsets()[0]));
    }
}
