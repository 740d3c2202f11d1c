// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

/**
 * A fitted eclipse: data (BMJD(TDB), flux, 1σ error), the model on its own (finer) time grid, and the fitted
 * mid-eclipse time with its 1σ error, all times in days.
 */
public record EclipseFit(double[] bmjdTdb, double[] flux, double[] fluxErr, double[] modelBmjdTdb,
        double[] modelFlux, double midBmjdTdb, double midErrDays) {

    public EclipseFit {
        org.calphot.plot.internal.Charts.sameLength("eclipse data", bmjdTdb, flux, fluxErr);
        org.calphot.plot.internal.Charts.sameLength("eclipse model", modelBmjdTdb, modelFlux);
    }

    /** The model at time t by linear interpolation on the model grid (NaN outside it). */
    public double modelAt(double t) {
        double[] mt = modelBmjdTdb;
        int n = mt.length;
        if (n == 0 || t < mt[0] || t > mt[n - 1]) {
            return Double.NaN;
        }
        int i = java.util.Arrays.binarySearch(mt, t);
        if (i >= 0) {
            return modelFlux[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double f = (t - mt[lo]) / (mt[hi] - mt[lo]);
        return modelFlux[lo] + f * (modelFlux[hi] - modelFlux[lo]);
    }
}
