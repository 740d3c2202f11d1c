// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

/**
 * One simulated log line (one CCD of one exposure) with its truth. A reused buffer: the simulator
 * refills the same instance for every line, so a {@link Simulator.LineSink} must copy what it keeps.
 * Measured values use the current pipeline's convention (NaN = no measurement; {@code betae = -1}
 * and {@code mbeta = -1} for Gaussian fits); writers map them to each format's conventions.
 */
public final class SimulatedLine {

    /** CCD index in {@link Instrument#ccds()} order. */
    public int ccdIndex;
    public String ccdLabel;
    public int nframe;
    public double mjdUtc;
    public boolean mjdOk;
    public double exptimS;
    public double mfwhm;
    public double mbeta;
    /** GPS satellites in view (the pre-2010 ULTRACAM pipeline's nsat column). */
    public int nsat;
    /** Exposure mean of the flickering (fraction of the disc and bright-spot light), 0 without it. */
    public double flicker;

    // truth of the line
    public double bmjdTdb;
    public double phase;
    public double airmass;
    public double altDeg;
    /** Grey cloud transmission (1 = clear). */
    public double transparency;
    /** True seeing FWHM in unbinned pixels. */
    public double fwhmPx;

    // per aperture (index 0 = aperture "1" = target)
    public final double[] x;
    public final double[] xe;
    public final double[] y;
    public final double[] ye;
    public final double[] fwhm;
    public final double[] fwhme;
    public final double[] beta;
    public final double[] betae;
    public final double[] counts;
    public final double[] countse;
    public final double[] sky;
    public final double[] skye;
    public final int[] nsky;
    public final int[] nrej;
    public final int[] cmax;
    public final int[] flag;
    /** True exposure-mean flux above the atmosphere, mJy. */
    public final double[] trueMjy;
    /** Expected counts (ADU) before noise: flux through ZP, extinction, clouds and exposure. */
    public final double[] expectedCounts;
    /** Counts added by a junk event (cosmic ray, satellite), 0 if none. */
    public final double[] junkCounts;

    public SimulatedLine(int naps) {
        x = new double[naps];
        xe = new double[naps];
        y = new double[naps];
        ye = new double[naps];
        fwhm = new double[naps];
        fwhme = new double[naps];
        beta = new double[naps];
        betae = new double[naps];
        counts = new double[naps];
        countse = new double[naps];
        sky = new double[naps];
        skye = new double[naps];
        nsky = new int[naps];
        nrej = new int[naps];
        cmax = new int[naps];
        flag = new int[naps];
        trueMjy = new double[naps];
        expectedCounts = new double[naps];
        junkCounts = new double[naps];
    }

    public int naps() {
        return x.length;
    }
}
