// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.skymapper;

import org.calphot.catalogue.skymapper.internal.SkymapperCatalogue;
import org.calphot.catalogue.vo.VoSettings;
import org.calphot.core.catalogue.Catalogue;

/** Creates the SkyMapper DR4 catalogue without OSGi (tests, scripts). */
public final class SkymapperCatalogues {

    /**
     * SkyMapper's public TAP service (SkyMapper "Data Access" page, https://skymapper.anu.edu.au/how-to-access/ :
     * {@code https://api.skymapper.nci.org.au/public/tap/}).
     */
    public static final String DEFAULT_URL = "https://api.skymapper.nci.org.au/public/tap";

    private SkymapperCatalogues() {
    }

    public static Catalogue create(VoSettings settings) {
        return new SkymapperCatalogue(settings);
    }
}
