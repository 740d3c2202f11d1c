// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.time;

import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;

/**
 * Finds observing sites by the names users write (astropy site names such as {@code lasilla} or
 * {@code Roque de los Muchachos}, telescope names such as {@code NTT}), by cal_phot's
 * {@code "lat, lon"} sexagesimal form (height 0 with a warning; a third field gives the height
 * in metres), and by sites defined in a user's config.
 */
public interface SiteRegistry {

    /**
     * @param text     what the user wrote
     * @param where    where it was written, for error messages
     * @param warnings receives the "no height given" warning of the {@code "lat, lon"} form
     */
    Site lookup(String text, Location where, Warnings warnings) throws BadInputException;

    /** Built-in (and user-defined) sites, each once. */
    List<Site> sites();

    /** The names and aliases that find a site (as written in the table, not normalised). */
    List<String> namesOf(Site site);

    /** A registry that also knows {@code userSites} (by their names); they take precedence. */
    SiteRegistry withSites(List<Site> userSites);
}
