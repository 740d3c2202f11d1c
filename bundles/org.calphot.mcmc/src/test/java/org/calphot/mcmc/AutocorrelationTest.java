// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AutocorrelationTest {

    /** nW independent AR(1) walkers x_t = phi x_{t-1} + e_t, started from the stationary law. */
    private static Chain ar1(double phi, int nW, int nS, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[nW * nS];
        double sd0 = 1 / Math.sqrt(1 - phi * phi);
        for (int w = 0; w < nW; w++) {
            double x = sd0 * EnsembleSamplerTest.gauss(r);
            for (int t = 0; t < nS; t++) {
                x = phi * x + EnsembleSamplerTest.gauss(r);
                s[t * nW + w] = x;
            }
        }
        return new Chain(nW, 1, nS, null, s, new double[nW * nS], new long[nW], seed);
    }

    @Test
    void ar1TauWithinTwentyPercentOfAnalytic() {
        for (double phi : new double[] {0.5, 0.9, 0.95}) {
            // analytic integrated autocorrelation time of AR(1): (1 + phi) / (1 - phi) = 3, 19, 39
            double truth = (1 + phi) / (1 - phi);
            Chain c = ar1(phi, 16, 20000, 42);
            Autocorrelation.Estimate e = Autocorrelation.integratedTime(c, 0);
            // 20 % is the tolerance; the estimator's statistical error here is ~3 %
            assertEquals(truth, e.tau()[0], 0.2 * truth, "phi=" + phi);
            assertTrue(e.reliable());
            // the Sokal window M is the first lag with M >= 5 tau(M)
            assertTrue(e.window()[0] >= 5 * e.tau()[0] - 5 && e.window()[0] <= 5 * e.tau()[0] + 5);
            // single series
            double one = Autocorrelation.integratedTime(c.series(0, 0, 0));
            assertEquals(truth, one, 0.3 * truth);
        }
    }

    @Test
    void tooShortChainWarns() {
        Chain c = ar1(0.95, 8, 500, 1);
        Autocorrelation.Estimate e = Autocorrelation.integratedTime(c, 0);
        assertFalse(e.reliable());
        assertNotNull(e.warning());
        assertTrue(e.warning().startsWith("The chain is shorter than 50 times"), e.warning());
        Autocorrelation.BurnThin bt = Autocorrelation.suggest(e, 500);
        assertEquals((int) Math.ceil(2 * e.maxTau()), bt.burn());
        assertEquals(Math.max(1, (int) (0.5 * e.minTau())), bt.thin());
    }

    @Test
    void acfOfWhiteNoiseAndNormalisation() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[4096];
        for (int i = 0; i < x.length; i++) {
            x[i] = EnsembleSamplerTest.gauss(r);
        }
        double[] f = Autocorrelation.function1d(x);
        assertEquals(1.0, f[0], 1e-12);
        // lag-1 autocorrelation of white noise ~ N(0, 1/N): 5 sigma = 0.08
        assertEquals(0.0, f[1], 0.08);
        // direct (non-FFT) sum for lag 3 as an independent check of the FFT route
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double c0 = 0;
        double c3 = 0;
        for (int i = 0; i < x.length; i++) {
            c0 += (x[i] - m) * (x[i] - m);
            if (i + 3 < x.length) {
                c3 += (x[i] - m) * (x[i + 3] - m);
            }
        }
        assertEquals(c3 / c0, f[3], 1e-12);
        assertEquals(1.0, Autocorrelation.integratedTime(x), 0.3);
    }
}
