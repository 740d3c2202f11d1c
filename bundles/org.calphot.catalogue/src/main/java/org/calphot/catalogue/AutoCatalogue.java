// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.calphot.core.CalphotException;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.Footprint;
import org.calphot.core.catalogue.QueryOptions;

/**
 * {@code catalogue: auto}: for one field (the comparison stars of one log), the first catalogue in
 * {@link #ORDER} that is installed, whose footprint holds the field, that gives every SDSS band the field's
 * CCDs need, and that answers every comparison star with a usable magnitude in each of those bands. One
 * catalogue serves the whole field, so the comparisons of a CCD are never on mixed systems. Every
 * candidate's verdict is kept for Calibration.txt and provenance.
 * <p>
 * The order puts measured SDSS first (no transformation), then Pan-STARRS1 (measured, deeper, a published
 * transformation with 4 to 10 mmag scatter), then Gaia's synthetic SDSS photometry (whole sky and the only
 * one with u away from SDSS, but only G &lt; 17.65). SkyMapper is listed but gives no SDSS band, so it is
 * passed over with that reason. A catalogue that cannot be reached (timeout, HTTP error) stops the choice
 * with its error rather than silently switching: the same config must give the same numbers.
 */
public final class AutoCatalogue {

    /** The name that asks for the automatic choice. */
    public static final String AUTO = "auto";

    /** The documented order. */
    public static final List<String> ORDER = List.of("sdss", "panstarrs", "skymapper", "gaia");

    private AutoCatalogue() {
    }

