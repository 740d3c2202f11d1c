// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.internal;

import org.calphot.simulator.SimulationSpec;

/**
 * Aperture positions per CCD (aperture 1 the target, linked to aperture 2, the reference star; the
 * others comparisons) and the extraction radii the header's reduce file declares.
 */
public final class Layout {

    public final double[][] x0;
    public final double[][] y0;
    /** Extraction: target radius = clamp(RT * fwhm, RT_MIN, RT_MAX), sky annulus R2 * fwhm .. R3 * fwhm. */
    public static final double RT = 1.7;
    public static final double RT_MIN = 3.0;
    public static final double RT_MAX = 60.0;
    public static final double R2 = 2.5;
    public static final double R2_MIN = 8.0;
    public static final double R2_MAX = 90.0;
    public static final double R3 = 3.5;
    public static final double R3_MIN = 12.0;
    public static final double R3_MAX = 120.0;

    public Layout(SimulationSpec spec) {
        int n = spec.instrument().nccd();
        SplitMix r = SplitMix.stream(spec.seed(), 4);
        x0 = new double[n][];
        y0 = new double[n][];
        for (int c = 0; c < n; c++) {
            int naps = spec.naps(c);
            x0[c] = new double[naps];
            y0[c] = new double[naps];
            // 4 decimals so the header JSON prints short Python reprs
            double rx = 250 + Math.rint(r.uniform() * 5000000) / 10000;
            double ry = 250 + Math.rint(r.uniform() * 5000000) / 10000;
            x0[c][1] = rx;
            y0[c][1] = ry;
            for (int a = 0; a < naps; a++) {
                if (a == 1) {
                    continue;
                }
                x0[c][a] = Math.rint((rx + (r.uniform() - 0.5) * 300) * 10000) / 10000;
                y0[c][a] = Math.rint((ry + (r.uniform() - 0.5) * 300) * 10000) / 10000;
            }
        }
    }

    public static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
