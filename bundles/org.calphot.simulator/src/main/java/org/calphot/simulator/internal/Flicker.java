// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.internal;

/**
 * CV flickering as red noise: a sum of sinusoids at {@code f_k = k / (2 T)} ({@code T} the run's length; twice as
 * long so the lowest frequencies are not forced to fit the run), up to the Nyquist frequency of the cadence, with
 * Gaussian cosine and sine amplitudes of variance {@code f^-alpha} (Timmer &amp; Koenig 1995), scaled so that the
 * continuous-time rms is exactly {@code rms}. Evaluated as an exact exposure mean (each sinusoid integrated over
 * the exposure), so it is a function of time, shared by every CCD, and independent of the cadence of any one CCD.
 * Drawn from its own random stream, so turning it on changes nothing else in a run.
 */
public final class Flicker {

    /** Most sinusoids kept: the power above f_2000 of an alpha >= 1 spectrum is negligible. */
    private static final int MAX_TERMS = 2000;

    private final double t0Days;
    private final double[] omega;
    private final double[] cosAmp;
    private final double[] sinAmp;

    /**
     * @param t0Days   time origin (days)
     * @param lengthS  length of the run, seconds
     * @param cycleS   cadence, seconds (sets the highest frequency)
     */
    public Flicker(long seed, double rms, double alpha, double t0Days, double lengthS, double cycleS) {
        this.t0Days = t0Days;
        int n = (int) Math.max(1, Math.min(MAX_TERMS, Math.floor(lengthS / cycleS)));
        omega = new double[n];
        cosAmp = new double[n];
        sinAmp = new double[n];
        SplitMix r = SplitMix.stream(seed, 5);
        double var = 0;
        double len = 2 * Math.max(lengthS, cycleS) / 86400.0;
        for (int k = 0; k < n; k++) {
            double f = (k + 1) / len; // cycles per day
            double amp = StrictMath.pow(f * len, -alpha / 2);
            omega[k] = 2 * Math.PI * f;
            cosAmp[k] = amp * r.gaussian();
            sinAmp[k] = amp * r.gaussian();
            var += 0.5 * (cosAmp[k] * cosAmp[k] + sinAmp[k] * sinAmp[k]);
        }
        double sc = var > 0 ? rms / Math.sqrt(var) : 0;
        for (int k = 0; k < n; k++) {
            cosAmp[k] *= sc;
            sinAmp[k] *= sc;
        }
    }

    /** Mean of the noise over {@code [t - exp/2, t + exp/2]}, t in days, exposure in seconds. */
    public double mean(double tDays, double exposureS) {
        double h = 0.5 * exposureS / 86400.0;
        double a = tDays - t0Days - h;
        double b = tDays - t0Days + h;
        double s = 0;
        if (h <= 0) {
            for (int k = 0; k < omega.length; k++) {
                s += cosAmp[k] * StrictMath.cos(omega[k] * a) + sinAmp[k] * StrictMath.sin(omega[k] * a);
            }
            return s;
        }
        for (int k = 0; k < omega.length; k++) {
            double w = omega[k];
            // integral of (C cos wt + S sin wt) over [a, b], divided by b - a
            s += (cosAmp[k] * (StrictMath.sin(w * b) - StrictMath.sin(w * a))
                    - sinAmp[k] * (StrictMath.cos(w * b) - StrictMath.cos(w * a))) / w;
        }
        return s / (b - a);
    }
}
