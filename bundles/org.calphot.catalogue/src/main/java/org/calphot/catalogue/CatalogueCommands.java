// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.MagnitudeKind;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.io.JsonWriter;

/**
 * The logic of {@code calphot catalogue list} and {@code calphot catalogue query}; the picocli
 * classes only parse arguments and print what these return.
 */
public final class CatalogueCommands {

    private CatalogueCommands() {
    }

    /** Arguments of {@code calphot catalogue query}. Exactly one of {@code at} and {@code starName}. */
    public record QueryRequest(String catalogue, String at, String starName, double radiusArcsec, boolean offline,
            String cacheDir, boolean json, int dataRelease, boolean modelMagnitudes, String instrument,
            String filterSet, String date, Map<String, String> parameters) {

        /** The brief form: {@code --catalogue C --at "RA DEC" [--radius R] [--offline] [--cache DIR] [--json]}. */
        public static QueryRequest at(String catalogue, String at, double radiusArcsec, boolean offline,
                String cacheDir, boolean json) {
            return new QueryRequest(catalogue, at, null, radiusArcsec, offline, cacheDir, json, 0, false, null, null,
                    null, Map.of());
        }
    }

    /** One line per catalogue: name, remote/local, description; or a JSON array. */
    public static String list(CatalogueRegistry registry, boolean json) throws CalphotException {
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String name : registry.names()) {
            Catalogue c = registry.get(name);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("remote", c.remote());
            m.put("names", c.supportsNames());
            m.put("bands", c.bands());
            m.put("sdss_bands", c.sdssBands());
            m.put("footprint", c.footprint() == null ? null : c.footprint().toString());
            m.put("description", c.description());
            rows.add(m);
            sb.append(String.format(Locale.ROOT, "%-12s %-7s %s%n", name, c.remote() ? "remote" : "on-disk",
                    c.description()));
        }
        if (json) {
            return JsonWriter.pretty(rows) + System.lineSeparator();
        }
        return rows.isEmpty() ? "no catalogues installed" + System.lineSeparator() : sb.toString();
    }

    /**
     * Runs a query through the cache (remote catalogues) and describes the answer: the chosen
     * (nearest) star first, the others after it.
     */
    public static String query(CatalogueRegistry registry, QueryRequest req, Map<String, String> env,
            String userHome) throws CalphotException {
        req = checked(req);
        if (AutoCatalogue.AUTO.equals(req.catalogue())) {
            return CatalogueCompare.queryAuto(registry, req.at(), req.radiusArcsec(), List.of(), req.offline(),
                    req.cacheDir(), req.json(), env, userHome);
        }
        Catalogue raw = registry.get(req.catalogue());
        CatalogueCache cache = new CatalogueCache(CatalogueCache.resolveDirectory(req.cacheDir(), env, userHome));
        Catalogue c = new CachingCatalogue(raw, cache, req.offline());
        QueryOptions o = options(req);
        CatalogueResult r;
        if ((req.at() == null) == (req.starName() == null)) {
            throw new BadInputException("give either --at \"RA DEC\" or --name STAR", Location.key(null, 0, "--at"));
        }
        if (req.starName() != null) {
            r = c.queryByName(req.starName(), o);
        } else {
            r = c.query(ConeQuery.parse(req.at(), req.radiusArcsec(), Location.key(null, 0, "--at")), o);
        }
        return req.json() ? JsonWriter.pretty(r.toMap()) + System.lineSeparator() : text(r);
    }

    /** Largest search radius: 10 arcmin is far beyond any comparison-star match (the default is 3"). */
    public static final double MAX_RADIUS_ARCSEC = 600;

    /** The {@code --param} names the installed catalogues read (a new catalogue adds its own here). */
    public static final java.util.Set<String> KNOWN_PARAMETERS = java.util.Set.of("table", "system", "smith2002");

    /**
     * The arguments checked before any cache or network use: the radius in (0, 600]″, known {@code --param}
     * names, a position written with units ({@code 10h00m00s +20d00m00s}) rewritten to colons, and
     * numbers that underflow to zero ({@code 1e-400}) refused as ambiguous.
     */
    static QueryRequest checked(QueryRequest req) throws BadInputException {
        double r = req.radiusArcsec();
        if (!(r > 0 && r <= MAX_RADIUS_ARCSEC)) {
            throw new BadInputException("--radius must be more than 0 and at most " + (int) MAX_RADIUS_ARCSEC
                    + " arcsec, not " + r, Location.key(null, 0, "--radius"));
        }
        for (Map.Entry<String, String> e : req.parameters().entrySet()) {
            if (!KNOWN_PARAMETERS.contains(e.getKey())) {
                throw new BadInputException("unknown parameter '" + e.getKey() + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(KNOWN_PARAMETERS)) + ")",
                        Location.key(null, 0, "--param"));
            }
        }
        String at = req.at();
        if (at == null) {
            return req;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?").matcher(at);
        while (m.find()) {
            String num = m.group();
            String mantissa = num.split("[eE]")[0];
            if (num.length() > mantissa.length() && mantissa.matches(".*[1-9].*") && Double.parseDouble(num) == 0) {
                throw new BadInputException("the number " + num + " in '" + at + "' is too small to be told from 0",
                        Location.key(null, 0, "--at"));
            }
        }
        // 10h00m00s +20d00m00s (also with ° ' "): the same as 10:00:00 +20:00:00
        String units = at.strip();
        if (units.matches("(?i)[0-9.]+h\\s*[0-9.]+m\\s*[0-9.]+s?\\s*,?\\s*[-+]?[0-9.]+[d°]\\s*[0-9.]+['m]\\s*[0-9.]+(\"|''|s)?")) {
            String colons = units.replaceAll("(?i)([0-9.]+)h\\s*([0-9.]+)m\\s*([0-9.]+)s?\\s*,?\\s*", "$1:$2:$3 ")
                    .replaceAll("([0-9.]+)[d°]\\s*([0-9.]+)['m]\\s*([0-9.]+)(\"|''|s)?$", "$1:$2:$3");
            return new QueryRequest(req.catalogue(), colons, req.starName(), r, req.offline(), req.cacheDir(),
                    req.json(), req.dataRelease(), req.modelMagnitudes(), req.instrument(), req.filterSet(),
                    req.date(), req.parameters());
        }
        return req;
    }

    static QueryOptions options(QueryRequest req) throws BadInputException {
        LocalDate date = null;
        if (req.date() != null) {
            try {
                date = LocalDate.parse(req.date());
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadInputException("date '" + req.date() + "' is not YYYY-MM-DD",
                        Location.key(null, 0, "--date"));
            }
        }
        if (req.dataRelease() < 0) {
            throw new BadInputException("data release must be positive", Location.key(null, 0, "--release"));
        }
        return new QueryOptions(req.dataRelease(), req.modelMagnitudes() ? MagnitudeKind.MODEL : MagnitudeKind.PSF,
                req.instrument(), req.filterSet(), date, req.parameters());
    }

    /** Human-readable answer. */
    public static String text(CatalogueResult r) {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("catalogue: ").append(r.catalogue())
                .append(r.fromCache() ? " (from cache, retrieved " : " (retrieved ").append(r.retrievedUtc())
                .append(')').append(nl);
        sb.append("system:    ").append(r.system()).append(nl);
        sb.append("query:     ").append(r.queryText()).append(nl);
        sb.append(String.format(Locale.ROOT, "  %-22s %8s", "id", "sep\""));
        for (String b : r.bands()) {
            sb.append(String.format(Locale.ROOT, " %15s", b));
        }
        sb.append("  flags").append(nl);
        for (int k = 0; k < r.stars().size(); k++) {
            CatalogueStar s = r.stars().get(k);
            sb.append(k == 0 ? "* " : "  ").append(String.format(Locale.ROOT, "%-22s %8.3f", s.id(),
                    s.separationArcsec()));
            for (int b = 0; b < r.bands().size(); b++) {
                double m = s.mag(b);
                double e = s.magErr(b);
                String v = Double.isNaN(m) ? "-" : Double.isNaN(e) ? String.format(Locale.ROOT, "%.3f", m)
                        : String.format(Locale.ROOT, "%.3f+-%.3f", m, e);
                sb.append(String.format(Locale.ROOT, " %15s", v));
            }
            sb.append("  ").append(s.flags().isEmpty() ? "-" : String.join(",", s.flags())).append(nl);
        }
        if (r.stars().size() > 1) {
            sb.append("* = nearest, used; ").append(r.stars().size() - 1).append(" other match(es) recorded")
                    .append(nl);
        }
        return sb.toString();
    }
}
