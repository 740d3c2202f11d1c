// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

import java.util.List;

/**
 * Named conversions between photometric systems, applied only when a user asks for them and then
 * recorded in provenance by {@link #id()} and {@link #source()}. Pure arithmetic on magnitudes.
 * <p>
 * Inputs and outputs are magnitude arrays in the order of {@link #inputBands()} and
 * {@link #outputBands()}; a NaN input gives NaN in exactly the outputs that depend on it.
 */
public enum PhotometricTransform {

    /**
     * USNO 40-in u'g'r'i'z' (Smith et al. 2002 standards) to SDSS 2.5 m ugriz, Tucker et al. (2006) /
     * DR1 photometric-equation colour terms: u = u'; g = g' + 0.060((g'-r') - 0.53);
     * r = r' + 0.035((r'-i') - 0.21); i = i' + 0.041((r'-i') - 0.21); z = z' - 0.030((i'-z') - 0.09).
     */
    PRIME_TO_SDSS("prime-to-sdss-tucker2006", "u'g'r'i'z' (USNO 40-in) -> ugriz (SDSS 2.5 m)",
            "Tucker et al. 2006, AN 327, 821 (DR1 colour terms b_g=-0.060, b_r=-0.035, b_i=-0.041, b_z=+0.030)",
            List.of("u'", "g'", "r'", "i'", "z'"), List.of("u", "g", "r", "i", "z")),

    /**
     * SDSS ugriz to u'g'r'i'z': the exact inverse of {@link #PRIME_TO_SDSS} (solved iteratively; it
     * differs from the published first-order inverse by second-order terms, ~2.5 mmag in g for g-r = 1.1).
     */
    SDSS_TO_PRIME("sdss-to-prime-tucker2006", "ugriz (SDSS 2.5 m) -> u'g'r'i'z' (USNO 40-in)",
            "exact inverse of Tucker et al. 2006 DR1 colour terms",
            List.of("u", "g", "r", "i", "z"), List.of("u'", "g'", "r'", "i'", "z'")),

    /** SDSS magnitudes to true AB: u_AB = u - 0.04, z_AB = z + 0.02, g r i unchanged (SDSS DR7+ flux calibration). */
    SDSS_TO_AB("sdss-ab-offsets", "SDSS ugriz -> AB (u - 0.04, z + 0.02)",
            "SDSS DR7+ flux-calibration pages: u_AB = u_SDSS - 0.04, z_AB = z_SDSS + 0.02",
            List.of("u", "g", "r", "i", "z"), List.of("u", "g", "r", "i", "z")),

    /** ULTRASPEC KG5 from SDSS g and r, the original cal_phot formula (convert_kg5). */
    KG5_FROM_SDSS("kg5-from-sdss-calphot", "SDSS g, r -> KG5 (ULTRASPEC)",
            "cal_phot convert_kg5: KG5 = g - 0.2240 (g-r)^2 - 0.3590 (g-r) + 0.0460",
            List.of("g", "r"), List.of("KG5"));

    private final String id;
    private final String description;
    private final String source;
    private final List<String> inputBands;
    private final List<String> outputBands;

    PhotometricTransform(String id, String description, String source, List<String> in, List<String> out) {
        this.id = id;
        this.description = description;
        this.source = source;
        this.inputBands = in;
        this.outputBands = out;
    }

    /** Stable identifier to record in provenance and accept in configs. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Where the coefficients come from. */
    public String source() {
        return source;
    }

    public List<String> inputBands() {
        return inputBands;
    }

    public List<String> outputBands() {
        return outputBands;
    }

    /** The transform with this {@link #id()}, or null. */
    public static PhotometricTransform byId(String id) {
        for (PhotometricTransform t : values()) {
            if (t.id.equalsIgnoreCase(id) || t.name().equalsIgnoreCase(id)) {
                return t;
            }
        }
        return null;
    }

    // Colour terms (b) and zero-point colours of the DR1 photometric equations, in g, r, i, z order.
    private static final double BG = -0.060;
    private static final double BR = -0.035;
    private static final double BI = -0.041;
    private static final double BZ = 0.030;

    /** Applies the transform to magnitudes in {@link #inputBands()} order. */
    public double[] apply(double[] in) {
        if (in.length != inputBands.size()) {
            throw new IllegalArgumentException(id + " needs " + inputBands.size() + " magnitudes, got " + in.length);
        }
        return switch (this) {
            case PRIME_TO_SDSS -> primeToSdss(in);
            case SDSS_TO_PRIME -> sdssToPrime(in);
            case SDSS_TO_AB -> new double[] {in[0] - 0.04, in[1], in[2], in[3], in[4] + 0.02};
            case KG5_FROM_SDSS -> new double[] {kg5(in[0], in[1])};
        };
    }

    /**
     * Propagates independent 1-sigma errors through the transform (first order). The transforms are
     * linear or quadratic, so a central difference gives the derivatives exactly (to rounding).
     * Inputs an output does not depend on never contribute, even if their error is NaN.
     */
    public double[] propagateErrors(double[] in, double[] err) {
        double[] out = new double[outputBands.size()];
        double[][] jac = new double[out.length][in.length];
        final double h = 1e-3;
        for (int k = 0; k < in.length; k++) {
            double[] up = in.clone();
            double[] dn = in.clone();
            up[k] += h;
            dn[k] -= h;
            double[] fu = apply(up);
            double[] fd = apply(dn);
            for (int j = 0; j < out.length; j++) {
                jac[j][k] = fu[j] == fd[j] ? 0.0 : (fu[j] - fd[j]) / (2 * h);
            }
        }
        for (int j = 0; j < out.length; j++) {
            double var = 0;
            for (int k = 0; k < in.length; k++) {
                if (jac[j][k] != 0.0) {
                    var += jac[j][k] * jac[j][k] * err[k] * err[k];
                }
            }
            out[j] = Math.sqrt(var);
        }
        return out;
    }

    /** KG5 = g - 0.2240 (g-r)^2 - 0.3590 (g-r) + 0.0460 (cal_phot, calphot/constructReference.py). */
    public static double kg5(double g, double r) {
        double c = g - r;
        return g - 0.2240 * c * c - 0.3590 * c + 0.0460;
    }

    private static double[] primeToSdss(double[] p) {
        double u = p[0];
        double g = p[1];
        double r = p[2];
        double i = p[3];
        double z = p[4];
        return new double[] {
            u,
            g - BG * ((g - r) - 0.53),
            r - BR * ((r - i) - 0.21),
            i - BI * ((r - i) - 0.21),
            z - BZ * ((i - z) - 0.09)};
    }

    private static double[] sdssToPrime(double[] s) {
        // forward(p) = p + c(p) with |dc/dp| <= 0.12, so p <- s - c(p) converges geometrically.
        double[] p = s.clone();
        for (int it = 0; it < 60; it++) {
            double[] f = primeToSdss(p);
            double change = 0;
            for (int k = 0; k < 5; k++) {
                double next = s[k] - (f[k] - p[k]);
                if (Double.isFinite(next)) {
                    change = Math.max(change, Math.abs(next - p[k]));
                }
                p[k] = next;
            }
            if (change < 1e-13) {
                break;
            }
        }
        return p;
    }
}
