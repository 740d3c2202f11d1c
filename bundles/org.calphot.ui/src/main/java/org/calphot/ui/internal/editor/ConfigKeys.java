// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.editor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of a cal_phot config with a line of help each, for content assist. The validator (ConfigReader) is the
 * authority on what is accepted; this list only has to propose the same names.
 */
final class ConfigKeys {

    /** Top-level keys as cal_phot writes them, with an example value. */
    static final Map<String, String[]> TOP = new LinkedHashMap<>();
    /** Payload keys (exact case), with an example value. */
    static final Map<String, String[]> PAYLOAD = new LinkedHashMap<>();

    static {
        top("target coords", "10:00:00.00 +20:00:00.0", "RA and Dec of the target, sexagesimal or degrees (ICRS)");
        top("period", "0.0583110795", "orbital period, days");
        top("T0", "60383.9712345", "reference eclipse time, BMJD(TDB)");
        top("SDSS", "0", "1/true: comparison magnitudes from the catalogue (needs .coords); 0/false: from this config");
        top("directory", "'calphot_out'", "output folder, relative to this config");
        top("fit ephemeris", "false", "fit T0 and period to the eclipse times");
        top("overplot", "false", "also draw all nights of a band together");
        top("overplot filename", "overplot", "stem of the overplot figures (with overplot: true)");
        top("observing_log_fname", "observing_log.csv", "observing log the run appends to");
        top("extract", "", "the payloads: one mapping per instrument/night set");
        top("output formats", "[calib, csv, fits, lcurve]", "lightcurve files to write (calphot; default all)");
        top("catalogue", "auto", "catalogue used with SDSS: true (calphot; default auto: sdss, panstarrs, skymapper, gaia, the first that covers the field)");
        top("seed", "42", "seed of every random number (calphot)");
        top("airmass formula", "plane-parallel", "plane-parallel (cal_phot's) or young-irvine (calphot)");
        top("colour terms", "true", "SDSS: true: colour terms of an installed filter system (calphot; default true)");
        top("filter system", "ultracam-super", "filter system for the colour terms, or none (calphot; default by band)");
        top("mask points", "", "frames marked bad, per log: - {ccd: 2, frames: [101]} or - {bmjd: [from, to]} (calphot)");
        payload("observatory", "lapalma", "site name (lapalma, lasilla, paranal, TNO, ...) or \"lat, lon[, height]\"");
        payload("inst", "hcam", "instrument: ucam, hcam or uspec");
        payload("phase range", "[-0.5, 0.5]", "orbital phases kept, relative to the log's eclipse");
        payload("oname", "Reduced_system", "stem of the output lightcurve names");
        payload("logfiles", "", "log -> .coords file (SDSS: true) or log -> magnitudes per band (SDSS: false)");
        payload("get eclipse times", "false", "time the eclipses of this payload");
        payload("flux calibrate", "true", "false: write the count ratio scaled to a 1 mJy comparison");
        payload("extract data", "true", "false: skip this payload");
        payload("flags", "[]", "flags to ignore: hipercam bit values or names such as SKY_AT_EDGE (calphot)");
        payload("bands", "[kg5]", "band of each CCD (needed for ULTRASPEC) (calphot)");
        payload("airmass formula", "plane-parallel", "per-payload airmass formula (calphot)");
        payload("drop bad comparisons", "false", "leave a bad comparison out of that frame only (calphot)");
        payload("filter system", "ultracam-super", "filter system of this payload's colour terms, or none (calphot)");
    }

    private static void top(String k, String example, String help) {
        TOP.put(k, new String[] {example, help});
    }

    private static void payload(String k, String example, String help) {
        PAYLOAD.put(k, new String[] {example, help});
    }

    private ConfigKeys() {
    }
}
