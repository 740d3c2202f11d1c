// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.time;

/**
 * How airmass is computed from the airless (unrefracted) altitude of the target. The choice is a
 * run parameter recorded in provenance.
 */
public enum AirmassFormula {

    /** X = sec z = 1/sin(alt), as the original cal_phot and astropy's {@code AltAz.secz}. */
    PLANE_PARALLEL("sec z (plane parallel)"),

    /**
     * Young &amp; Irvine (1967): X = sec z [1 - 0.0012 (sec^2 z - 1)], as the HiPERCAM pipeline's
     * {@code Tseries.to_airmass}; meant for X up to about 4.
     */
    YOUNG_IRVINE_1967("Young & Irvine (1967): sec z [1 - 0.0012 (sec^2 z - 1)]");

    private final String description;

    AirmassFormula(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * Airmass for a given sine of the altitude. Below or on the horizon there is no meaningful
     * airmass and the result is NaN.
     */
    public double airmass(double sinAlt) {
        if (!(sinAlt > 0)) {
            return Double.NaN;
        }
        double secz = 1.0 / sinAlt;
        return switch (this) {
            case PLANE_PARALLEL -> secz;
            case YOUNG_IRVINE_1967 -> secz * (1.0 - 0.0012 * (secz * secz - 1.0));
        };
    }
}
