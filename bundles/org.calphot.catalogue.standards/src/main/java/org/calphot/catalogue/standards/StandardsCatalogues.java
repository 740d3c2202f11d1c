// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.standards;

import org.calphot.core.catalogue.Catalogue;
import org.calphot.catalogue.standards.internal.StandardsCatalogue;

/** The standard-star catalogue without OSGi, for tests and embedding (the DS component is the same class). */
public final class StandardsCatalogues {

    private StandardsCatalogues() {
    }

    /** The {@code standards} catalogue; the Smith et al. (2002) table from the environment as the component. */
    public static Catalogue standards() {
        return new StandardsCatalogue();
    }
}
