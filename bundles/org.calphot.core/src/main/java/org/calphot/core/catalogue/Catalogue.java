// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

import java.util.List;

import org.calphot.core.CalphotException;

/**
 * A source of comparison-star magnitudes (SDSS, standard-star tables, a user's table ...). Registered
 * as an OSGi service with a {@code name} property equal to {@link #name()}; found through
 * {@link CatalogueRegistry}, so a catalogue bundle installed later is picked up without code changes.
 * Implementations never prompt: with several matches they return all, nearest first.
 */
public interface Catalogue {

    /** Short unique name used on the command line and in configs, e.g. "sdss". */
    String name();

    /** One line for {@code calphot catalogue list}. */
    String description();

    /** Bands returned with default options, e.g. [u, g, r, i, z]. */
    List<String> bands();

    /**
     * Where the catalogue has data, for {@code catalogue: auto} (which only considers the catalogues it lists
     * by name); null (the default) means not declared: auto then asks the catalogue itself.
     */
    default Footprint footprint() {
        return null;
    }

    /**
     * The SDSS ugriz bands this catalogue gives on the SDSS system (measured or by a published
     * transformation), the ones colour terms and {@code catalogue: auto} can use. By default the bands
     * named u, g, r, i or z (calphot reads those as SDSS magnitudes).
     */
    default List<String> sdssBands() {
        return bands().stream().filter(b -> b.length() == 1 && "ugriz".contains(b)).toList();
    }

    /** True if queries go over the network; such answers are kept in the on-disk cache. */
    default boolean remote() {
        return false;
    }

    /**
     * The exact query {@link #query} would run for these arguments, without running it. Used as the
     * cache key and recorded in provenance, so it must change whenever the answer could.
     */
    String queryText(ConeQuery cone, QueryOptions options) throws CalphotException;

    /**
     * Stars within the cone, nearest first.
     *
     * @throws CatalogueException with a {@link CatalogueException.Kind} when the catalogue cannot answer,
     *                            including {@code NO_STAR_FOUND} when nothing matched
     * @throws org.calphot.core.BadInputException when the options are wrong for this catalogue
     */
    CatalogueResult query(ConeQuery cone, QueryOptions options) throws CalphotException;

    /** Whether {@link #queryByName} is supported (standard-star tables). */
    default boolean supportsNames() {
        return false;
    }

    /** Looks a star up by name; catalogues without names answer {@code NO_STAR_FOUND}. */
    default CatalogueResult queryByName(String starName, QueryOptions options) throws CalphotException {
        throw new CatalogueException(CatalogueException.Kind.NO_STAR_FOUND,
                "catalogue '" + name() + "' cannot look stars up by name", "name=" + starName);
    }
}
