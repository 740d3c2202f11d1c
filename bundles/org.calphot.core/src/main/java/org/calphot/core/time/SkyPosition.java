// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.time;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;

/**
 * A target's ICRS position in degrees (proper motion and parallax are ignored, as astropy's
 * {@code light_travel_time} does).
 */
public record SkyPosition(double raDeg, double decDeg) {

    public SkyPosition {
        if (!(raDeg >= 0 && raDeg < 360)) {
            throw new IllegalArgumentException("RA out of range [0, 360): " + raDeg);
        }
        if (!(decDeg >= -90 && decDeg <= 90)) {
            throw new IllegalArgumentException("Dec out of range [-90, 90]: " + decDeg);
        }
    }

    /**
     * Parses the forms users paste:
     * <ul>
     * <li>{@code 20:23:04.5 -00:02:56.3} (RA in hours, Dec in degrees; also with h/m/s, d/m/s letters)</li>
     * <li>{@code 20 23 04.5 -00 02 56.3} (six blank-separated fields)</li>
     * <li>{@code 305.76875 -0.04897} (decimal degrees for both)</li>
     * <li>any of these with a comma between RA and Dec</li>
     * </ul>
     * A decimal RA is read as degrees (not hours) here; {@link #parse(String, Location, DecimalRa)} chooses. The Dec sign comes from the text, so
     * {@code -00:02:56.3} stays negative. Out-of-range fields are a {@link BadInputException}
     * located at the offending column.
     */
    public static SkyPosition parse(String text, Location where) throws BadInputException {
        return parse(text, where, DecimalRa.DEGREES);
    }

    /** What a bare decimal RA (no h or d, one field) means. */
    public enum DecimalRa {
        /** degrees (catalogue queries, decimal positions calphot writes itself) */
        DEGREES,
        /** hours: cal_phot's {@code SkyCoord(s, unit=(hourangle, deg))} on {@code target coords} */
        HOURS,
        /** refused as ambiguous: write {@code 150.25d} or {@code 10.0167h} (command-line options) */
        AMBIGUOUS
    }

    /**
     * As {@link #parse(String, Location)}, with the meaning of a bare decimal RA given: a cal_phot config's
     * {@code target coords} reads it as hours (error if 24 or more), the command line refuses it as ambiguous.
     * An explicit unit ({@code 150.25d}, {@code 10.0167h}) always wins.
     */
    public static SkyPosition parse(String text, Location where, DecimalRa decimalRa) throws BadInputException {
        if (text == null || text.isBlank()) {
            throw Sexagesimal.error("empty target coordinates (want 'hh:mm:ss.ss +dd:mm:ss.s' or decimal degrees)",
                    where, 0);
        }
        String raField;
        String decField;
        int raCol;
        int decCol;
        int comma = text.indexOf(',');
        if (comma >= 0) {
            if (text.indexOf(',', comma + 1) >= 0) {
                throw Sexagesimal.error("target coordinates '" + text + "' have more than one comma", where, comma);
            }
            raField = text.substring(0, comma);
            decField = text.substring(comma + 1);
            raCol = leading(raField);
            decCol = comma + 1 + leading(decField);
            raField = raField.strip();
            decField = decField.strip();
        } else {
            // blank-separated: 2 fields (RA Dec) or 6 fields (h m s d m s)
            java.util.List<int[]> tokens = new java.util.ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    tokens.add(new int[] {start, i});
                }
            }
            int split;
            if (tokens.size() == 2) {
                split = 1;
            } else if (tokens.size() == 6) {
                split = 3;
            } else if (tokens.size() == 4 && text.indexOf(':') < 0) {
                // h m  d m
                split = 2;
            } else {
                throw Sexagesimal.error("cannot split '" + text.strip()
                        + "' into RA and Dec (want 'hh:mm:ss.ss +dd:mm:ss.s', 'hh mm ss.ss +dd mm ss.s' or decimal degrees)",
                        where, tokens.isEmpty() ? 0 : tokens.get(0)[0]);
            }
            raCol = tokens.get(0)[0];
            decCol = tokens.get(split)[0];
            raField = text.substring(raCol, tokens.get(split - 1)[1]);
            decField = text.substring(decCol, tokens.get(tokens.size() - 1)[1]);
        }
        Sexagesimal.Value ra = Sexagesimal.parse(raField, "RA", where, raCol);
        boolean bareDecimal = ra.unit() == 0 && ra.fields() == 1;
        if (bareDecimal && decimalRa == DecimalRa.AMBIGUOUS) {
            throw Sexagesimal.error(String.format(java.util.Locale.ROOT, "decimal RA '%s' is ambiguous: write %sd"
                    + " for degrees or %sh for hours (a cal_phot config reads a decimal RA as hours)", raField,
                    raField, raField), where, raCol);
        }
        double raDeg;
        if (ra.inHours() || (bareDecimal && decimalRa == DecimalRa.HOURS)) {
            if (ra.negative() || ra.value() >= 24) {
                throw Sexagesimal.error("RA '" + raField + "' out of range: RA in hours must be in [0, 24)", where,
                        raCol);
            }
            raDeg = ra.value() * 15.0;
        } else {
            if (ra.value() < 0 || ra.value() >= 360) {
                throw Sexagesimal.error("RA '" + raField + "' out of range: RA in degrees must be in [0, 360)",
                        where, raCol);
            }
            raDeg = ra.value();
        }
        Sexagesimal.Value dec = Sexagesimal.parse(decField, "Dec", where, decCol);
        if (dec.unit() == 'h') {
            throw Sexagesimal.error("Dec '" + decField + "' cannot be in hours", where, decCol);
        }
        if (Math.abs(dec.value()) > 90) {
            throw Sexagesimal.error("Dec '" + decField + "' out of range [-90, 90]", where, decCol);
        }
        if (raDeg >= 360) {
            raDeg -= 360; // 23:59:59.99999... rounding
        }
        return new SkyPosition(raDeg, dec.value());
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Both forms for Calibration.txt and provenance: {@code hh:mm:ss.sss +dd:mm:ss.ss (RA 150.000000 deg, Dec ...)}. */
    public String describeBothForms() {
        return String.format(java.util.Locale.ROOT, "%s (RA %.6f deg = %.7f h, Dec %+.6f deg)", toSexagesimal(),
                raDeg, raDeg / 15.0, decDeg);
    }

    /** RA as {@code hh:mm:ss.sss}, Dec as {@code +dd:mm:ss.ss}, for messages and provenance. */
    public String toSexagesimal() {
        return hms(raDeg / 15.0, 3, false) + " " + hms(decDeg, 2, true);
    }

    private static String hms(double v, int decimals, boolean signed) {
        String sign = v < 0 ? "-" : (signed ? "+" : "");
        double a = Math.abs(v);
        double scale = Math.pow(10, decimals);
        long total = Math.round(a * 3600 * scale);
        long whole = total / (3600 * (long) scale);
        long rem = total - whole * 3600 * (long) scale;
        long min = rem / (60 * (long) scale);
        double sec = (rem - min * 60 * (long) scale) / scale;
        return String.format(java.util.Locale.ROOT, "%s%02d:%02d:%0" + (3 + decimals) + "." + decimals + "f",
                sign, whole, min, sec);
    }
}
