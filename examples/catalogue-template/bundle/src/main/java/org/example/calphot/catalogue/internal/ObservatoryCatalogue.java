// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.example.calphot.catalogue.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.calphot.core.CalphotException;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.core.catalogue.SkyCoordinates;
import org.osgi.service.component.annotations.Component;

/**
 * An observatory's comparison-star catalogue: a table packaged in this bundle. The name property is what a
 * config selects with {@code catalogue: exobs} (and {@code calphot catalogue query --catalogue exobs}).
 * It uses only calphot's published API: org.calphot.core and org.calphot.core.catalogue.
 */
@Component(service = Catalogue.class, property = "name=exobs")
public final class ObservatoryCatalogue implements Catalogue {

    static final String TABLE = "stars.csv";

    private final List<String> bands;
    private final List<String[]> rows;

    public ObservatoryCatalogue() {
        List<String> lines = new ArrayList<>();
        try (InputStream in = ObservatoryCatalogue.class.getResourceAsStream(TABLE);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String s; (s = r.readLine()) != null;) {
                if (!s.isBlank() && !s.startsWith("#")) {
                    lines.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the bundle's own table " + TABLE + " is unreadable", e);
        }
        String[] header = lines.get(0).split(",", -1);
        this.bands = List.of(Arrays.copyOfRange(header, 3, header.length));
        this.rows = lines.subList(1, lines.size()).stream().map(s -> s.split(",", -1)).toList();
    }

    @Override
    public String name() {
        return "exobs";
    }

    @Override
    public String description() {
        return "Example Observatory comparison stars (" + rows.size() + " stars, bands " + String.join(" ", bands)
                + ")";
    }

    @Override
    public List<String> bands() {
        return bands;
    }

    @Override
    public String queryText(ConeQuery cone, QueryOptions options) {
        // the table ships with the bundle: its version is part of the answer's identity
        return "exobs table " + TABLE + " cone " + cone.describe();
    }

    @Override
    public CatalogueResult query(ConeQuery cone, QueryOptions options) throws CalphotException {
        List<CatalogueStar> found = new ArrayList<>();
        for (String[] f : rows) {
            double ra = Double.parseDouble(f[1]);
            double dec = Double.parseDouble(f[2]);
            double sep = SkyCoordinates.separationArcsec(cone.raDeg(), cone.decDeg(), ra, dec);
            if (sep <= cone.radiusArcsec()) {
                double[] mag = new double[bands.size()];
                double[] err = new double[bands.size()];
                for (int b = 0; b < mag.length; b++) {
                    String v = 3 + b < f.length ? f[3 + b].strip() : "";
                    mag[b] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
                    err[b] = Double.NaN;
                }
                found.add(new CatalogueStar(f[0], ra, dec, sep, mag, err, List.of(), Map.of()));
            }
        }
        if (found.isEmpty()) {
            throw new CatalogueException(CatalogueException.Kind.NO_STAR_FOUND,
                    "no Example Observatory star within " + cone.radiusArcsec() + " arcsec of " + cone.describe(),
                    queryText(cone, options));
        }
        found.sort(Comparator.comparingDouble(CatalogueStar::separationArcsec));
        return new CatalogueResult(name(), queryText(cone, options), cone, "AB, Example Observatory photometry",
                bands, found, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), false);
    }
}
