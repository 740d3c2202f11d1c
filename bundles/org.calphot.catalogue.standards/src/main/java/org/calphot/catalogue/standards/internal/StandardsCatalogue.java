// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.standards.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.calphot.catalogue.standards.StandardSystem;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.core.catalogue.SkyCoordinates;
import org.osgi.service.component.annotations.Component;

/**
 * Photometric standard stars by name or position: Gaia-SPSS synthetic *CAM magnitudes (tables
 * shipped in this bundle) and the Smith et al. (2002) u'g'r'i'z' network (read from the user's copy,
 * see {@link #SMITH_PROPERTY}). The system comes from the query's instrument, filter set and date
 * ({@link StandardSystem#select}) or from the parameter {@code system=<id>}.
 */
@Component(service = Catalogue.class, property = "name=standards")
public final class StandardsCatalogue implements Catalogue {

    /** System property naming the user's copy of Smith et al. (2002) Table 8. */
    public static final String SMITH_PROPERTY = "calphot.standards.smith2002";
    /** Environment variable naming the same file. */
    public static final String SMITH_ENV = "CALPHOT_SMITH2002";

    private final Function<String, String> env;
    private final Map<StandardSystem, StandardTable> tables = new EnumMap<>(StandardSystem.class);
    private Path smithLoaded;

    /** DS constructor; tables are read on first use. */
    public StandardsCatalogue() {
        this(System::getenv);
    }

    /** For tests: a substitute environment. */
    public StandardsCatalogue(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "standards";
    }

    @Override
    public String description() {
        return "standard stars: Gaia-SPSS synthetic HiPERCAM/ULTRACAM/SDSS magnitudes; Smith et al. 2002 u'g'r'i'z'"
                + " (user's table)";
    }

    @Override
    public List<String> bands() {
        return StandardSystem.SMITH2002.bands();
    }

    @Override
    public boolean supportsNames() {
        return true;
    }

    static StandardSystem system(QueryOptions o) throws BadInputException {
        String id = o.parameter("system");
        return id != null ? StandardSystem.byId(id) : StandardSystem.select(o.instrument(), o.filterSet(), o.date());
    }

    /** The Smith table path: parameter {@code smith2002}, else the system property, else the environment. */
    private Path smithPath(QueryOptions o) throws BadInputException {
        String p = o.parameter("smith2002");
        if (p == null) {
            p = System.getProperty(SMITH_PROPERTY);
        }
        if (p == null) {
            p = env.apply(SMITH_ENV);
        }
        if (p == null || p.isBlank()) {
            throw new BadInputException("the Smith et al. (2002) u'g'r'i'z' table is not shipped with calphot; save"
                    + " Table 8 (tab08.dat, e.g. from VizieR J/AJ/123/2121) and point " + SMITH_ENV
                    + " (or -D" + SMITH_PROPERTY + ") at it");
        }
        Path path = Path.of(p);
        if (!Files.isRegularFile(path)) {
            throw new BadInputException("Smith et al. (2002) table not found", Location.of(path.toString()));
        }
        return path;
    }

    synchronized StandardTable table(QueryOptions o) throws CalphotException {
        StandardSystem s = system(o);
        if (s == StandardSystem.SMITH2002) {
            Path p = smithPath(o).toAbsolutePath().normalize();
            if (!p.equals(smithLoaded)) {
                tables.put(s, StandardTable.smith(p));
                smithLoaded = p;
            }
        } else if (!tables.containsKey(s)) {
            tables.put(s, StandardTable.spss(s));
        }
        return tables.get(s);
    }

    @Override
    public String queryText(ConeQuery cone, QueryOptions options) throws CalphotException {
        return "standards system=" + system(options).id() + " cone " + cone.describe();
    }

    @Override
    public CatalogueResult query(ConeQuery cone, QueryOptions options) throws CalphotException {
        StandardTable t = table(options);
        String text = queryText(cone, options);
        List<CatalogueStar> found = new ArrayList<>();
        for (StandardTable.Row r : t.rows()) {
            double sep = SkyCoordinates.separationArcsec(cone.raDeg(), cone.decDeg(), r.raDeg(), r.decDeg());
            if (sep <= cone.radiusArcsec()) {
                found.add(star(r, sep));
            }
        }
        if (found.isEmpty()) {
            throw new CatalogueException(Kind.NO_STAR_FOUND, "no " + t.system().id() + " standard within "
                    + cone.radiusArcsec() + " arcsec of " + cone.describe(), text);
        }
        return result(t, text, cone, found);
    }

    @Override
    public CatalogueResult queryByName(String starName, QueryOptions options) throws CalphotException {
        StandardTable t = table(options);
        String text = "standards system=" + t.system().id() + " name=" + starName;
        StandardTable.Row r = match(t, starName, text);
        return result(t, text, null, List.of(star(r, 0.0)));
    }

    static StandardTable.Row match(StandardTable t, String query, String text) throws CatalogueException {
        List<Function<String, String>> levels = List.of(StarNames::strict, StarNames::loose, StarNames::joined);
        for (Function<String, String> key : levels) {
            String q = key.apply(query);
            List<StandardTable.Row> hits = new ArrayList<>();
            for (StandardTable.Row r : t.rows()) {
                if (key.apply(r.name()).equals(q) || q.equals(r.extra().get("Gaia_DR3_ID"))) {
                    hits.add(r);
                }
            }
            if (hits.size() == 1) {
                return hits.get(0);
            }
            if (hits.size() > 1) {
                throw new CatalogueException(Kind.NO_STAR_FOUND, "standard star name '" + query + "' is ambiguous in "
                        + t.system().id() + ": " + String.join(", ", hits.stream().map(StandardTable.Row::name)
                                .toList()), text);
            }
        }
        throw new CatalogueException(Kind.NO_STAR_FOUND, "no standard star '" + query + "' in " + t.system().id()
                + "; nearest names: " + String.join(", ", StarNames.suggestions(query,
                        t.rows().stream().map(StandardTable.Row::name).toList())), text);
    }

    private static CatalogueStar star(StandardTable.Row r, double sep) {
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        extra.put("name", r.name());
        extra.putAll(r.extra());
        return new CatalogueStar(r.name(), r.raDeg(), r.decDeg(), sep, r.mag(), r.err(), r.flags(), extra);
    }

    private static CatalogueResult result(StandardTable t, String text, ConeQuery cone, List<CatalogueStar> stars) {
        return new CatalogueResult("standards", text, cone, t.system().description() + "; source: " + t.source(),
                t.system().bands(), stars, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), false);
    }
}
