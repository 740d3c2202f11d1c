// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import java.util.Arrays;

/**
 * A time-correlated ("red") error for the slope k of an extinction fit {@code m = offset_g + k X}. Thin cloud and
 * transparency drift make the residuals of a night a random walk on top of white noise, which the white-noise
 * error (thousands of frames, 1/sqrt(N)) ignores: it is then 3-10 times too small.
 * <p>
 * Model: residual covariance {@code C_ij = q min(t_i, t_j) + sigma_i^2 delta_ij}, a random walk of diffusion q
 * (mag^2 per day) common to every aperture (grey transparency), plus white noise. q comes from the residuals'
 * structure function {@code D(dt) = <(r(t + dt) - r(t))^2> = 2 sigma_w^2 + q dt}, fitted over lags of 1 to N/20
 * frames (short lags, where the fit's own removal of the drift is negligible), and used only when its rise is
 * significant (2 sigma; white residuals give a flat structure function). The WLS slope is
 * {@code k = sum a_i y_i} with {@code a_i = w_i (x_i - xbar_g) / Sxx}, so the walk adds
 * {@code q sum_m (t_m - t_(m-1)) (sum_(i >= m) a_i)^2} (points in time order) to the white variance. If the
 * red noise is not a random walk (it saturates), the linear fit of short lags over-estimates q: the error errs
 * on the large side. On simulated nights with a random walk in transparency this error covers the true k in
 * about 68 % of nights (DefaultExtinctionFitterTest), the white-noise error in a few per cent.
 */
final class RedNoise {

    /** Result: the red-noise error of k and the diffusion q (mag^2 / day) it used. */
    record KError(double kErr, double q) {
    }

    private RedNoise() {
    }

    /**
     * @param t        time of each point, days
     * @param x        airmass
     * @param y        magnitude
     * @param s        1-sigma error of each point
     * @param group    aperture index of each point
     * @param use      points in the fit
     * @param offset   fitted offset per group
     * @param k        fitted slope
     * @param kErrWhite the white-noise error of k (scaled by sqrt(chi2nu))
     */
    static KError kError(double[] t, double[] x, double[] y, double[] s, int[] group, boolean[] use, double[] offset,
            double k, double kErrWhite, int ngroups) {
        if (!Double.isFinite(k)) {
            return new KError(Double.NaN, Double.NaN);
        }
        int n = t.length;
        // slope weights a_i = w_i (x_i - xbar_g) / Sxx
        double[] w = new double[ngroups];
        double[] wx = new double[ngroups];
        for (int i = 0; i < n; i++) {
            if (use[i]) {
                double wi = 1 / (s[i] * s[i]);
                w[group[i]] += wi;
                wx[group[i]] += wi * x[i];
            }
        }
        double sxx = 0;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            if (use[i]) {
                double dx = x[i] - wx[group[i]] / w[group[i]];
                a[i] = dx / (s[i] * s[i]);
                sxx += dx * dx / (s[i] * s[i]);
            }
        }
        // structure function of each group's time-ordered residuals, pooled over groups, lags 1..L frames
        double q = diffusion(t, x, y, group, use, offset, k, ngroups);
        // sum over time-ordered points of dt_m (sum_{i >= m} a_i)^2
        Integer[] order = new Integer[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (use[i]) {
                order[m++] = i;
            }
        }
        Integer[] o = Arrays.copyOf(order, m);
        Arrays.sort(o, (i, j) -> Double.compare(t[i], t[j]));
        double tail = 0;
        for (int j = 0; j < m; j++) {
            tail += a[o[j]] / sxx;
        }
        double sum = 0;
        double prev = m > 0 ? t[o[0]] : 0;
        for (int j = 0; j < m; j++) {
            double dt = t[o[j]] - prev;
            sum += dt * tail * tail;
            tail -= a[o[j]] / sxx;
            prev = t[o[j]];
        }
        double white = Double.isFinite(kErrWhite) ? kErrWhite : 0;
        return new KError(Math.sqrt(white * white + q * sum), q);
    }

    /** q from D(dt) = c + q dt over lags 1..max(2, n/20) frames, per group, pooled; 0 if it comes out negative. */
    static double diffusion(double[] t, double[] x, double[] y, int[] group, boolean[] use, double[] offset, double k,
            int ngroups) {
        int n = t.length;
        int maxLag = 2;
        double[][] rt = new double[ngroups][];
        double[][] rr = new double[ngroups][];
        for (int g = 0; g < ngroups; g++) {
            int c = 0;
            for (int i = 0; i < n; i++) {
                if (use[i] && group[i] == g) {
                    c++;
                }
            }
            Integer[] idx = new Integer[c];
            c = 0;
            for (int i = 0; i < n; i++) {
                if (use[i] && group[i] == g) {
                    idx[c++] = i;
                }
            }
            Arrays.sort(idx, (i, j) -> Double.compare(t[i], t[j]));
            rt[g] = new double[c];
            rr[g] = new double[c];
            for (int j = 0; j < c; j++) {
                rt[g][j] = t[idx[j]];
                rr[g][j] = y[idx[j]] - offset[g] - k * x[idx[j]];
            }
            maxLag = Math.max(maxLag, c / 20);
        }
        double[] lagT = new double[maxLag];
        double[] lagD = new double[maxLag];
        double[] lagD2 = new double[maxLag];
        int[] lagN = new int[maxLag];
        for (int g = 0; g < ngroups; g++) {
            int c = rt[g].length;
            for (int l = 1; l <= maxLag && l < c; l++) {
                for (int j = l; j < c; j++) {
                    double d = rr[g][j] - rr[g][j - l];
                    lagT[l - 1] += rt[g][j] - rt[g][j - l];
                    lagD[l - 1] += d * d;
                    lagD2[l - 1] += d * d * d * d;
                    lagN[l - 1]++;
                }
            }
        }
        // weighted least-squares line through (mean dt, mean D) of each lag; the variance of a lag's mean D is the
        // empirical variance of its squared differences / N, doubled because pairs sharing a point are correlated
        double sw = 0;
        double swt = 0;
        double swd = 0;
        int nl = 0;
        double[] mt = new double[maxLag];
        double[] md = new double[maxLag];
        double[] w = new double[maxLag];
        for (int l = 0; l < maxLag; l++) {
            if (lagN[l] > 1) {
                mt[l] = lagT[l] / lagN[l];
                md[l] = lagD[l] / lagN[l];
                double var = 2 * Math.max(lagD2[l] / lagN[l] - md[l] * md[l], 0) / lagN[l];
                if (var > 0) {
                    w[l] = 1 / var;
                    sw += w[l];
                    swt += w[l] * mt[l];
                    swd += w[l] * md[l];
                    nl++;
                }
            }
        }
        if (nl < 2) {
            return 0;
        }
        double tbar = swt / sw;
        double dbar = swd / sw;
        double stt = 0;
        double std = 0;
        for (int l = 0; l < maxLag; l++) {
            if (w[l] > 0) {
                stt += w[l] * (mt[l] - tbar) * (mt[l] - tbar);
                std += w[l] * (mt[l] - tbar) * (md[l] - dbar);
            }
        }
        if (!(stt > 0)) {
            return 0;
        }
        double q = std / stt;
        // a walk only when the rise is significant (2 sigma): white residuals give a flat structure function whose
        // fitted slope is noise
        return q > 2 / Math.sqrt(stt) ? q : 0;
    }
}