    /** One candidate's verdict. */
    public record Verdict(String catalogue, boolean chosen, String reason) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("catalogue", catalogue);
            m.put("chosen", chosen);
            m.put("reason", reason);
            return m;
        }
    }

    /**
     * The outcome for one field.
     *
     * @param catalogue the chosen catalogue (as given by the wrapper, e.g. cached), or null when none fits
     * @param results   the chosen catalogue's answer per star, in the order asked
     * @param verdicts  every candidate in order, with why it was or was not chosen
     */
    public record Choice(String field, double raDeg, double decDeg, List<String> sdssBands, Catalogue catalogue,
            List<CatalogueResult> results, List<Verdict> verdicts) {

        public Optional<Catalogue> chosen() {
            return Optional.ofNullable(catalogue);
        }

        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "catalogue auto for %s (RA %.5f, Dec %+.5f; SDSS bands %s): ",
                    field, raDeg, decDeg, sdssBands.isEmpty() ? "-" : String.join(" ", sdssBands)));
            sb.append(catalogue == null ? "none fits" : catalogue.name());
            for (Verdict v : verdicts) {
                sb.append(System.lineSeparator()).append("    ").append(v.chosen() ? "* " : "- ")
                        .append(v.catalogue()).append(": ").append(v.reason());
            }
            return sb.toString();
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", field);
            m.put("ra_deg", raDeg);
            m.put("dec_deg", decDeg);
            m.put("sdss_bands_needed", sdssBands);
            m.put("order", ORDER);
            m.put("chosen", catalogue == null ? null : catalogue.name());
            List<Object> vs = new ArrayList<>();
            for (Verdict v : verdicts) {
                vs.add(v.toMap());
            }
            m.put("candidates", vs);
            return m;
        }
    }

    /**
     * The SDSS bands a *CAM band is calibrated from: u g r i z and their super-SDSS twins (us ... zs) map
     * to themselves, KG5 to g and r (cal_phot's formula), anything else to nothing (no constraint).
     */
    public static List<String> sdssBandsFor(String camBand) {
        if (camBand == null) {
            return List.of();
        }
        String b = camBand.strip().toLowerCase(Locale.ROOT);
        if (b.equals("kg5")) {
            return List.of("g", "r");
        }
        if (b.length() == 2 && b.endsWith("s")) {
            b = b.substring(0, 1);
        }
        b = b.replace("'", "");
        return "ugriz".contains(b) && b.length() == 1 ? List.of(b) : List.of();
    }

    /** The union of {@link #sdssBandsFor} over a field's CCD bands, in u g r i z order. */
    public static List<String> sdssBandsFor(List<String> camBands) {
        Set<String> need = new LinkedHashSet<>();
        for (String b : camBands) {
            need.addAll(sdssBandsFor(b));
        }
        List<String> out = new ArrayList<>();
        for (String b : List.of("u", "g", "r", "i", "z")) {
            if (need.contains(b)) {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * Chooses the catalogue of one field.
     *
     * @param field  a name for messages (the .coords file)
     * @param stars  the comparison stars' cones; the field's position is the first star's
     * @param bands  SDSS bands needed (see {@link #sdssBandsFor(List)})
     * @param wrap   applied to each candidate before querying (the cache: {@link CachingCatalogue})
     * @throws CatalogueException when a candidate cannot be reached or answers nonsense (never skipped silently)
     */
    public static Choice choose(CatalogueRegistry registry, String field, List<ConeQuery> stars, List<String> bands,
            QueryOptions options, UnaryOperator<Catalogue> wrap) throws CalphotException {
        if (stars.isEmpty()) {
            throw new IllegalArgumentException("no stars");
        }
        double ra = stars.get(0).raDeg();
        double dec = stars.get(0).decDeg();
        List<Verdict> verdicts = new ArrayList<>();
        Choice fallback = null;
        int fallbackVerdict = -1;
        int fallbackUsable = 0;
        for (String name : ORDER) {
            Optional<Catalogue> found = registry.find(name);
            if (found.isEmpty()) {
                verdicts.add(new Verdict(name, false, "not installed"));
                continue;
            }
            Catalogue raw = found.get();
            Footprint fp = raw.footprint();
            if (fp != null && !fp.contains(ra, dec)) {
                verdicts.add(new Verdict(name, false, String.format(Locale.ROOT,
                        "field at Dec %+.2f is outside its footprint (%s)", dec, fp)));
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String b : bands) {
                if (!raw.sdssBands().contains(b)) {
                    missing.add(b);
                }
            }
            if (raw.sdssBands().isEmpty() && missing.isEmpty()) {
                // no band asked for (catalogue query --catalogue auto without --bands): still never a catalogue
                // whose magnitudes are all in its own system
                verdicts.add(new Verdict(name, false, "gives no SDSS band at all"));
                continue;
            }
            if (!missing.isEmpty()) {
                verdicts.add(new Verdict(name, false, "gives no SDSS " + String.join(" ", missing)
                        + (raw.sdssBands().isEmpty() ? " (it gives no SDSS band at all)"
                                : " (it gives " + String.join(" ", raw.sdssBands()) + ")")));
                continue;
            }
            Catalogue c = wrap.apply(raw);
            List<CatalogueResult> results = new ArrayList<>();
            String problem = null;
            int usable = 0;
            for (int k = 0; k < stars.size(); k++) {
                ConeQuery cone = stars.get(k);
                CatalogueResult r;
                try {
                    r = c.query(cone, options);
                } catch (CatalogueException e) {
                    if (e.kind() == CatalogueException.Kind.NO_STAR_FOUND) {
                        problem = "no match for star " + (k + 1) + " (" + cone.describe() + ")";
                        break; // an unmatched star fails the run with this catalogue: never a fallback
                    }
                    throw e;
                }
                CatalogueStar s = r.nearest();
                String bad = null;
                for (String b : bands) {
                    int i = r.band(b);
                    if (i < 0 || !s.usable(i, b)) {
                        bad = "star " + (k + 1) + " (" + s.id() + ") has no usable " + b
                                + (s.flags().isEmpty() ? "" : " (flags " + String.join(",", s.flags()) + ")");
                        break;
                    }
                }
                if (bad == null) {
                    usable++;
                } else if (problem == null) {
                    problem = bad;
                }
                results.add(r);
            }
            if (problem != null) {
                verdicts.add(new Verdict(name, false, problem));
                if (fallback == null && results.size() == stars.size() && usable > 0) {
                    // every star matched, some unusable in a band (saturated, flagged): kept in case none does better
                    fallback = new Choice(field, ra, dec, bands, c, results, List.of());
                    fallbackVerdict = verdicts.size() - 1;
                    fallbackUsable = usable;
                }
                continue;
            }
            verdicts.add(new Verdict(name, true, (fp == null ? "footprint not declared" : "footprint "
                    + fp.description()) + "; gives SDSS "
                    + String.join(" ", bands.isEmpty() ? raw.sdssBands() : bands) + "; all " + stars.size()
                    + " star(s) matched with usable magnitudes"));
            for (String rest : ORDER.subList(ORDER.indexOf(name) + 1, ORDER.size())) {
                verdicts.add(new Verdict(rest, false, "not considered (" + name + " comes first)"));
            }
            return new Choice(field, ra, dec, bands, c, results, verdicts);
        }
        if (fallback != null) {
            // as a named catalogue would: the unusable comparisons are left out with a warning
            Verdict v = verdicts.get(fallbackVerdict);
            verdicts.set(fallbackVerdict, new Verdict(v.catalogue(), true, v.reason() + "; chosen anyway: no"
                    + " catalogue answers every star, this one gives usable magnitudes for " + fallbackUsable + " of "
                    + stars.size() + " (the others are left out)"));
            return new Choice(field, ra, dec, bands, fallback.catalogue(), fallback.results(), verdicts);
        }
        return new Choice(field, ra, dec, bands, null, List.of(), verdicts);
    }

    /** One-line error for a field no catalogue fits, with each candidate's reason and what to do. */
    public static String noneFits(Choice c) {
        StringBuilder sb = new StringBuilder("catalogue: auto found no catalogue for ").append(c.field())
                .append(String.format(Locale.ROOT, " (Dec %+.2f, SDSS bands %s): ", c.decDeg(),
                        String.join(" ", c.sdssBands())));
        List<String> parts = new ArrayList<>();
        for (Verdict v : c.verdicts()) {
            parts.add(v.catalogue() + " " + v.reason());
        }
        sb.append(String.join("; ", parts));
        sb.append(". Install a catalogue feature (calphot plugins install SITE org.calphot.catalogue.gaia.feature)"
                + " or give the magnitudes in the config");
        return sb.toString();
    }
}
