// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry;

import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.time.AirmassFormula;
import org.calphot.core.time.Site;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.SkyPosition;
import org.calphot.core.time.TimeColumns;
import org.calphot.core.time.TimeCorrector;
import org.calphot.core.time.TimeRequest;

/**
 * The seam between photometry and the time service: airmass of a pointing, seen from a site, at each
 * mid-exposure MJD(UTC). The original evaluated it at the one pointing the user gave, for every aperture.
 */
@FunctionalInterface
public interface AirmassSource {

    /**
     * @param site     what the user wrote for the site (a name or "lat, lon")
     * @param pointing "RA DEC" as the user wrote it (sexagesimal, or decimal with a unit: 150.25d or 10.0167h;
     *                 a bare decimal RA is refused as ambiguous)
     * @param mjdUtc   mid-exposure times
     */
    double[] airmass(String site, String pointing, double[] mjdUtc) throws CalphotException;

    /** An airmass source backed by the site registry and time corrector services. */
    static AirmassSource of(SiteRegistry sites, TimeCorrector corrector, AirmassFormula formula, Warnings warnings) {
        return (siteText, pointing, mjdUtc) -> {
            Site site = sites.lookup(siteText, Location.key(null, 0, "--site"), warnings);
            SkyPosition pos = SkyPosition.parse(pointing, Location.key(null, 0, "pointing"),
                    SkyPosition.DecimalRa.AMBIGUOUS);
            TimeColumns out = new TimeColumns(null, null, null, null, null, null, new double[mjdUtc.length]);
            corrector.correct(new TimeRequest(site, pos, formula), mjdUtc, 0, mjdUtc.length, out, warnings);
            return out.airmass();
        };
    }
}
