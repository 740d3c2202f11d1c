// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import java.util.Locale;

/**
 * One eclipse timed on several bands (CCDs): the inverse-variance weighted mean of the mid-times,
 * its error {@code 1 / sqrt(sum w)} enlarged by the Birge ratio {@code sqrt(chi2 / (n - 1))} when
 * that is above 1 (the bands then scatter more than their errors say), and a warning naming every
 * band whose standardised residual {@code (t_i - mean) / sqrt(sigma_i^2 - sigma_mean^2)} (the
 * variance of a measurement's difference from a mean that includes it) exceeds 3.
 *
 * @param bands the labels, in the order given
 * @param warning null when the bands agree
 */
public record BandMean(double midBmjdTdb, double error, double chi2, int n, String[] bands, String warning) {

    /** Disagreement threshold of one band's standardised residual. */
    public static final double SIGMA_LIMIT = 3.0;

    /** Reduced chi-square of the bands about the mean (NaN for one band). */
    public double reducedChi2() {
        return n > 1 ? chi2 / (n - 1) : Double.NaN;
    }

    /**
     * @param labels band (or CCD) labels
     * @param times mid-times (days)
     * @param errors their 1-sigma errors (days), each finite and positive
     */
    public static BandMean of(String[] labels, double[] times, double[] errors) {
        int n = times.length;
        if (n == 0 || errors.length != n || labels.length != n) {
            throw new IllegalArgumentException("one label, time and error per band");
        }
        // differences from the first time: a BMJD squared would lose the seconds' digits
        double t0 = times[0];
        double sw = 0;
        double swt = 0;
        for (int i = 0; i < n; i++) {
            if (!(errors[i] > 0) || !Double.isFinite(errors[i])) {
                throw new IllegalArgumentException("band " + labels[i] + ": error must be finite and positive");
            }
            double w = 1 / (errors[i] * errors[i]);
            sw += w;
            swt += w * (times[i] - t0);
        }
        double rel = swt / sw;
        double sigma = Math.sqrt(1 / sw);
        double chi2 = 0;
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double d = times[i] - t0 - rel;
            chi2 += d * d / (errors[i] * errors[i]);
            double var = errors[i] * errors[i] - sigma * sigma;
            double z = var > 0 ? d / Math.sqrt(var) : 0;
            if (Math.abs(z) > SIGMA_LIMIT) {
                bad.append(bad.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "%s by %+.1f sigma (%+.2f s)", labels[i], z, d * 86400));
            }
        }
        double birge = n > 1 ? Math.sqrt(chi2 / (n - 1)) : 1;
        String warning = bad.length() == 0 ? null
                : "the bands disagree beyond their errors: " + bad + String.format(Locale.ROOT,
                        " from the weighted mean (chi2 %.1f for %d bands); its error is scaled by %.2f", chi2, n,
                        Math.max(1, birge));
        return new BandMean(t0 + rel, sigma * Math.max(1, birge), chi2, n, labels.clone(), warning);
    }
}
