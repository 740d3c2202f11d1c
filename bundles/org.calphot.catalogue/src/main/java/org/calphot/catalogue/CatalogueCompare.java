// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.io.JsonWriter;

/**
 * The logic of {@code calphot catalogue query --catalogue auto} and {@code calphot catalogue compare}:
 * the automatic choice for one position, and one star's magnitudes from every catalogue whose footprint
 * holds it, with the differences in each SDSS band against the first catalogue that answered (a user's
 * sanity check of transformations and zero points).
 */
public final class CatalogueCompare {

    static final List<String> SDSS = List.of("u", "g", "r", "i", "z");

    private CatalogueCompare() {
    }

    /** "RA DEC" or "RA,DEC" (one comma between the two coordinates) to a cone. */
    public static ConeQuery cone(String at, double radiusArcsec) throws BadInputException {
        String t = at == null ? null : at.strip();
        if (t != null && t.indexOf(',') > 0 && t.indexOf(',') == t.lastIndexOf(',')) {
            t = t.replace(',', ' ');
        }
        return ConeQuery.parse(t, radiusArcsec, Location.key(null, 0, "--at"));
    }

    /** {@code query --catalogue auto --at POS [--bands u,g,r]}: the choice with every candidate's reason, then the answer. */
    public static String queryAuto(CatalogueRegistry registry, String at, double radiusArcsec, List<String> bands,
            boolean offline, String cacheDir, boolean json, Map<String, String> env, String userHome)
            throws CalphotException {
        if (at == null) {
            throw new BadInputException("--catalogue auto needs --at \"RA DEC\"", Location.key(null, 0, "--at"));
        }
        List<String> need = checkBands(bands);
        ConeQuery cone = cone(at, radiusArcsec);
        CatalogueCache cache = new CatalogueCache(CatalogueCache.resolveDirectory(cacheDir, env, userHome));
        AutoCatalogue.Choice choice = AutoCatalogue.choose(registry, "--at " + at, List.of(cone), need,
                QueryOptions.DEFAULTS, c -> new CachingCatalogue(c, cache, offline));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(choice.toMap());
            m.put("reply", choice.results().isEmpty() ? null : choice.results().get(0).toMap());
            return JsonWriter.pretty(m) + System.lineSeparator();
        }
        StringBuilder sb = new StringBuilder(choice.describe()).append(System.lineSeparator());
        if (choice.catalogue() == null) {
            throw new CatalogueException(CatalogueException.Kind.NO_STAR_FOUND, AutoCatalogue.noneFits(choice), at);
        }
        sb.append(CatalogueCommands.text(choice.results().get(0)));
        return sb.toString();
    }

    private static List<String> checkBands(List<String> bands) throws BadInputException {
        List<String> need = new ArrayList<>();
        for (String b : bands == null ? List.<String>of() : bands) {
            for (String s : b.split("[, ]+")) {
                if (s.isBlank()) {
                    continue;
                }
                List<String> m = AutoCatalogue.sdssBandsFor(s);
                if (m.isEmpty()) {
                    throw new BadInputException("band '" + s + "' is not an SDSS band (u g r i z, us..zs or kg5)",
                            Location.key(null, 0, "--bands"));
                }
                need.addAll(m);
            }
        }
        return AutoCatalogue.sdssBandsFor(need);
    }

    /** One catalogue's answer (or why there is none) for one star. */
    record Row(String catalogue, CatalogueResult result, String problem) {
    }

    /**
     * {@code compare --at POS [--at POS ...] [--catalogues a,b]}: per star, every catalogue (the named ones,
     * else the {@link AutoCatalogue#ORDER} ones installed whose footprint holds the star) and the SDSS-band
     * differences against the first that answered.
     */
    public static String compare(CatalogueRegistry registry, List<String> at, double radiusArcsec,
            List<String> catalogues, boolean offline, String cacheDir, boolean json, Map<String, String> env,
            String userHome) throws CalphotException {
        if (at == null || at.isEmpty()) {
            throw new BadInputException("give at least one --at \"RA DEC\"", Location.key(null, 0, "--at"));
        }
        List<ConeQuery> cones = new ArrayList<>();
        for (String a : at) {
            cones.add(cone(a, radiusArcsec));
        }
        List<Catalogue> cats = new ArrayList<>();
        boolean named = catalogues != null && !catalogues.isEmpty();
        for (String n : named ? catalogues : AutoCatalogue.ORDER) {
            if (named) {
                cats.add(registry.get(n));
            } else {
                registry.find(n).ifPresent(cats::add);
            }
        }
        CatalogueCache cache = new CatalogueCache(CatalogueCache.resolveDirectory(cacheDir, env, userHome));
        List<Object> starsJson = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        for (int k = 0; k < cones.size(); k++) {
            ConeQuery cone = cones.get(k);
            List<Row> rows = new ArrayList<>();
            for (Catalogue c : cats) {
                if (!named && (c.footprint() == null || !c.footprint().contains(cone.raDeg(), cone.decDeg()))) {
                    rows.add(new Row(c.name(), null, "outside its footprint ("
                            + (c.footprint() == null ? "none declared" : c.footprint()) + ")"));
                    continue;
                }
                try {
                    rows.add(new Row(c.name(), new CachingCatalogue(c, cache, offline).query(cone,
                            QueryOptions.DEFAULTS), null));
                } catch (CatalogueException e) {
                    if (e.kind() != CatalogueException.Kind.NO_STAR_FOUND
                            && e.kind() != CatalogueException.Kind.CACHE_MISS_OFFLINE) {
                        throw e;
                    }
                    rows.add(new Row(c.name(), null, e.getMessage()));
                }
            }
            Row ref = null;
            for (Row r : rows) {
                if (r.result() != null && hasSdss(r.result())) {
                    ref = r;
                    break;
                }
            }
            Map<String, Object> sj = new LinkedHashMap<>();
            sj.put("at", at.get(k));
            sj.put("ra_deg", cone.raDeg());
            sj.put("dec_deg", cone.decDeg());
            sj.put("reference", ref == null ? null : ref.catalogue());
            List<Object> rj = new ArrayList<>();
            sb.append(String.format(Locale.ROOT, "star %d: %s (%s)%n", k + 1, at.get(k), cone.describe()));
            sb.append(String.format(Locale.ROOT, "  %-10s %-22s %6s", "catalogue", "id", "sep\""));
            for (String b : SDSS) {
                sb.append(String.format(Locale.ROOT, " %15s", b));
            }
            sb.append("  other bands").append(nl);
            for (Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("catalogue", r.catalogue());
                if (r.result() == null) {
                    m.put("problem", r.problem());
                    sb.append(String.format(Locale.ROOT, "  %-10s %s%n", r.catalogue(), r.problem()));
                    rj.add(m);
                    continue;
                }
                CatalogueResult res = r.result();
                CatalogueStar s = res.nearest();
                m.put("id", s.id());
                m.put("separation_arcsec", s.separationArcsec());
                m.put("system", res.system());
                m.put("transform", s.extra().get("transform"));
                sb.append(String.format(Locale.ROOT, "  %-10s %-22s %6.2f", r.catalogue(), s.id(),
                        s.separationArcsec()));
                Map<String, Object> mags = new LinkedHashMap<>();
                Map<String, Object> diffs = new LinkedHashMap<>();
                for (String b : SDSS) {
                    double[] me = sdss(res, s, b);
                    mags.put(b, me == null ? null : List.of(me[0], me[1]));
                    sb.append(String.format(Locale.ROOT, " %15s", me == null ? "-"
                            : Double.isFinite(me[1]) ? String.format(Locale.ROOT, "%.3f+-%.3f", me[0], me[1])
                                    : String.format(Locale.ROOT, "%.3f", me[0])));
                    if (ref != null && r != ref) {
                        double[] rm = sdss(ref.result(), ref.result().nearest(), b);
                        if (me != null && rm != null) {
                            diffs.put(b, me[0] - rm[0]);
                        }
                    }
                }
                StringBuilder other = new StringBuilder();
                for (int i = 0; i < res.bands().size(); i++) {
                    String b = res.bands().get(i);
                    if (!SDSS.contains(b) && Double.isFinite(s.mag(i))) {
                        other.append(other.length() == 0 ? "" : " ")
                                .append(String.format(Locale.ROOT, "%s=%.3f", b, s.mag(i)));
                    }
                }
                sb.append("  ").append(other.length() == 0 ? "-" : other).append(nl);
                m.put("mag", mags);
                if (!s.flags().isEmpty()) {
                    m.put("flags", s.flags());
                }
                if (ref != null && r != ref && !diffs.isEmpty()) {
                    m.put("minus_" + ref.catalogue(), diffs);
                    sb.append(String.format(Locale.ROOT, "  %-10s %-22s %6s", "", r.catalogue() + " - "
                            + ref.catalogue(), ""));
                    for (String b : SDSS) {
                        Object d = diffs.get(b);
                        sb.append(String.format(Locale.ROOT, " %15s", d == null ? "-"
                                : String.format(Locale.ROOT, "%+.3f", (Double) d)));
                    }
                    sb.append(nl);
                }
                rj.add(m);
            }
            sj.put("catalogues", rj);
            starsJson.add(sj);
        }
        if (json) {
            return JsonWriter.pretty(starsJson) + nl;
        }
        sb.append("differences: catalogue minus the first catalogue with SDSS magnitudes; '-' = not given").append(nl);
        return sb.toString();
    }

    private static boolean hasSdss(CatalogueResult r) throws CatalogueException {
        CatalogueStar s = r.nearest();
        for (String b : SDSS) {
            int i = r.band(b);
            if (i >= 0 && Double.isFinite(s.mag(i))) {
                return true;
            }
        }
        return false;
    }

    /** Magnitude and error of an SDSS band, or null when the catalogue does not give it. */
    private static double[] sdss(CatalogueResult r, CatalogueStar s, String b) {
        int i = r.band(b);
        if (i < 0 || !Double.isFinite(s.mag(i))) {
            return null;
        }
        return new double[] {s.mag(i), s.magErr(i)};
    }
}
