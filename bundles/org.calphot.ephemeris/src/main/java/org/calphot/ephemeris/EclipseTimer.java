// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;
import org.calphot.ephemeris.internal.DefaultEclipseTimer;

/**
 * Mid-eclipse times from a lightcurve, non-interactive: the eclipse is located automatically
 * (or inside a manual window), a model is fitted and the mid-time's uncertainty estimated. The
 * services are chosen by their {@code name} property ({@link #name()}): {@code symmetric} (a
 * symmetric tanh-edged profile, MCMC), {@code wd-contacts} (the white dwarf's mid-ingress and
 * mid-egress from the derivative of the lightcurve) and {@code wd-bright-spot} (white dwarf plus
 * bright-spot eclipse, MCMC); {@link EclipseTimers} finds them without OSGi.
 */
public interface EclipseTimer {

    /** An eclipse the prior ephemeris predicts in the data that was not timed, and why. */
    record NotTimed(long cycle, double predictedBmjdTdb, String reason) {
    }

    /** Every predicted eclipse: those timed (in time order) and those not, with the reason. */
    record Survey(List<EclipseTiming> timed, List<NotTimed> notTimed) {

        public Survey {
            timed = List.copyOf(timed);
            notTimed = List.copyOf(notTimed);
        }
    }

    /** The service's name, as in its {@code name} property. */
    default String name() {
        return "symmetric";
    }

    /**
     * Times every eclipse the prior predicts in the data and says why each of the others was not
     * timed. The default times them with {@link #timeAll} and gives no reasons.
     */
    default Survey survey(double[] bmjdTdb, double[] flux, double[] fluxErr, Ephemeris prior, Options options,
            ProgressMonitor monitor) throws CalphotException {
        return new Survey(timeAll(bmjdTdb, flux, fluxErr, prior, options, monitor), List.of());
    }

    /**
     * @param windowStart,windowEnd manual window (BMJD TDB), or NaN for automatic location
     * @param walkers,steps sampler size; {@code steps} includes burn-in, which is chosen from tau
     * @param scaleErrors multiply flux errors by max(1, sqrt(reduced chi2)) of the best fit
     */
    record Options(double windowStart, double windowEnd, int walkers, int steps, long seed, boolean scaleErrors) {

        public static Options defaults() {
            return new Options(Double.NaN, Double.NaN, 16, 2000, 1, true);
        }

        public Options withWindow(double t1, double t2) {
            return new Options(t1, t2, walkers, steps, seed, scaleErrors);
        }

        public Options withSampler(int w, int s, long sd) {
            return new Options(windowStart, windowEnd, w, s, sd, scaleErrors);
        }

        public Options withScaleErrors(boolean on) {
            return new Options(windowStart, windowEnd, walkers, steps, seed, on);
        }

        public boolean hasWindow() {
            return Double.isFinite(windowStart) && Double.isFinite(windowEnd);
        }
    }

    /** Times the deepest eclipse in the data (or the one inside the manual window). */
    EclipseTiming time(double[] bmjdTdb, double[] flux, double[] fluxErr, Options options, ProgressMonitor monitor)
            throws CalphotException;

    /**
     * Times every eclipse a prior ephemeris predicts inside the data, each within +-0.2 P of its
     * prediction; eclipses that cannot be timed (not covered, no dip) are skipped.
     */
    List<EclipseTiming> timeAll(double[] bmjdTdb, double[] flux, double[] fluxErr, Ephemeris prior, Options options,
            ProgressMonitor monitor) throws CalphotException;

    static EclipseTimer create() {
        return new DefaultEclipseTimer();
    }
}
