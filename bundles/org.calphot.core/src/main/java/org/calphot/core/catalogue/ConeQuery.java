// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

import java.util.Locale;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;

/**
 * "Stars within {@code radiusArcsec} of (RA, Dec)". Holds numbers only: text from users is parsed by
 * {@link #parse} before it can reach a query, so nothing can be injected through a {@code .coords}
 * file.
 *
 * @param raDeg        ICRS/J2000 right ascension, degrees in [0, 360)
 * @param decDeg       declination, degrees in [-90, 90]
 * @param radiusArcsec search radius (a distance, not a box), arcseconds, &gt; 0
 */
public record ConeQuery(double raDeg, double decDeg, double radiusArcsec) {

    /** The default search radius: 3 arcsec (the original searched 6 arcsec by a unit slip). */
    public static final double DEFAULT_RADIUS_ARCSEC = 3.0;

    public ConeQuery {
        if (!(raDeg >= 0 && raDeg < 360) || !(decDeg >= -90 && decDeg <= 90)) {
            throw new IllegalArgumentException("position out of range: " + raDeg + " " + decDeg);
        }
        if (!(radiusArcsec > 0) || Double.isInfinite(radiusArcsec)) {
            throw new IllegalArgumentException("radius must be positive and finite: " + radiusArcsec);
        }
    }

    /** Parses "RA DEC" (see {@link SkyCoordinates}); bad text or a bad radius gives a located error. */
    public static ConeQuery parse(String position, double radiusArcsec, Location where) throws BadInputException {
        SkyCoordinates.Position p = SkyCoordinates.parse(position, where);
        if (!(radiusArcsec > 0) || Double.isInfinite(radiusArcsec)) {
            throw new BadInputException("search radius must be a positive number of arcsec, not " + radiusArcsec,
                    where);
        }
        return new ConeQuery(p.raDeg(), p.decDeg(), radiusArcsec);
    }

    /** Stable text for messages and cache keys, e.g. {@code ra=341.65346 dec=+0.98492 r=3"}. */
    public String describe() {
        return String.format(Locale.ROOT, "ra=%.7f dec=%+.7f r=%s\"", raDeg, decDeg, stripZeros(radiusArcsec));
    }

    private static String stripZeros(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
