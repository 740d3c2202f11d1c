// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import org.calphot.mcmc.Chain;

/**
 * A fitted linear ephemeris {@code T(E) = t0 + period E} (BMJD TDB, days). Errors are 1 sigma:
 * formal (unscaled) for least squares, half the 16th-84th percentile width for MCMC (posterior
 * medians). {@code correlation} is corr(T0, P); {@code referenceCycle} is the weighted mean
 * cycle the fit was centred on. {@code chi2} uses the input errors (times the fitted scale
 * factors when {@code scaleFactors} is not empty); {@code reducedChi2 = chi2 / dof}, dof = N - 2.
 * {@code mcmc} is null for least squares.
 */
public record EphemerisFit(String method, double t0, double t0Err, double period, double periodErr,
        double correlation, double referenceCycle, double chi2, int dof, double reducedChi2, double chi2Unscaled,
        String[] scaleNames, double[] scaleFactors, double[] scaleFactorErrs, OcTable oc, McmcInfo mcmc) {

    public int nEclipses() {
        return oc.cycles().length;
    }

    public Ephemeris ephemeris() {
        return new Ephemeris(t0, period);
    }

    /** Reduced chi2 with the input errors as given (before any fitted error scales). */
    public double reducedChi2Unscaled() {
        return scaleFactors.length > 0 && dof > 0 ? chi2Unscaled / dof : reducedChi2;
    }

    /**
     * The factor in the headline errors: sqrt(reduced chi2) when the fit is poor (reduced chi2 > 1) and no error
     * scales were fitted; 1 when the fit is good or fitted error-scale parameters already widened the errors.
     */
    public double errorScale() {
        return scaleFactors.length == 0 && reducedChi2 > 1 ? Math.sqrt(reducedChi2) : 1.0;
    }

    /** The T0 error to publish: {@link #t0Err()} times {@link #errorScale()}. */
    public double t0ErrHeadline() {
        return t0Err * errorScale();
    }

    /** The period error to publish: {@link #periodErr()} times {@link #errorScale()}. */
    public double periodErrHeadline() {
        return periodErr * errorScale();
    }

    /** One sentence on how the headline errors were made, for files, reports and labels. */
    public String errorNote() {
        if (scaleFactors.length > 0) {
            return String.format(java.util.Locale.ROOT, "errors from the fit with error-scale parameters (reduced"
                    + " chisq %.3f with the input errors)", reducedChi2Unscaled());
        }
        if (errorScale() > 1) {
            return String.format(java.util.Locale.ROOT, "errors scaled by sqrt(reduced chisq) = %.3f", errorScale());
        }
        return "errors not scaled (reduced chisq <= 1)";
    }

    /** Whether the fit is poor enough to warn (reduced chi2 with the input errors above 3). */
    public boolean poorFit() {
        return reducedChi2Unscaled() > 3;
    }

    /** Least-squares errors scaled by sqrt(reduced chi2) (the usual "scaled" convention). */
    public double t0ErrScaled() {
        return t0Err * Math.sqrt(reducedChi2);
    }

    public double periodErrScaled() {
        return periodErr * Math.sqrt(reducedChi2);
    }

    /**
     * Sampling record: the full chain in (T0, P, scale factors) including burn-in, burn/thin
     * used, autocorrelation times (steps) of the sampled parameters, acceptance, cost.
     */
    public record McmcInfo(Chain chain, int burn, int thin, long seed, double[] tau, String tauWarning,
            double meanAcceptance, long logProbCalls, double samplingSeconds, int threads) {

        /** Effective independent samples after burn-in: walkers * (steps - burn) / max tau. */
        public double effectiveSamples() {
            double max = 0;
            for (double t : tau) {
                max = Math.max(max, t);
            }
            return chain.nWalkers() * (chain.nSteps() - burn) / max;
        }
    }
}
