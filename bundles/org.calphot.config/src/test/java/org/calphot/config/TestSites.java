// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import java.util.List;
import java.util.Locale;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.time.Site;
import org.calphot.core.time.SiteRegistry;

/** Knows La Silla and La Palma; the real registry lives in org.calphot.time. */
final class TestSites implements SiteRegistry {

    static final SiteRegistry SITES = new TestSites();

    final Site laSilla = new Site("lasilla", -29.2567, -70.73, 2347, "test");
    final Site laPalma = new Site("lapalma", 28.7606, -17.8792, 2327, "test");

    @Override
    public Site lookup(String text, Location where, Warnings warnings) throws BadInputException {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("lasilla")) {
            return laSilla;
        }
        if (t.equals("lapalma")) {
            return laPalma;
        }
        throw new BadInputException("unknown site '" + text + "'", where);
    }

    @Override
    public List<Site> sites() {
        return List.of(laSilla, laPalma);
    }

    @Override
    public List<String> namesOf(Site site) {
        return List.of(site.name());
    }

    @Override
    public SiteRegistry withSites(List<Site> userSites) {
        return this;
    }
}
