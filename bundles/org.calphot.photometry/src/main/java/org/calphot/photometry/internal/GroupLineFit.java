// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

/**
 * Weighted least squares of y = c_g + k x with one free offset c_g per group (one group = an ordinary
 * straight line), with iterative clipping. Closed form: for fixed k each offset is the weighted mean of
 * y - k x in its group, so k comes from the pooled within-group sums
 * k = sum w (x - xbar_g)(y - ybar_g) / sum w (x - xbar_g)^2, var(k) = 1 / sum w (x - xbar_g)^2,
 * var(c_g) = 1 / W_g + xbar_g^2 var(k). Both variances are multiplied by the reduced chi-square, so the
 * errors follow the actual scatter (the log's count errors leave out scintillation).
 */
final class GroupLineFit {

    double k = Double.NaN;
    double kErr = Double.NaN;
    double chi2nu = Double.NaN;
    double[] offset;
    double[] offsetErr;
    boolean[] used;
    int nUsed;
    int nClipped;

    private GroupLineFit() {
    }

    /**
     * @param clip reject points with |normalised residual| above clip times the robust (MAD) scale of the
     *             normalised residuals; repeated until the kept set does not change
     */
    static GroupLineFit fit(double[] x, double[] y, double[] s, int[] group, int ngroups, double clip) {
        int n = x.length;
        GroupLineFit f = new GroupLineFit();
        f.used = new boolean[n];
        java.util.Arrays.fill(f.used, true);
        double[] z = new double[n];
        for (int it = 0; it < 30; it++) {
            f.solve(x, y, s, group, ngroups);
            if (!Double.isFinite(f.k)) {
                break;
            }
            int m = 0;
            double[] buf = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = (y[i] - f.offset[group[i]] - f.k * x[i]) / s[i];
                if (f.used[i]) {
                    buf[m++] = z[i];
                }
            }
            double med = Stats.median(buf, m);
            for (int i = 0; i < m; i++) {
                buf[i] = Math.abs(buf[i] - med);
            }
            double scale = 1.4826 * Stats.median(buf, m);
            if (!(scale > 0)) {
                break;
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                boolean keep = Math.abs(z[i] - med) <= clip * scale;
                if (keep != f.used[i]) {
                    f.used[i] = keep;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        f.solve(x, y, s, group, ngroups);
        return f;
    }

    private void solve(double[] x, double[] y, double[] s, int[] group, int ngroups) {
        double[] w = new double[ngroups];
        double[] wx = new double[ngroups];
        double[] wy = new double[ngroups];
        int n = x.length;
        nUsed = 0;
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                double wi = 1.0 / (s[i] * s[i]);
                w[group[i]] += wi;
                wx[group[i]] += wi * x[i];
                wy[group[i]] += wi * y[i];
                nUsed++;
            }
        }
        nClipped = n - nUsed;
        double sxx = 0;
        double sxy = 0;
        int groupsUsed = 0;
        for (int g = 0; g < ngroups; g++) {
            if (w[g] > 0) {
                groupsUsed++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                int g = group[i];
                double wi = 1.0 / (s[i] * s[i]);
                double dx = x[i] - wx[g] / w[g];
                sxx += wi * dx * dx;
                sxy += wi * dx * (y[i] - wy[g] / w[g]);
            }
        }
        offset = new double[ngroups];
        offsetErr = new double[ngroups];
        int dof = nUsed - groupsUsed - 1;
        if (!(sxx > 0) || dof < 1) {
            k = Double.NaN;
            kErr = Double.NaN;
            chi2nu = Double.NaN;
            java.util.Arrays.fill(offset, Double.NaN);
            java.util.Arrays.fill(offsetErr, Double.NaN);
            return;
        }
        k = sxy / sxx;
        double chi2 = 0;
        for (int g = 0; g < ngroups; g++) {
            offset[g] = w[g] > 0 ? (wy[g] - k * wx[g]) / w[g] : Double.NaN;
        }
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                double r = (y[i] - offset[group[i]] - k * x[i]) / s[i];
                chi2 += r * r;
            }
        }
        chi2nu = chi2 / dof;
        double varK = 1.0 / sxx;
        kErr = Math.sqrt(varK * chi2nu);
        for (int g = 0; g < ngroups; g++) {
            if (w[g] > 0) {
                double xbar = wx[g] / w[g];
                offsetErr[g] = Math.sqrt((1.0 / w[g] + xbar * xbar * varK) * chi2nu);
            } else {
                offsetErr[g] = Double.NaN;
            }
        }
    }
}
