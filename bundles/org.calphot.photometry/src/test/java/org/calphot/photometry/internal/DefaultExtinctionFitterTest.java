// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.calphot.core.BadInputException;
import org.calphot.core.log.CcdTable;
import org.calphot.core.photometry.ExtinctionOptions;
import org.calphot.core.photometry.ExtinctionResult;
import org.junit.jupiter.api.Test;

class DefaultExtinctionFitterTest {

    private final DefaultExtinctionFitter fitter = new DefaultExtinctionFitter();

    /** Counts that give exactly magnitude m for a 1 s exposure, with magnitude error sm. */
    private static double counts(double m) {
        return Math.pow(10, -0.4 * m);
    }

    /**
     * Four points by hand, one aperture, equal errors 0.01 mag:
     * X = 1.0, 1.5, 2.0, 2.5; m = 20.10, 20.16, 20.19, 20.27.
     * Xbar = 1.75, Sxx = 0.5625 + 0.0625 + 0.0625 + 0.5625 = 1.25, mbar = 20.18,
     * Sxy = (-0.75)(-0.08) + (-0.25)(-0.02) + (0.25)(0.01) + (0.75)(0.09) = 0.135 -> k = 0.108,
     * m0 = 20.18 - 0.108 * 1.75 = 19.991. Residuals 0.001, 0.007, -0.017, 0.009 -> chi2 = 4.2, dof 2, chi2nu 2.1.
     * var(k) = 0.01^2 / 1.25 * 2.1 = 1.68e-4 -> sigma_k = 0.0129615.
     * var(m0) = (0.01^2 / 4 + 1.75^2 * 0.01^2 / 1.25) * 2.1 = (2.5e-5 + 2.45e-4) * 2.1 = 5.67e-4 -> 0.0238118.
     * (Clipping keeps all four: robust scale of the normalised residuals is 0.59, the largest deviation 2.1.)
     */
    @Test
    void fourPointsByHand() throws Exception {
        double[] x = {1.0, 1.5, 2.0, 2.5};
        double[] m = {20.10, 20.16, 20.19, 20.27};
        double[] c = new double[4];
        double[] e = new double[4];
        for (int i = 0; i < 4; i++) {
            c[i] = counts(m[i]);
            e[i] = c[i] * 0.01 / DefaultExtinctionFitter.MAG_PER_FRAC;
        }
        CcdTable t = TestTables.table("1", new double[] {1, 2, 3, 4}, TestTables.allOk(4), TestTables.filled(4, 1.0),
                List.of(new TestTables.Ap("1", c, e, null)));
        ExtinctionResult r = fitter.fit(t, "r", x, ExtinctionOptions.DEFAULTS);
        ExtinctionResult.ApertureFit f = r.apertures().get(0);
        // tolerance 1e-9: the only rounding is double arithmetic on 4-digit inputs
        assertEquals(0.108, f.k(), 1e-9);
        assertEquals(19.991, f.intercept(), 1e-9);
        assertEquals(2.1, f.chi2nu(), 1e-7);
        assertEquals(0.0129615, f.kErr(), 1e-7);
        assertEquals(0.0238118, f.interceptErr(), 1e-7);
        assertEquals(0, f.nClipped());
        // one aperture: the joint fit is the same line
        assertEquals(0.108, r.jointK(), 1e-9);
        assertEquals(1.0, r.airmassMin(), 0);
        assertEquals(2.5, r.airmassMax(), 0);
    }

