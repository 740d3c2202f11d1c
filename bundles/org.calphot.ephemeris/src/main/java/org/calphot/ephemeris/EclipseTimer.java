package org.calphot.ephemeris;

import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;
import org.calphot.ephemeris.internal.DefaultEclipseTimer;

/**
 * Mid-eclipse times from a lightcurve, non-interactive: the eclipse is located automatically
 * (or inside a manual window), a symmetric eclipse profile is fitted and the mid-time's
 * uncertainty is sampled with the ensemble sampler.
 */
public interface EclipseTimer {

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
