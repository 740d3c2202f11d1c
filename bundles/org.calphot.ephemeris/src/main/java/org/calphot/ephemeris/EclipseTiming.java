// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

/**
 * One timed eclipse. {@code midBmjdTdb} and {@code error} are the posterior median and 1 sigma
 * (16-84 half-width) of the mid-eclipse time; {@code width} is the full width at half depth
 * (days), {@code edgeTau} the tanh ingress/egress time scale, {@code depth} the eclipse depth in
 * flux units. {@code errorScale} = max(1, sqrt(reduced chi2)) was applied to the flux errors.
 * The data in the fit window and the best model at those times are kept for the eclipse figure.
 *
 * <p>{@code model} names the {@link EclipseTimer} that measured it; {@code errWhite} is the
 * white-noise error (MCMC or propagated), {@code errRed} the residual-permutation ("prayer bead")
 * error, and {@code error} the one used (the larger), named by {@code errMethod}. For the
 * white-dwarf models {@code ingressBmjdTdb}/{@code egressBmjdTdb} are the white dwarf's mid-ingress
 * and mid-egress and {@code wdWidth} their difference (days), NaN otherwise. {@code profile}, when
 * not null, is the fitted model at any time (for the figure).
 */
public record EclipseTiming(double midBmjdTdb, double error, double width, double widthErr, double edgeTau,
        double depth, double windowStart, double windowEnd, int nPoints, double reducedChi2, double errorScale,
        double meanAcceptance, double tauSteps, String warning, double[] fitBmjdTdb, double[] fitFlux,
        double[] fitFluxErr, double[] modelFlux, String model, double errWhite, double errRed, String errMethod,
        double ingressBmjdTdb, double ingressErr, double egressBmjdTdb, double egressErr, double wdWidth,
        java.util.function.DoubleUnaryOperator profile) {

    /** The symmetric model's timing: white-noise error only, no contact points. */
    public EclipseTiming(double midBmjdTdb, double error, double width, double widthErr, double edgeTau,
            double depth, double windowStart, double windowEnd, int nPoints, double reducedChi2, double errorScale,
            double meanAcceptance, double tauSteps, String warning, double[] fitBmjdTdb, double[] fitFlux,
            double[] fitFluxErr, double[] modelFlux) {
        this(midBmjdTdb, error, width, widthErr, edgeTau, depth, windowStart, windowEnd, nPoints, reducedChi2,
                errorScale, meanAcceptance, tauSteps, warning, fitBmjdTdb, fitFlux, fitFluxErr, modelFlux,
                "symmetric", error, Double.NaN, "mcmc", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                null);
    }

    /** This timing with a red-noise error: the used error becomes the larger of the two, named by its method. */
    public EclipseTiming withRedError(double red, String redMethod) {
        boolean useRed = Double.isFinite(red) && red > errWhite;
        return new EclipseTiming(midBmjdTdb, useRed ? red : errWhite, width, widthErr, edgeTau, depth, windowStart,
                windowEnd, nPoints, reducedChi2, errorScale, meanAcceptance, tauSteps, warning, fitBmjdTdb, fitFlux,
                fitFluxErr, modelFlux, model, errWhite, red, useRed ? redMethod : errMethod, ingressBmjdTdb,
                ingressErr, egressBmjdTdb, egressErr, wdWidth, profile);
    }

    /** This timing named as measured by another model. */
    public EclipseTiming withModel(String name) {
        return new EclipseTiming(midBmjdTdb, error, width, widthErr, edgeTau, depth, windowStart, windowEnd, nPoints,
                reducedChi2, errorScale, meanAcceptance, tauSteps, warning, fitBmjdTdb, fitFlux, fitFluxErr,
                modelFlux, name, errWhite, errRed, errMethod, ingressBmjdTdb, ingressErr, egressBmjdTdb, egressErr,
                wdWidth, profile);
    }

    /** True when the white dwarf's contact points were measured. */
    public boolean hasContacts() {
        return Double.isFinite(ingressBmjdTdb) && Double.isFinite(egressBmjdTdb);
    }

    /**
     * The fitted profile at any times (e.g. a fine grid for a figure): the eclipse shape from
     * (mid, width, edgeTau, depth) on the straight baseline that the stored model at the fit
     * times implies. NaN when there is no stored model.
     */
    public double[] modelAt(double[] bmjdTdb) {
        int n = fitBmjdTdb.length;
        double[] out = new double[bmjdTdb.length];
        if (profile != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = profile.applyAsDouble(bmjdTdb[i]);
            }
            return out;
        }
        if (n < 2 || modelFlux.length != n) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        // baseline b = model + depth * S is a straight line in time: fit it (exact up to rounding)
        double tc = 0.5 * (fitBmjdTdb[0] + fitBmjdTdb[n - 1]);
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = fitBmjdTdb[i] - tc;
            double y = modelFlux[i] + depth * shape(fitBmjdTdb[i]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double det = n * sxx - sx * sx;
        double slope = det > 0 ? (n * sxy - sx * sy) / det : 0;
        double icpt = (sy - slope * sx) / n;
        for (int i = 0; i < out.length; i++) {
            out[i] = icpt + slope * (bmjdTdb[i] - tc) - depth * shape(bmjdTdb[i]);
        }
        return out;
    }

    /** The eclipse shape S(t) in [0, 1]: (tanh((u + w/2)/tau) - tanh((u - w/2)/tau)) / 2, u = t - mid. */
    public double shape(double bmjdTdb) {
        double u = bmjdTdb - midBmjdTdb;
        double hw = 0.5 * width;
        return 1 / (1 + Math.exp(2 * (u - hw) / edgeTau)) - 1 / (1 + Math.exp(2 * (u + hw) / edgeTau));
    }
}
