package org.calphot.ephemeris;

/**
 * One timed eclipse. {@code midBmjdTdb} and {@code error} are the posterior median and 1 sigma
 * (16-84 half-width) of the mid-eclipse time; {@code width} is the full width at half depth
 * (days), {@code edgeTau} the tanh ingress/egress time scale, {@code depth} the eclipse depth in
 * flux units. {@code errorScale} = max(1, sqrt(reduced chi2)) was applied to the flux errors.
 * The data in the fit window and the best model at those times are kept for the eclipse figure.
 */
public record EclipseTiming(double midBmjdTdb, double error, double width, double widthErr, double edgeTau,
        double depth, double windowStart, double windowEnd, int nPoints, double reducedChi2, double errorScale,
        double meanAcceptance, double tauSteps, String warning, double[] fitBmjdTdb, double[] fitFlux,
        double[] fitFluxErr, double[] modelFlux) {
}
