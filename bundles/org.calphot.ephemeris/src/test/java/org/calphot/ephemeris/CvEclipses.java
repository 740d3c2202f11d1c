// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import java.util.SplittableRandom;

/**
 * Simulated cataclysmic-variable eclipses for the timing tests, independent of the timers' models:
 * the white dwarf and the bright spot are uniform discs occulted by a straight limb (the timers fit
 * tanh edges or linear ramps), the spot eclipsed after the white dwarf and reappearing after it,
 * its light modulated by the orbital hump {@code 1 + cos(2 pi (phase - hump))}; an uneclipsed
 * disc; flickering as red noise with power spectrum {@code f^-alpha} (random Fourier amplitudes
 * and phases, Timmer &amp; Koenig 1995) of a chosen rms; Gaussian white noise of known sigma.
 * Times in days; the truth is the white dwarf's mid-eclipse.
 */
final class CvEclipses {

    static final double DAY = 86400;
    static final double PERIOD = 0.07;

    /** Eclipse geometry and light, seconds and flux units of the white dwarf. */
    record Shape(double wdWidthS, double wdIngressS, double spotInDelayS, double spotEgDelayS, double spotIngressS,
            double wdFlux, double spotFlux, double discFlux, double humpPhase) {
    }

    static final Shape CV = new Shape(240, 30, 45, 90, 20, 1.0, 0.6, 0.5, -0.15);
    static final Shape WD_ONLY = new Shape(240, 30, 45, 90, 20, 1.0, 0.0, 0.5, -0.15);

    private CvEclipses() {
    }

    /** Fraction of a unit disc with x &lt; y. */
    static double discFraction(double y) {
        if (y <= -1) {
            return 0;
        }
        if (y >= 1) {
            return 1;
        }
        return 0.5 + (y * Math.sqrt(1 - y * y) + Math.asin(y)) / Math.PI;
    }

    /** Visible fraction of a disc eclipsed between mid-ingress tIn and mid-egress tEg, ingress lasting d. */
    static double visible(double t, double tIn, double tEg, double d) {
        double mid = 0.5 * (tIn + tEg);
        return t < mid ? 1 - discFraction((t - tIn) / (d / 2)) : discFraction((t - tEg) / (d / 2));
    }

    /** Noise-free flux at time t (days) for a white-dwarf mid-eclipse at tMid. */
    static double flux(Shape s, double t, double tMid) {
        double wIn = tMid - s.wdWidthS() / 2 / DAY;
        double wEg = tMid + s.wdWidthS() / 2 / DAY;
        double wd = s.wdFlux() * visible(t, wIn, wEg, s.wdIngressS() / DAY);
        double sIn = wIn + s.spotInDelayS() / DAY;
        double sEg = wEg + s.spotEgDelayS() / DAY;
        double phase = (t - tMid) / PERIOD;
        double hump = 1 + Math.cos(2 * Math.PI * (phase - s.humpPhase()));
        double spot = s.spotFlux() * hump * visible(t, sIn, sEg, s.spotIngressS() / DAY);
        return s.discFlux() + wd + spot;
    }

    /**
     * One eclipse: 3 s cadence from 300-450 s before to 300-450 s after mid-eclipse; flicker of rms
     * {@code flickerRms} and index {@code alpha}; white noise {@code sigma} (the reported errors).
     */
    static double[][] simulate(Shape s, double tMid, double sigma, double flickerRms, double alpha,
            SplittableRandom r) {
        double start = tMid - (300 + 150 * r.nextDouble()) / DAY;
        double end = tMid + (300 + 150 * r.nextDouble()) / DAY;
        double cad = 3 / DAY;
        int n = (int) ((end - start) / cad);
        double[] red = flickerRms > 0 ? powerLaw(n, alpha, flickerRms, r) : new double[n];
        double[][] d = new double[3][n];
        for (int i = 0; i < n; i++) {
            double t = start + i * cad;
            d[0][i] = t;
            d[1][i] = flux(s, t, tMid) + red[i] + sigma * gauss(r);
            d[2][i] = sigma;
        }
        return d;
    }

    /**
     * Red noise with power spectrum f^-alpha on n evenly spaced points: Fourier components at
     * k / (2 n) (a series twice as long, so the lowest frequencies are not all forced to zero), each
     * with Gaussian amplitude of variance f^-alpha; scaled to the given rms.
     */
    static double[] powerLaw(int n, double alpha, double rms, SplittableRandom r) {
        int len = 2 * n;
        double[] x = new double[n];
        for (int k = 1; k <= len / 2; k++) {
            double fk = (double) k / len;
            double amp = Math.pow(fk, -alpha / 2);
            double a = amp * gauss(r);
            double b = amp * gauss(r);
            double w = 2 * Math.PI * fk;
            for (int i = 0; i < n; i++) {
                x[i] += a * Math.cos(w * i) + b * Math.sin(w * i);
            }
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        double sc = rms / Math.sqrt(var / n);
        for (int i = 0; i < n; i++) {
            x[i] = (x[i] - mean) * sc;
        }
        return x;
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log1p(-r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
