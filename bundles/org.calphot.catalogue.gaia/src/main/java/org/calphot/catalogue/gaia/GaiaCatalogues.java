// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.gaia;

import org.calphot.catalogue.gaia.internal.GaiaGspcCatalogue;
import org.calphot.catalogue.vo.VoSettings;
import org.calphot.core.catalogue.Catalogue;

/** Creates the Gaia DR3 GSPC catalogue without OSGi (tests, scripts). */
public final class GaiaCatalogues {

    /**
     * The Gaia archive's TAP service (ESA Gaia archive, "Programmatic access",
     * https://www.cosmos.esa.int/web/gaia-users/archive/programmatic-access: {@code https://gea.esac.esa.int/tap-server/tap}).
     */
    public static final String DEFAULT_URL = "https://gea.esac.esa.int/tap-server/tap";

    private GaiaCatalogues() {
    }

    public static Catalogue create(VoSettings settings) {
        return new GaiaGspcCatalogue(settings);
    }
}
