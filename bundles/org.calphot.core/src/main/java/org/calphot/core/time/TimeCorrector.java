// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.time;

import java.nio.file.Path;
import java.util.Map;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;

/**
 * Converts mid-exposure MJD(UTC) columns to BMJD(TDB) for a target seen from a site, the way
 * astropy does with its builtin ephemeris ({@code (t.tdb + t.light_travel_time(target)).mjd}),
 * and gives the airless altitude and airmass of every frame.
 * <p>
 * Calls are vectorised: one call converts a whole column. Implementations are thread-safe.
 */
public interface TimeCorrector {

    /**
     * Converts {@code mjdUtc[from..to)} and writes each non-null column of {@code out} at the same
     * indices. NaN input times give NaN outputs.
     *
     * @param warnings receives the leap-second staleness and missing Earth-orientation warnings,
     *                 each at most once per corrector instance
     * @throws org.calphot.core.BadInputException a time outside the supported range (1972..2100),
     *                 with the offending index as the location key {@code mjd_utc[i]}
     */
    void correct(TimeRequest request, double[] mjdUtc, int from, int to, TimeColumns out, Warnings warnings)
            throws CalphotException;

    /** Converts a whole column into newly allocated barycentric columns. */
    default TimeColumns correct(TimeRequest request, double[] mjdUtc, Warnings warnings) throws CalphotException {
        TimeColumns out = TimeColumns.barycentric(mjdUtc.length);
        correct(request, mjdUtc, 0, mjdUtc.length, out, warnings);
        return out;
    }

    /**
     * A corrector that takes UT1-UTC and polar motion from an IERS table (finals2000A / finals.all
     * fixed-column format, or whitespace columns {@code mjd x_arcsec y_arcsec ut1_utc_s}).
     * Without one both are zero, which limits altitude to ~15 arcsec (timing is unaffected below 1 us).
     */
    TimeCorrector withEarthOrientation(Path iersTable) throws CalphotException;

    /** What this corrector uses (ephemeris, leap-second table and its validity, EOP, grid), for provenance. */
    Map<String, Object> provenance();
}
