// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.filters;

/**
 * Least-squares line {@code y = offset + coefficient * colour} with one 3-sigma clip, for fitting
 * {@code y = m_sdss - m_system} against an SDSS colour over a set of stars.
 */
public final class ColourTermFit {

    private ColourTermFit() {
    }

    /** The fitted line, the rms about it, the stars kept and the colour range they span. */
    public record Line(double offset, double coefficient, double rms, int stars, double colourMin, double colourMax) {
    }

    public static Line fit(double[] colour, double[] y) {
        boolean[] keep = new boolean[colour.length];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = Double.isFinite(colour[i]) && Double.isFinite(y[i]);
        }
        Line l = line(colour, y, keep);
        for (int i = 0; i < keep.length; i++) {
            if (keep[i] && Math.abs(y[i] - l.offset() - l.coefficient() * colour[i]) > 3 * l.rms()) {
                keep[i] = false; // variables and bad spectra
            }
        }
        return line(colour, y, keep);
    }

    private static Line line(double[] x, double[] y, boolean[] keep) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (keep[i]) {
                n++;
                sx += x[i];
                sy += y[i];
                min = Math.min(min, x[i]);
                max = Math.max(max, x[i]);
            }
        }
        if (n < 3) {
            throw new IllegalArgumentException("need at least 3 stars, have " + n);
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (keep[i]) {
                sxx += (x[i] - mx) * (x[i] - mx);
                sxy += (x[i] - mx) * (y[i] - my);
            }
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            if (keep[i]) {
                double r = y[i] - a - b * x[i];
                ss += r * r;
            }
        }
        return new Line(a, b, Math.sqrt(ss / (n - 2)), n, min, max);
    }
}
