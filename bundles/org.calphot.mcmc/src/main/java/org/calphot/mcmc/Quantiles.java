// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.mcmc;

import java.util.Arrays;

import org.calphot.core.util.Quantile;

/** Percentiles of samples, linear interpolation between order statistics (numpy's default). */
public final class Quantiles {

    private Quantiles() {
    }

    /** Percentile {@code q} in [0, 100] of {@code values} (not modified). */
    public static double percentile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        return percentileOfSorted(s, q);
    }

    /** Percentile {@code q} in [0, 100] of ascending values: {@link Quantile#ofSorted} at {@code q / 100}. */
    public static double percentileOfSorted(double[] sorted, double q) {
        return Quantile.ofSorted(sorted, q / 100.0);
    }

    /** {median, 1 sigma} with 1 sigma = half the 16th-84th percentile width (not the full width, as cal_phot quoted). */
    public static double[] medianAndSigma(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        double p16 = percentileOfSorted(s, 16);
        double p84 = percentileOfSorted(s, 84);
        return new double[] {percentileOfSorted(s, 50), 0.5 * (p84 - p16)};
    }
}
