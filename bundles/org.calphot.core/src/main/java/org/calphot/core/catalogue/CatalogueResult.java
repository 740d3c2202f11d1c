// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalogue's answer to one query, with what is needed for provenance: the catalogue, the exact
 * query text it ran, the photometric system of the magnitudes and when it was retrieved.
 *
 * @param catalogue    catalogue name (e.g. "sdss")
 * @param queryText    exact query run (for SDSS the full request URL with its SQL)
 * @param cone         the cone asked for; null for look-ups by name
 * @param system       photometric system of {@code mag}, e.g. "SDSS ugriz PSF (asinh, AB-like) DR17"
 * @param bands        band names, aligned with each star's magnitude arrays
 * @param stars        matches, nearest first. Catalogues throw {@link CatalogueException.Kind#NO_STAR_FOUND}
 *                     rather than return an empty list; only the cache stores an empty answer
 * @param retrievedUtc ISO-8601 instant the catalogue answered (kept through the cache)
 * @param fromCache    true when the answer came from the on-disk cache
 */
public record CatalogueResult(String catalogue, String queryText, ConeQuery cone, String system, List<String> bands,
        List<CatalogueStar> stars, String retrievedUtc, boolean fromCache) {

    public CatalogueResult {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(queryText, "queryText");
        bands = List.copyOf(bands);
        List<CatalogueStar> sorted = new ArrayList<>(stars);
        sorted.sort(Comparator.comparingDouble(CatalogueStar::separationArcsec));
        stars = List.copyOf(sorted);
        for (CatalogueStar s : stars) {
            if (s.mag().length != bands.size()) {
                throw new IllegalArgumentException("star " + s.id() + " has " + s.mag().length + " magnitudes for "
                        + bands.size() + " bands");
            }
        }
    }

    /** The nearest match; the one calphot uses. The others are kept in {@link #others()} for the record. */
    public CatalogueStar nearest() throws CatalogueException {
        if (stars.isEmpty()) {
            throw new CatalogueException(CatalogueException.Kind.NO_STAR_FOUND,
                    catalogue + ": no star found for " + queryText, queryText);
        }
        return stars.get(0);
    }

    public List<CatalogueStar> others() {
        return stars.isEmpty() ? List.of() : stars.subList(1, stars.size());
    }

    /** Index of a band (exact name), or -1. */
    public int band(String name) {
        return bands.indexOf(name);
    }

    public CatalogueResult withFromCache(boolean cached) {
        return new CatalogueResult(catalogue, queryText, cone, system, bands, stars, retrievedUtc, cached);
    }

    /** A JSON-ready description (for provenance and {@code --json} output). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("catalogue", catalogue);
        m.put("query", queryText);
        if (cone != null) {
            m.put("ra_deg", cone.raDeg());
            m.put("dec_deg", cone.decDeg());
            m.put("radius_arcsec", cone.radiusArcsec());
        }
        m.put("system", system);
        m.put("bands", bands);
        m.put("retrieved_utc", retrievedUtc);
        m.put("from_cache", fromCache);
        List<Object> list = new ArrayList<>();
        for (int k = 0; k < stars.size(); k++) {
            CatalogueStar s = stars.get(k);
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("id", s.id());
            sm.put("chosen", k == 0);
            sm.put("ra_deg", s.raDeg());
            sm.put("dec_deg", s.decDeg());
            sm.put("separation_arcsec", s.separationArcsec());
            Map<String, Object> mags = new LinkedHashMap<>();
            Map<String, Object> errs = new LinkedHashMap<>();
            for (int b = 0; b < bands.size(); b++) {
                mags.put(bands.get(b), s.mag(b));
                errs.put(bands.get(b), s.magErr(b));
            }
            sm.put("mag", mags);
            sm.put("mag_err", errs);
            sm.put("flags", s.flags());
            sm.put("extra", s.extra());
            list.add(sm);
        }
        m.put("stars", list);
        return m;
    }
}
