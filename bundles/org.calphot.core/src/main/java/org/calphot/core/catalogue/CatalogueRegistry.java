// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

import java.util.List;
import java.util.Optional;

import org.calphot.core.BadInputException;

/** All catalogues present in the runtime, by name. */
public interface CatalogueRegistry {

    /** Names of the catalogues present, sorted. */
    List<String> names();

    Optional<Catalogue> find(String name);

    /** The named catalogue, or a bad-input error listing the ones present. */
    default Catalogue get(String name) throws BadInputException {
        return find(name).orElseThrow(() -> new BadInputException("unknown catalogue '" + name + "'; present: "
                + (names().isEmpty() ? "(none)" : String.join(", ", names()))));
    }
}
