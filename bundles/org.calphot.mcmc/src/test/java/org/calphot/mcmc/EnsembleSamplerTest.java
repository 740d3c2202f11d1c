// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.math3.linear.MatrixUtils;
import org.calphot.core.CalphotException;
import org.calphot.core.CancelledException;
import org.calphot.core.ProgressMonitor;
import org.junit.jupiter.api.Test;

class EnsembleSamplerTest {

    private static final int D = 5;

    /** Sigma_ij = s_i s_j 0.8^|i-j| with very different scales: strongly correlated, badly scaled. */
    private static double[][] covariance() {
        double[] s = {1.0, 2.0, 0.5, 30.0, 1e-3};
        double[][] c = new double[D][D];
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                c[i][j] = s[i] * s[j] * Math.pow(0.8, Math.abs(i - j));
            }
        }
        return c;
    }

    private static final double[] MU = {1.0, -2.0, 0.3, 100.0, 5e-3};

    private static LogProbability gaussian(double[][] cov) {
        double[][] inv = MatrixUtils.inverse(MatrixUtils.createRealMatrix(cov)).getData();
        return x -> {
            double q = 0;
            for (int i = 0; i < D; i++) {
                double di = x[i] - MU[i];
                double row = 0;
                for (int j = 0; j < D; j++) {
                    row += inv[i][j] * (x[j] - MU[j]);
                }
                q += di * row;
            }
            return -0.5 * q;
        };
    }

    private static double[][] ball(int nW, double[][] cov, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[nW][D];
        for (int w = 0; w < nW; w++) {
            for (int d = 0; d < D; d++) {
                p[w][d] = MU[d] + 0.1 * Math.sqrt(cov[d][d]) * gauss(r);
            }
        }
        return p;
    }

    static double gauss(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void correlatedGaussianMeansAndCovarianceWithinThreeMonteCarloErrors() throws Exception {
        double[][] cov = covariance();
        int nW = 32;
        int nS = 12000;
        int burn = 2000;
        Chain chain = new EnsembleSampler(nW, D, gaussian(cov)).seed(20240611L).threads(1).run(ball(nW, cov, 7), nS,
                ProgressMonitor.NULL);
        double acc = chain.meanAcceptanceFraction();
        // emcee's stretch move in 5-D accepts roughly 0.3-0.5 of proposals
        assertTrue(acc > 0.2 && acc < 0.7, "acceptance " + acc);
        Autocorrelation.Estimate est = Autocorrelation.integratedTime(chain, burn);
        assertTrue(est.reliable(), est.warning());
        int n = (nS - burn) * nW;
        double[][] x = new double[D][];
        double[] mean = new double[D];
        for (int d = 0; d < D; d++) {
            x[d] = chain.flat(d, burn, 1);
            for (double v : x[d]) {
                mean[d] += v;
            }
            mean[d] /= n;
            // Monte Carlo standard error of a mean of correlated draws: sqrt(var * tau / N)
            double se = Math.sqrt(cov[d][d] * est.tau()[d] / n);
            assertEquals(MU[d], mean[d], 3 * se, "mean of parameter " + d);
        }
        for (int i = 0; i < D; i++) {
            for (int j = i; j < D; j++) {
                double[] prod = new double[n];
                double c = 0;
                for (int k = 0; k < n; k++) {
                    prod[k] = (x[i][k] - mean[i]) * (x[j][k] - mean[j]);
                    c += prod[k];
                }
                c /= n;
                // var of a product of jointly Gaussian deviates is S_ii S_jj + S_ij^2; its tau is
                // estimated from the product series itself (walker-averaged ACF)
                Chain pc = new Chain(nW, 1, nS - burn, null, prod, new double[n], new long[nW], 0);
                double tau = Autocorrelation.integratedTime(pc, 0).tau()[0];
                double se = Math.sqrt((cov[i][i] * cov[j][j] + cov[i][j] * cov[i][j]) * tau / n);
                assertEquals(cov[i][j], c, 3 * se, "covariance " + i + "," + j);
            }
        }
    }

    @Test
    void bitIdenticalWhateverTheThreadCount() throws Exception {
        double[][] cov = covariance();
        LogProbability lp = gaussian(cov);
        Chain serial = new EnsembleSampler(16, D, lp).seed(99).threads(1).run(ball(16, cov, 3), 300, null);
        Chain two = new EnsembleSampler(16, D, lp).seed(99).threads(2).run(ball(16, cov, 3), 300, null);
        Chain four = new EnsembleSampler(16, D, lp).seed(99).threads(4).run(ball(16, cov, 3), 300, null);
        EnsembleSampler autoSampler = new EnsembleSampler(16, D, lp).seed(99).threads(0);
        autoSampler.parallelThresholdNanos = 0; // force the mid-run switch to the pool
        Chain auto = autoSampler.run(ball(16, cov, 3), 300, null);
        assertEquals(Math.min(8, Runtime.getRuntime().availableProcessors()), autoSampler.threadsUsed());
        assertArrayEquals(serial.samples(), two.samples());
        assertArrayEquals(serial.samples(), four.samples());
        assertArrayEquals(serial.samples(), auto.samples());
        assertArrayEquals(serial.logProb(), four.logProb());
        assertArrayEquals(serial.accepted(), four.accepted());
        Chain other = new EnsembleSampler(16, D, lp).seed(100).threads(1).run(ball(16, cov, 3), 300, null);
        assertTrue(other.samples()[other.samples().length - 1] != serial.samples()[serial.samples().length - 1]);
    }

    @Test
    void stateChangesOnlyOnAcceptanceAndLogProbMatchesPosition() throws Exception {
        double[][] cov = covariance();
        LogProbability lp = gaussian(cov);
        Chain c = new EnsembleSampler(12, D, lp).seed(5).run(ball(12, cov, 1), 200, null);
        long moves = 0;
        for (int t = 1; t < c.nSteps(); t++) {
            for (int w = 0; w < c.nWalkers(); w++) {
                if (c.value(t, w, 0) != c.value(t - 1, w, 0)) {
                    moves++;
                }
                double[] p = new double[D];
                for (int d = 0; d < D; d++) {
                    p[d] = c.value(t, w, d);
                }
                assertEquals(lp.logProbability(p), c.logProb(t, w), 1e-12 * (1 + Math.abs(c.logProb(t, w))));
            }
        }
        long acc = 0;
        for (long a : c.accepted()) {
            acc += a;
        }
        // acceptances in step 0 are not visible as a change between stored steps
        assertTrue(acc >= moves && acc - moves <= c.nWalkers(), acc + " vs " + moves);
    }

    @Test
    void cancelStopsTheRun() {
        AtomicInteger worked = new AtomicInteger();
        ProgressMonitor mon = new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int work) {
                worked.addAndGet(work);
            }

            @Override
            public void subTask(String name) {
            }

            @Override
            public boolean isCanceled() {
                return worked.get() >= 50;
            }
        };
        double[][] cov = covariance();
        assertThrows(CancelledException.class,
                () -> new EnsembleSampler(10, D, gaussian(cov)).run(ball(10, cov, 1), 100000, mon));
        assertTrue(worked.get() < 1000);
    }

    @Test
    void rejectsBadSetups() {
        assertThrows(IllegalArgumentException.class, () -> new EnsembleSampler(8, 5, x -> 0));
        double[][] p = new double[10][5];
        assertThrows(CalphotException.class, () -> new EnsembleSampler(10, 5, x -> Double.NaN).run(p, 10, null));
        assertThrows(CalphotException.class,
                () -> new EnsembleSampler(10, 5, x -> Double.NEGATIVE_INFINITY).run(p, 10, null));
    }

    @Test
    void acceptanceFractionPerWalker() throws Exception {
        // A flat density inside a box: with a = 2 most stretch moves inside the box are accepted
        LogProbability box = x -> {
            for (double v : x) {
                if (v < 0 || v > 1) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            return 0;
        };
        SplittableRandom r = new SplittableRandom(1);
        double[][] p = new double[8][2];
        for (double[] w : p) {
            w[0] = r.nextDouble();
            w[1] = r.nextDouble();
        }
        Chain c = new EnsembleSampler(8, 2, box).seed(1).run(p, 2000, null);
        double[] f = c.acceptanceFraction();
        assertEquals(8, f.length);
        for (double v : f) {
            assertTrue(v > 0.3 && v < 1.0, "acceptance " + v);
        }
    }
}
