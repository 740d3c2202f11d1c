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
