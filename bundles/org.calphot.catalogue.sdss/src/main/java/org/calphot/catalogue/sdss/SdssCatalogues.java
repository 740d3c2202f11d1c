// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.sdss;

import org.calphot.catalogue.sdss.internal.SkyServerCatalogue;
import org.calphot.core.catalogue.Catalogue;

/** Creates the SDSS catalogue without OSGi (tests, scripts). */
public final class SdssCatalogues {

    private SdssCatalogues() {
    }

    public static Catalogue create(SdssSettings settings) {
        return new SkyServerCatalogue(settings);
    }
}
