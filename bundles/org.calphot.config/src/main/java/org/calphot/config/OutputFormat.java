// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import java.util.Locale;

/** Lightcurve file formats {@code calphot run} can write. */
public enum OutputFormat {
    /** cal_phot's own {@code .calib} text files (phase, flux, error). */
    CALIB,
    /** CSV with every column (BMJD, exposure, phase, flux, error, flags, airmass). */
    CSV,
    /** FITS binary table with BMJD_TDB and the calibration in header keywords. */
    FITS,
    /** lcurve's six columns: time, exposure (d), flux, error, weight, subdivisions. */
    LCURVE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputFormat of(String text) {
        for (OutputFormat f : values()) {
            if (f.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }
}
