// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The calibration (systematic) error of a lightcurve, kept apart from the per-frame statistical
 * errors: every term is a 1-sigma <em>fraction of the flux</em>, common to all frames of the CCD.
 *
 * @param statisticalMedian   median over frames of flux error / |mean flux| (for comparison only)
 * @param comparisonMags      from the comparison magnitudes' errors: independent parts weighted by each star's
 *                            share of the comparison flux, plus the common zero-point error
 * @param extinction          from the extinction coefficient's error (zero-point magnitudes only)
 * @param comparisonScatter   scatter of the comparisons against each other: standard deviation over comparisons
 *                            of ln(catalogue flux / mean counts), divided by sqrt(N); NaN with fewer than 2.
 *                            It is an empirical check that overlaps {@code comparisonMags}
 * @param systematic          the flux-scale error: the larger of the stars' independent errors and the comparison
 *                            scatter, the common zero-point error and the extinction term in quadrature
 * @param systematicShare     systematic^2 / (systematic^2 + statisticalMedian^2): the systematic fraction of the
 *                            error of a typical frame
 */
public record CalibrationBudget(double statisticalMedian, double comparisonMags, double extinction,
        double comparisonScatter, double systematic, double systematicShare) {

    /** All of {@code comparisonMags} taken as the stars' independent errors (no common zero-point part). */
    public static CalibrationBudget of(double statisticalMedian, double comparisonMags, double extinction,
            double comparisonScatter) {
        return of(statisticalMedian, comparisonMags, 0, extinction, comparisonScatter);
    }

    /**
     * @param independent the stars' independent magnitude errors, as a flux fraction of the comparison sum
     * @param common      the error common to every star: a zero point (standard star, or the catalogue's own
     *                    calibration and AB offsets), flux fraction
     * The comparison scatter measures the same thing as the independent errors (how far the stars disagree), so
     * only the larger of the two enters the systematic error, never both (issue 15 item 7): systematic^2 =
     * max(independent, scatter)^2 + common^2 + extinction^2.
     */
    public static CalibrationBudget of(double statisticalMedian, double independent, double common, double extinction,
            double comparisonScatter) {
        double comparisonMags = Math.sqrt(sq(independent) + sq(common));
        double larger = Math.max(Double.isFinite(independent) ? independent : 0,
                Double.isFinite(comparisonScatter) ? comparisonScatter : 0);
        double s2 = larger * larger + sq(common) + sq(extinction);
        double sys = Math.sqrt(s2);
        double stat2 = sq(statisticalMedian);
        double share = s2 + stat2 > 0 ? s2 / (s2 + stat2) : 0.0;
        return new CalibrationBudget(statisticalMedian, comparisonMags, extinction, comparisonScatter, sys, share);
    }

    private static double sq(double v) {
        return Double.isFinite(v) ? v * v : 0.0;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statistical_median_fraction", statisticalMedian);
        m.put("comparison_magnitudes_fraction", comparisonMags);
        m.put("extinction_fraction", extinction);
        m.put("comparison_scatter_fraction", comparisonScatter);
        m.put("systematic_fraction", systematic);
        m.put("systematic_share_of_variance", systematicShare);
        return m;
    }
}
