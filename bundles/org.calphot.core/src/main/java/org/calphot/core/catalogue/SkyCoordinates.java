// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;

/**
 * Parses a sky position typed by a user or read from a {@code .coords} file into decimal degrees, so
 * that only numbers (never the user's text) reach a catalogue query. Accepted forms:
 * <ul>
 * <li>decimal degrees: {@code "341.6535 +0.9849"} (RA in degrees, not hours);</li>
 * <li>sexagesimal with colons: {@code "22:41:36.83 +00:59:05.7"} (RA in hours);</li>
 * <li>sexagesimal with spaces: {@code "22 41 36.83 +00 59 05.7"};</li>
 * <li>with letters: {@code "22h41m36.83s +00d59m05.7s"}.</li>
 * </ul>
 * The declination sign is read from the text, so {@code -00:02:56.3} stays negative.
 */
public final class SkyCoordinates {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SEXA = Pattern.compile(
            "([+-]?)(\\d{1,3})[:hHdD\\u00b0 ](\\d{1,2})[:mM' ](\\d{1,2}(?:\\.\\d*)?)[sS\"]?");

    private SkyCoordinates() {
    }

    /** Right ascension and declination in degrees. */
    public record Position(double raDeg, double decDeg) {
    }

    public static Position parse(String text, Location where) throws BadInputException {
        if (text == null || text.isBlank()) {
            throw new BadInputException("empty sky position; expected \"RA DEC\"", where);
        }
        String t = text.trim().replace('\t', ' ').replaceAll(" +", " ");
        String[] tok = t.split(" ");
        String ra;
        String dec;
        if (tok.length == 2) {
            ra = tok[0];
            dec = tok[1];
        } else if (tok.length == 6) {
            ra = tok[0] + ":" + tok[1] + ":" + tok[2];
            dec = tok[3] + ":" + tok[4] + ":" + tok[5];
        } else {
            throw new BadInputException("sky position '" + text + "' is not \"RA DEC\" (decimal degrees or"
                    + " hh:mm:ss.s +dd:mm:ss.s)", where);
        }
        double raDeg;
        double decDeg;
        if (NUMBER.matcher(ra).matches() && NUMBER.matcher(dec).matches()) {
            raDeg = Double.parseDouble(ra);
            decDeg = Double.parseDouble(dec);
        } else {
            raDeg = 15.0 * sexagesimal(ra, 24, "RA", text, where);
            decDeg = sexagesimal(dec, 90, "Dec", text, where);
        }
        if (!(raDeg >= 0 && raDeg < 360)) {
            throw new BadInputException("RA " + fmt(raDeg) + " deg out of range [0, 360) in '" + text + "'", where);
        }
        if (!(decDeg >= -90 && decDeg <= 90)) {
            throw new BadInputException("Dec " + fmt(decDeg) + " deg out of range [-90, 90] in '" + text + "'", where);
        }
        return new Position(raDeg, decDeg);
    }

    private static double sexagesimal(String s, int maxMajor, String what, String text, Location where)
            throws BadInputException {
        Matcher m = SEXA.matcher(s);
        if (!m.matches()) {
            throw new BadInputException(what + " '" + s + "' in '" + text + "' is neither decimal degrees nor "
                    + (maxMajor == 24 ? "hh:mm:ss.s" : "+dd:mm:ss.s"), where);
        }
        int major = Integer.parseInt(m.group(2));
        int minutes = Integer.parseInt(m.group(3));
        double seconds = Double.parseDouble(m.group(4));
        if (major > maxMajor || minutes >= 60 || seconds >= 60) {
            throw new BadInputException(what + " '" + s + "' has a field out of range", where);
        }
        double v = major + minutes / 60.0 + seconds / 3600.0;
        if (maxMajor == 24 && !m.group(1).isEmpty()) {
            throw new BadInputException("RA '" + s + "' must not carry a sign", where);
        }
        return m.group(1).equals("-") ? -v : v;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** Angular separation in arcseconds (haversine, accurate at small angles). */
    public static double separationArcsec(double ra1Deg, double dec1Deg, double ra2Deg, double dec2Deg) {
        double d1 = Math.toRadians(dec1Deg);
        double d2 = Math.toRadians(dec2Deg);
        double sdd = Math.sin((d2 - d1) / 2);
        double sda = Math.sin(Math.toRadians(ra2Deg - ra1Deg) / 2);
        double h = sdd * sdd + Math.cos(d1) * Math.cos(d2) * sda * sda;
        return Math.toDegrees(2 * Math.asin(Math.min(1.0, Math.sqrt(h)))) * 3600.0;
    }
}
