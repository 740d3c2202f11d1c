// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

/**
 * calphot's one quantile function: numpy's default ({@code method="linear"}), so medians, credible intervals and
 * plot ranges agree with cal_phot's and with numpy-based scripts to the last bit.
 */
public final class Quantile {

    private Quantile() {
    }

    /**
     * Quantile {@code q} in [0, 1] of ascending {@code sorted} values: virtual index {@code (n - 1) q} and linear
     * interpolation between the two order statistics around it, written as numpy's {@code _lerp} writes it (from the
     * upper neighbour when the fraction is at least one half), which is what makes the last bit agree; NaN if empty.
     */
    public static double ofSorted(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double pos = (n - 1) * q;
        int lo = (int) Math.floor(pos);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        if (lo < 0) {
            return sorted[0];
        }
        double t = pos - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
