// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.ephemeris.internal.DefaultEphemerisFitter;

/** Linear ephemeris fit to eclipse times, by weighted least squares and by MCMC. */
public interface EphemerisFitter {

    /** Weighted least squares with formal (unscaled) 1-sigma errors. */
    EphemerisFit fitLeastSquares(EclipseTimeTable times) throws CalphotException;

    /** Posterior medians and 1-sigma (16-84 half-width) from the ensemble sampler. */
    EphemerisFit fitMcmc(EclipseTimeTable times, McmcOptions options, ProgressMonitor monitor, Warnings warnings)
            throws CalphotException;

    /** The default implementation, for use without OSGi. */
    static EphemerisFitter create() {
        return new DefaultEphemerisFitter();
    }
}