    @Test
    void refusesSmallAirmassRange() {
        int n = 50;
        double[] x = new double[n];
        double[] c = new double[n];
        double[] e = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.10 + 0.15 * i / (n - 1);
            c[i] = counts(15 + 0.2 * x[i]);
            e[i] = 0.01 * c[i];
            t[i] = i;
        }
        CcdTable tab = TestTables.table("2", t, TestTables.allOk(n), TestTables.filled(n, 1.0),
                List.of(new TestTables.Ap("1", c, e, null)));
        BadInputException ex = assertThrows(BadInputException.class,
                () -> fitter.fit(tab, "g", x, ExtinctionOptions.DEFAULTS));
        assertTrue(ex.getMessage().contains("airmass range 0.150") && ex.getMessage().contains("below 0.20"),
                ex.getMessage());
    }

    /** Poisson-noise data with a known k; three stars of different brightness; X from 1.05 to 2.2. */
    static CcdTable simulate(long seed, double k, double[] xOut) {
        Random rnd = new Random(seed);
        int n = xOut.length;
        double[] t = new double[n];
        double[] exp = TestTables.filled(n, 10.0);
        double[] m0 = {14.0, 15.5, 16.5};
        double zp = 25.0;
        List<TestTables.Ap> aps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t[i] = 58000 + i * 0.003;
            xOut[i] = 1.05 + 1.15 * i / (n - 1);
        }
        for (int a = 0; a < m0.length; a++) {
            double[] c = new double[n];
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                double truth = exp[i] * Math.pow(10, -0.4 * (m0[a] - zp + k * xOut[i]));
                double sigma = Math.sqrt(truth + 400.0); // photon noise plus sky/readout
                c[i] = truth + sigma * rnd.nextGaussian();
                e[i] = sigma;
            }
            aps.add(new TestTables.Ap(String.valueOf(a + 1), c, e, null));
        }
        return TestTables.table("1", t, TestTables.allOk(n), exp, aps);
    }

    /**
     * Over 300 fixed seeds (k = 0.10, 0.25, 0.50 in turn) the joint k lies within its 1-sigma error about 68 % of
     * the time: binomial sd for 300 trials is sqrt(0.683 * 0.317 / 300) = 0.027, so [0.60, 0.76] is a 3-sigma
     * window. The error estimate matches the scatter of the recovered k: the standard deviation of the pulls
     * (k_fit - k_true) / sigma_k is 1 within 20 % (its own sampling error is 1 / sqrt(2 * 300) = 4 %), and the rms
     * of sigma_k matches the scatter of k_fit within 20 % for each k.
     */
    @Test
    void recoversKWithHonestErrors() throws Exception {
        double[] ks = {0.10, 0.25, 0.50};
        int trials = 300;
        int inside = 0;
        int insideAp = 0;
        double pullSum2 = 0;
        double[][] dev = new double[3][trials / 3];
        double[][] err = new double[3][trials / 3];
        for (int s = 0; s < trials; s++) {
            double k = ks[s % 3];
            double[] x = new double[120];
            CcdTable t = simulate(1000 + s, k, x);
            ExtinctionResult r = fitter.fit(t, "g", x, ExtinctionOptions.DEFAULTS);
            double pull = (r.jointK() - k) / r.jointKErr();
            pullSum2 += pull * pull;
            if (Math.abs(pull) <= 1) {
                inside++;
            }
            ExtinctionResult.ApertureFit f = r.apertures().get(1);
            if (Math.abs(f.k() - k) <= f.kErr()) {
                insideAp++;
            }
            dev[s % 3][s / 3] = r.jointK() - k;
            err[s % 3][s / 3] = r.jointKErr();
        }
        double frac = inside / (double) trials;
        double fracAp = insideAp / (double) trials;
        double pullSd = Math.sqrt(pullSum2 / trials);
        System.out.printf("extinction recovery: joint within 1 sigma %.3f, aperture 2 %.3f, pull sd %.3f%n", frac,
                fracAp, pullSd);
        assertTrue(frac > 0.60 && frac < 0.76, "joint coverage " + frac);
        assertTrue(fracAp > 0.60 && fracAp < 0.76, "per-aperture coverage " + fracAp);
        assertEquals(1.0, pullSd, 0.2);
        for (int g = 0; g < 3; g++) {
            double sd = Stats.std(dev[g], dev[g].length);
            double rms = 0;
            for (double v : err[g]) {
                rms += v * v;
            }
            rms = Math.sqrt(rms / err[g].length);
            System.out.printf("  k=%.2f: scatter of k %.5f, rms error %.5f, ratio %.3f%n", ks[g], sd, rms, rms / sd);
            assertEquals(1.0, rms / sd, 0.2, "k = " + ks[g]);
        }
    }

    @Test
    void clipsOutliersAndKeepsSeries() throws Exception {
        double[] x = new double[120];
        CcdTable t = simulate(42, 0.2, x);
        // spoil 3 points of aperture 1 by 30 % (clouds/cosmic ray in the aperture)
        double[] c = t.aperture("1").counts().toDoubleArray();
        double[] e = t.aperture("1").countsError().toDoubleArray();
        c[10] *= 0.7;
        c[50] *= 0.7;
        c[90] *= 1.3;
        List<TestTables.Ap> aps = List.of(new TestTables.Ap("1", c, e, null),
                new TestTables.Ap("2", t.aperture("2").counts().toDoubleArray(),
                        t.aperture("2").countsError().toDoubleArray(), null));
        CcdTable t2 = TestTables.table("1", t.mjdUtc(), TestTables.allOk(120), TestTables.filled(120, 10), aps);
        // apertures named: aperture 1 is in the joint fit (by default the target, aperture 1, is left out of it)
        ExtinctionResult r = fitter.fit(t2, "g", x, new ExtinctionOptions(0, ExtinctionOptions.DEFAULT_CLIP,
                ExtinctionOptions.DEFAULT_MIN_RANGE, List.of("1", "2")));
        ExtinctionResult.ApertureFit f = r.apertures().get(0);
        assertEquals(3, f.nClipped());
        assertTrue(!f.used()[10] && !f.used()[50] && !f.used()[90]);
        assertEquals(120, f.airmass().length);
        assertEquals(0.2, f.k(), 4 * f.kErr());
        assertEquals(3, r.jointClipped());
    }
}
