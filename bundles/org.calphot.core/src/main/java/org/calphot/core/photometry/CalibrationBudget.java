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
 * @param systematic          the three terms in quadrature (NaN terms left out): the flux-scale error
 * @param systematicShare     systematic^2 / (systematic^2 + statisticalMedian^2): the systematic fraction of the
 *                            error of a typical frame
 */
public record CalibrationBudget(double statisticalMedian, double comparisonMags, double extinction,
        double comparisonScatter, double systematic, double systematicShare) {

    public static CalibrationBudget of(double statisticalMedian, double comparisonMags, double extinction,
            double comparisonScatter) {
        double s2 = sq(comparisonMags) + sq(extinction) + sq(comparisonScatter);
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
