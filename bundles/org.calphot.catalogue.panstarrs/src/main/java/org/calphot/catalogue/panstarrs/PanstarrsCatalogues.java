// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.panstarrs;

import org.calphot.catalogue.panstarrs.internal.Ps1Catalogue;
import org.calphot.catalogue.vo.VoSettings;
import org.calphot.core.catalogue.Catalogue;

/** Creates the Pan-STARRS1 DR2 catalogue without OSGi (tests, scripts). */
public final class PanstarrsCatalogues {

    /**
     * MAST's catalogue service (MAST Catalogs API, Pan-STARRS section, https://catalogs.mast.stsci.edu/docs/panstarrs.html):
     * cone searches are {@code GET <root>/panstarrs/dr2/mean.votable?ra=&dec=&radius=} (degrees).
     */
    public static final String DEFAULT_URL = "https://catalogs.mast.stsci.edu/api/v0.1";

    private PanstarrsCatalogues() {
    }

    public static Catalogue create(VoSettings settings) {
        return new Ps1Catalogue(settings);
    }
}
