// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The calibration error a catalogue's magnitudes share, per band: an error common to every comparison star, which
 * their scatter cannot show. SDSS: the photometric zero points are uniform to about 1 % in g r i and 2 % in u z
 * (Padmanabhan et al. 2008, ApJ 674, 1217, "ubercalibration"; SDSS DR7, Abazajian et al. 2009, ApJS 182, 543), and
 * the offsets to true AB (u - 0.04, z + 0.02; SDSS DR7+ flux-calibration pages) are themselves known to about
 * 1 % in g r i and 2 % in u z (Hogg, sdss-calib/845: "few-percent level ... positively covariant"). A band made from
 * several (KG5 from g and r) takes the g/r values: its weights sum to 1, and fully correlated zero points give at
 * most that error.
 */
final class CatalogueZeroPoints {

    private CatalogueZeroPoints() {
    }

    /** The SDSS zero-point uniformity per band, mag. */
    static double sdssZeroPoint(String band) {
        return switch (sdssLetter(band)) {
            case "u", "z" -> 0.02;
            case "g", "r", "i", "kg5" -> 0.01;
            default -> Double.NaN;
        };
    }

    /** The uncertainty of the SDSS to AB offset per band, mag. */
    static double sdssAbOffset(String band) {
        return switch (sdssLetter(band)) {
            case "u", "z" -> 0.02;
            case "g", "r", "i", "kg5" -> 0.01;
            default -> Double.NaN;
        };
    }

    private static String sdssLetter(String band) {
        String b = band.strip().toLowerCase(Locale.ROOT);
        if (b.length() == 2 && b.endsWith("s")) {
            b = b.substring(0, 1);
        }
        return b;
    }

    /**
     * The common error of a catalogue's magnitudes in a band (mag, both terms in quadrature), or 0 when calphot knows
     * none for the catalogue.
     */
    static double commonError(String catalogue, String band) {
        if (!"sdss".equalsIgnoreCase(catalogue)) {
            return 0;
        }
        double zp = sdssZeroPoint(band);
        double ab = sdssAbOffset(band);
        return Double.isFinite(zp) ? Math.hypot(zp, ab) : 0;
    }

    /** For provenance. */
    static Map<String, Object> record(String catalogue, String band) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean sdss = "sdss".equalsIgnoreCase(catalogue);
        m.put("catalogue_zero_point_mag", sdss ? sdssZeroPoint(band) : null);
        m.put("ab_offset_mag", sdss ? sdssAbOffset(band) : null);
        m.put("common_error_mag", commonError(catalogue, band));
        m.put("source", sdss ? "Padmanabhan et al. 2008 (ApJ 674, 1217); SDSS DR7 flux calibration" : "none known");
        return m;
    }
}
