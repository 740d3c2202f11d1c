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
