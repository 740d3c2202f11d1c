// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.calphot.catalogue.AutoCatalogue;
import org.calphot.catalogue.CachingCatalogue;
import org.calphot.catalogue.CatalogueCache;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.core.log.CoordsFile;
import org.calphot.output.RunLog;

/**
 * {@code catalogue: auto} in a run: one catalogue per field (a .coords file), chosen by {@link AutoCatalogue}
 * from the SDSS bands of all its CCDs and all its comparison stars, decided once and recorded (Calibration.txt
 * and provenance {@code catalogue_choices}).
 */
final class FieldCatalogues {

    private final CatalogueRegistry registry;
    private final CatalogueCache cache;
    private final boolean offline;
    private final Map<Path, AutoCatalogue.Choice> choices = new LinkedHashMap<>();

    FieldCatalogues(CatalogueRegistry registry, CatalogueCache cache, boolean offline) {
        this.registry = registry;
        this.cache = cache;
        this.offline = offline;
    }

    /** The field's catalogue (cached wrapper), choosing it on first use; none fitting is a runtime error. */
    synchronized Catalogue forField(CoordsFile coords, Path coordsPath, RunLog log) throws CalphotException {
        AutoCatalogue.Choice c = choices.get(coordsPath);
        if (c == null) {
            List<ConeQuery> stars = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (int k = 0; k < coords.starsPerCcd().size(); k++) {
                for (CoordsFile.Star s : coords.stars(k)) {
                    if (seen.add(s.ra() + " " + s.dec())) {
                        stars.add(ConeQuery.parse(s.ra() + " " + s.dec(), ConeQuery.DEFAULT_RADIUS_ARCSEC,
                                Location.of(coordsPath.toString(), s.line())));
                    }
                }
            }
            List<String> bands = AutoCatalogue.sdssBandsFor(coords.bands());
            c = AutoCatalogue.choose(registry, coordsPath.getFileName().toString(), stars, bands,
                    QueryOptions.DEFAULTS, cat -> new CachingCatalogue(cat, cache, offline));
            choices.put(coordsPath, c);
            log.say("  %s", c.describe());
            if (c.catalogue() == null) {
                throw new CatalogueException(CatalogueException.Kind.NO_STAR_FOUND, coordsPath + ": "
                        + AutoCatalogue.noneFits(c), null);
            }
        }
        if (c.catalogue() == null) {
            throw new CatalogueException(CatalogueException.Kind.NO_STAR_FOUND, coordsPath + ": "
                    + AutoCatalogue.noneFits(c), null);
        }
        return c.catalogue();
    }

    synchronized List<Object> provenance() {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<Path, AutoCatalogue.Choice> e : choices.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("coords_file", e.getKey().toString());
            m.putAll(e.getValue().toMap());
            out.add(m);
        }
        return out;
    }
}
