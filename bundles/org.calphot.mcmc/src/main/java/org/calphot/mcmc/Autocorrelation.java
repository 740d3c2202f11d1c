// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.mcmc;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Integrated autocorrelation time, emcee's estimator ({@code emcee.autocorr.integrated_time}):
 * the normalised autocorrelation function of each walker by FFT, averaged over walkers,
 * {@code tau(M) = 1 + 2 sum_{t=1..M} rho(t)}, with Sokal's adaptive window: the smallest M with
 * {@code M >= c tau(M)} (c = 5). The estimate is flagged unreliable when the chain is shorter
 * than {@code tol * tau} steps (tol = 50), emcee's "chain too short" condition.
 */
public final class Autocorrelation {

    public static final double DEFAULT_C = 5.0;
    public static final double DEFAULT_TOL = 50.0;

    /**
     * Estimated tau per parameter (in steps), the window M used, the number of steps the
     * estimate is based on, and a warning text when the chain is too short (null otherwise).
     */
    public record Estimate(double[] tau, int[] window, int nSteps, String warning) {

        public boolean reliable() {
            return warning == null;
        }

        public double maxTau() {
            return Arrays.stream(tau).max().orElse(Double.NaN);
        }

        public double minTau() {
            return Arrays.stream(tau).min().orElse(Double.NaN);
        }
    }

    /** Burn-in and thinning (in steps) derived from tau. */
    public record BurnThin(int burn, int thin) {
    }

    private Autocorrelation() {
    }

    /** Normalised autocorrelation function of one series, rho(0) = 1 (emcee's {@code function_1d}). */
    public static double[] function1d(double[] x) {
        int n = x.length;
        double[] acf = new double[n];
        double[][] buf = new double[2][2 * nextPowerOfTwo(n)];
        accumulateAcf(x, 0, n, buf, acf);
        return acf;
    }

    /** Integrated autocorrelation time of one series (c = 5). */
    public static double integratedTime(double[] x) {
        double[] f = function1d(x);
        return tauFromAcf(f, DEFAULT_C)[0];
    }

    /** emcee's estimate for every parameter of {@code chain} after discarding {@code burn} steps. */
    public static Estimate integratedTime(Chain chain, int burn) {
        return integratedTime(chain, burn, DEFAULT_C, DEFAULT_TOL);
    }

    public static Estimate integratedTime(Chain chain, int burn, double c, double tol) {
        int n = chain.nSteps() - burn;
        if (burn < 0 || n < 2) {
            throw new IllegalArgumentException("need at least 2 steps after burn-in");
        }
        int nDim = chain.nDim();
        int nW = chain.nWalkers();
        double[] tau = new double[nDim];
        int[] window = new int[nDim];
        double[][] buf = new double[2][2 * nextPowerOfTwo(n)];
        double[] series = new double[n];
        double[] f = new double[n];
        double[] one = new double[n];
        double[] s = chain.samples();
        for (int d = 0; d < nDim; d++) {
            Arrays.fill(f, 0);
            for (int w = 0; w < nW; w++) {
                for (int t = 0; t < n; t++) {
                    series[t] = s[((t + burn) * nW + w) * nDim + d];
                }
                Arrays.fill(one, 0);
                accumulateAcf(series, 0, n, buf, one);
                for (int t = 0; t < n; t++) {
                    f[t] += one[t];
                }
            }
            for (int t = 0; t < n; t++) {
                f[t] /= nW;
            }
            double[] tw = tauFromAcf(f, c);
            tau[d] = tw[0];
            window[d] = (int) tw[1];
        }
        int bad = 0;
        for (double t : tau) {
            if (!(tol * t <= n)) {
                bad++;
            }
        }
        String warning = null;
        if (bad > 0) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT,
                    "The chain is shorter than %.0f times the integrated autocorrelation time for %d parameter(s). "
                            + "Use this estimate with caution and run a longer chain! N/%.0f = %d; tau:",
                    tol, bad, tol, (int) (n / tol)));
            for (double t : tau) {
                sb.append(String.format(Locale.ROOT, " %.4g", t));
            }
            warning = sb.toString();
        }
        return new Estimate(tau, window, n, warning);
    }

    /**
     * Burn-in {@code ceil(2 max tau)} and thinning {@code max(1, floor(min tau / 2))}, the emcee
     * documentation's recipe; burn-in is capped at half the chain so enough samples remain.
     */
    public static BurnThin suggest(Estimate estimate, int nSteps) {
        double max = estimate.maxTau();
        double min = estimate.minTau();
        int burn = Double.isFinite(max) ? (int) Math.ceil(2 * max) : nSteps / 2;
        burn = Math.max(0, Math.min(burn, nSteps / 2));
        int thin = Double.isFinite(min) ? Math.max(1, (int) Math.floor(0.5 * min)) : 1;
        thin = Math.min(thin, Math.max(1, (nSteps - burn) / 2));
        return new BurnThin(burn, thin);
    }

    /** Returns {tau, window}; window rule of emcee's auto_window. */
    private static double[] tauFromAcf(double[] f, double c) {
        double cum = 0;
        double tau = Double.NaN;
        for (int m = 0; m < f.length; m++) {
            cum += f[m];
            tau = 2 * cum - 1;
            if (m >= c * tau) {
                return new double[] {tau, m};
            }
        }
        // Never satisfied: take the last index (emcee's intent; its argmin quirk would return 0).
        return new double[] {tau, f.length - 1};
    }

    private static void accumulateAcf(double[] x, int from, int n, double[][] buf, double[] acf) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[from + i];
        }
        mean /= n;
        double[] re = buf[0];
        double[] im = buf[1];
        Arrays.fill(re, 0);
        Arrays.fill(im, 0);
        for (int i = 0; i < n; i++) {
            re[i] = x[from + i] - mean;
        }
        FastFourierTransformer.transformInPlace(buf, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int i = 0; i < re.length; i++) {
            re[i] = re[i] * re[i] + im[i] * im[i];
            im[i] = 0;
        }
        FastFourierTransformer.transformInPlace(buf, DftNormalization.STANDARD, TransformType.INVERSE);
        double r0 = re[0];
        if (r0 == 0) {
            // constant series: no information; treat as uncorrelated
            acf[0] += 1;
            return;
        }
        for (int i = 0; i < n; i++) {
            acf[i] += re[i] / r0;
        }
    }

    static int nextPowerOfTwo(int n) {
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }
}
