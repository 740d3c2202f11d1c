// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.panstarrs.internal;

/**
 * Pan-STARRS1 to SDSS, Tonry et al. 2012, ApJ 750, 99, table 6 (quadratic fits in x = (g - r)_P1):
 * {@code m_SDSS - m_P1 = A0 + A1 x + A2 x^2} with, for g r i z,
 * A0 = 0.013, -0.001, -0.005, 0.013; A1 = 0.145, 0.004, 0.011, -0.039; A2 = 0.019, 0.007, 0.010, -0.012;
 * rms scatter about the fit 0.008, 0.004, 0.004, 0.010 mag (their stellar-locus fit over -0.5 &lt; g-r &lt; 2.5).
 */
final class Tonry2012 {

    static final String ID = "ps1-to-sdss-tonry2012";
    static final String SOURCE = "Tonry et al. 2012, ApJ 750, 99, table 6";
    static final double[] A0 = {0.013, -0.001, -0.005, 0.013};
    static final double[] A1 = {0.145, 0.004, 0.011, -0.039};
    static final double[] A2 = {0.019, 0.007, 0.010, -0.012};
    /** The fit's rms scatter: the transformation's own error for one star, added in quadrature. */
    static final double[] SCATTER = {0.008, 0.004, 0.004, 0.010};

    private Tonry2012() {
    }

    /** SDSS g r i z from PS1 g r i z (NaN where an input is missing). */
    static double[] toSdss(double g, double r, double i, double z) {
        double x = g - r;
        double[] p = {g, r, i, z};
        double[] out = new double[4];
        for (int k = 0; k < 4; k++) {
            out[k] = p[k] + A0[k] + A1[k] * x + A2[k] * x * x;
        }
        return out;
    }

    /**
     * Errors of {@link #toSdss}: the measurement errors propagated through the colour term (first order,
     * independent errors) plus the fit's scatter in quadrature.
     */
    static double[] errors(double g, double r, double eg, double er, double ei, double ez) {
        double x = g - r;
        double[] out = new double[4];
        double[] own = {eg, er, ei, ez};
        for (int k = 0; k < 4; k++) {
            double d = A1[k] + 2 * A2[k] * x; // d(m_SDSS - m_P1)/dx
            double var;
            if (k == 0) {
                // g_SDSS = g (1 + d) - r d
                var = (1 + d) * (1 + d) * eg * eg + d * d * er * er;
            } else if (k == 1) {
                // r_SDSS = r (1 - d) + g d
                var = (1 - d) * (1 - d) * er * er + d * d * eg * eg;
            } else {
                var = own[k] * own[k] + d * d * (eg * eg + er * er);
            }
            out[k] = Math.sqrt(var + SCATTER[k] * SCATTER[k]);
        }
        return out;
    }
}
