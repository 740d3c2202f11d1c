// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.local.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
 * Comparison magnitudes from the user's own CSV table, for fields no survey reaches. The table has a
 * header row; columns {@code ra} and {@code dec} (decimal degrees, or sexagesimal with RA in hours),
 * optional {@code id} or {@code name}, and one column per band; a band's error column is
 * {@code err_<band>}, {@code e_<band>} or {@code <band>_err}. Empty cells are "not measured"; lines
 * starting with {@code #} are comments. The table is named by the query parameter {@code table} or
 * {@code $CALPHOT_LOCAL_TABLE}.
 * <p>
 * This bundle is the proof of the catalogue plug-in path: nothing else in calphot names it.
 */
@Component(service = Catalogue.class, property = "name=local")
public final class LocalTableCatalogue implements Catalogue {

    public static final String TABLE_ENV = "CALPHOT_LOCAL_TABLE";

    private final Function<String, String> env;

    public LocalTableCatalogue() {
        this(System::getenv);
    }

    public LocalTableCatalogue(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String description() {
        return "the user's CSV table of RA, Dec and magnitudes (--param table=FILE or $" + TABLE_ENV + ")";
    }

    @Override
    public List<String> bands() {
        return List.of();
    }

    private Path table(QueryOptions o) throws BadInputException {
        String t = o.parameter("table");
        if (t == null || t.isBlank()) {
            t = env.apply(TABLE_ENV);
        }
        if (t == null || t.isBlank()) {
            throw new BadInputException("the local catalogue needs a CSV table: --param table=FILE or $" + TABLE_ENV);
        }
        Path p = Path.of(t).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new BadInputException("local catalogue table not found", Location.of(p.toString()));
        }
        return p;
    }

    @Override
    public String queryText(ConeQuery cone, QueryOptions options) throws CalphotException {
        return "local table=" + table(options) + " cone " + cone.describe();
    }

    /** Parsed table: bands and rows. */
    record Table(List<String> bands, List<CatalogueStar> rows) {
    }

    static Table read(Path file, ConeQuery cone) throws CalphotException {
        String where = file.toString();
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, fmt)) {
            List<String> header = p.getHeaderNames();
            String raCol = null;
            String decCol = null;
            String idCol = null;
            List<String> bands = new ArrayList<>();
            Map<String, String> errCol = new LinkedHashMap<>();
            for (String h : header) {
                String k = h.toLowerCase(Locale.ROOT);
                switch (k) {
                    case "ra", "ra_deg", "raj2000" -> raCol = h;
                    case "dec", "dec_deg", "dej2000", "decj2000" -> decCol = h;
                    case "id", "name" -> idCol = idCol == null ? h : idCol;
                    default -> {
                        if (!(k.startsWith("err_") || k.startsWith("e_") || k.endsWith("_err"))) {
                            bands.add(h);
                        }
                    }
                }
            }
            if (raCol == null || decCol == null) {
                throw new BadInputException("the header needs columns 'ra' and 'dec' (found " + header + ")",
                        Location.of(where, 1));
            }
            if (bands.isEmpty()) {
                throw new BadInputException("no magnitude columns besides ra/dec/id", Location.of(where, 1));
            }
            for (String b : bands) {
                for (String h : header) {
                    String k = h.toLowerCase(Locale.ROOT);
                    String bl = b.toLowerCase(Locale.ROOT);
                    if (k.equals("err_" + bl) || k.equals("e_" + bl) || k.equals(bl + "_err")) {
                        errCol.put(b, h);
                    }
                }
            }
            List<CatalogueStar> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                int line = (int) rec.getParser().getCurrentLineNumber();
                if (!rec.isConsistent()) {
                    throw new BadInputException("expected " + header.size() + " fields, found " + rec.size(),
                            Location.of(where, line));
                }
                SkyCoordinates.Position pos = SkyCoordinates.parse(rec.get(raCol) + " " + rec.get(decCol),
                        Location.key(where, line, raCol));
                double[] mag = new double[bands.size()];
                double[] err = new double[bands.size()];
                for (int b = 0; b < bands.size(); b++) {
                    mag[b] = number(rec.get(bands.get(b)), where, line, bands.get(b));
                    String ec = errCol.get(bands.get(b));
                    err[b] = ec == null ? Double.NaN : number(rec.get(ec), where, line, ec);
                }
                String id = idCol != null && !rec.get(idCol).isBlank() ? rec.get(idCol)
                        : "row " + rec.getRecordNumber();
                double sep = SkyCoordinates.separationArcsec(cone.raDeg(), cone.decDeg(), pos.raDeg(), pos.decDeg());
                rows.add(new CatalogueStar(id, pos.raDeg(), pos.decDeg(), sep, mag, err, List.of(),
                        Map.of("line", Integer.toString(line))));
            }
            return new Table(bands, rows);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException("cannot read the local table: " + e.getMessage(), Location.of(where));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports duplicate or missing headers this way.
            throw new BadInputException("not a CSV table with one header row: " + e.getMessage(), Location.of(where));
        }
    }

    private static double number(String s, String file, int line, String col) throws BadInputException {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("'" + s + "' in column " + col + " is not a number",
                    Location.key(file, line, col));
        }
    }

    @Override
    public CatalogueResult query(ConeQuery cone, QueryOptions options) throws CalphotException {
        Path file = table(options);
        String text = queryText(cone, options);
        Table t = read(file, cone);
        List<CatalogueStar> found = new ArrayList<>();
        for (CatalogueStar s : t.rows()) {
            if (s.separationArcsec() <= cone.radiusArcsec()) {
                found.add(s);
            }
        }
        if (found.isEmpty()) {
            throw new CatalogueException(Kind.NO_STAR_FOUND, "no row of " + file + " within " + cone.radiusArcsec()
                    + " arcsec of " + cone.describe(), text);
        }
        return new CatalogueResult(name(), text, cone, "as given in " + file, t.bands(), found,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), false);
    }
}
