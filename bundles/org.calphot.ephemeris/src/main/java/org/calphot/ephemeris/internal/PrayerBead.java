// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris.internal;

/**
 * Residual-permutation ("prayer bead") error: the residuals from the best model are shifted
 * cyclically and added back to it, the eclipse is timed again on each fake lightcurve, and the
 * spread of those times is the error. Correlated (red) noise keeps its correlation in every
 * shift, so this error grows with flickering while the white-noise error does not.
 */
public final class PrayerBead {

    /** Shifts used: enough for a 1/sqrt(2 K) = 11 % precision of the spread. */
    public static final int DEFAULT_SHIFTS = 40;

    /** Re-times a fake lightcurve; NaN (or an exception) when that fit fails. */
    @FunctionalInterface
    public interface Refit {
        double midTime(double[] flux) throws Exception;
    }

    private PrayerBead() {
    }

    /**
     * Standard deviation of the mid-times over {@code shifts} evenly spaced cyclic shifts of the
     * residuals (the unshifted data included); NaN with fewer than 5 successful refits.
     */
    public static double sigma(double[] data, double[] model, int shifts, Refit refit) {
        int n = data.length;
        if (n < 10 || model.length != n) {
            return Double.NaN;
        }
        int k = Math.min(shifts, n - 1);
        double[] res = new double[n];
        for (int i = 0; i < n; i++) {
            res[i] = data[i] - model[i];
        }
        double[] times = new double[k + 1];
        int m = 0;
        double[] fake = new double[n];
        for (int j = 0; j <= k; j++) {
            int shift = (int) Math.round((double) j * n / (k + 1));
            for (int i = 0; i < n; i++) {
                fake[i] = model[i] + res[(i + shift) % n];
            }
            double t;
            try {
                t = refit.midTime(fake.clone());
            } catch (Exception e) {
                t = Double.NaN;
            }
            if (Double.isFinite(t)) {
                times[m++] = t;
            }
        }
        if (m < 5) {
            return Double.NaN;
        }
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += times[i];
        }
        mean /= m;
        double v = 0;
        for (int i = 0; i < m; i++) {
            v += (times[i] - mean) * (times[i] - mean);
        }
        return Math.sqrt(v / (m - 1));
    }
}
