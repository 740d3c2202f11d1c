// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import java.util.Arrays;

/** Small numerical helpers (JDK only). */
final class Stats {

    private Stats() {
    }

    static double median(double[] v, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] c = Arrays.copyOf(v, n);
        Arrays.sort(c);
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    static double mean(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample standard deviation (n - 1). */
    static double std(double[] v, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(v, n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (v[i] - m) * (v[i] - m);
        }
        return Math.sqrt(s / (n - 1));
    }

    /** Result of {@link #sigmaClip}: mean, median, population std of the kept values, and the keep mask. */
    record Clipped(double mean, double median, double std, int n, boolean[] kept) {
    }

    /**
     * astropy's {@code sigma_clipped_stats} with its defaults: bounds median +- sigma * std (population std),
     * repeated until nothing changes or {@code maxIters} passes. {@code mask} true = left out from the start.
     */
    static Clipped sigmaClip(double[] v, boolean[] mask, double sigma, int maxIters) {
        boolean[] kept = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            kept[i] = !mask[i] && Double.isFinite(v[i]);
        }
        double[] buf = new double[v.length];
        for (int it = 0; it < maxIters; it++) {
            int n = collect(v, kept, buf);
            if (n == 0) {
                break;
            }
            double med = median(buf, n);
            double sd = popStd(buf, n);
            boolean changed = false;
            for (int i = 0; i < v.length; i++) {
                if (kept[i] && Math.abs(v[i] - med) > sigma * sd) {
                    kept[i] = false;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        int n = collect(v, kept, buf);
        return new Clipped(mean(buf, n), median(buf, n), popStd(buf, n), n, kept);
    }

    private static int collect(double[] v, boolean[] kept, double[] buf) {
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (kept[i]) {
                buf[n++] = v[i];
            }
        }
        return n;
    }

    static double popStd(double[] v, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double m = mean(v, n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (v[i] - m) * (v[i] - m);
        }
        return Math.sqrt(s / n);
    }
}
