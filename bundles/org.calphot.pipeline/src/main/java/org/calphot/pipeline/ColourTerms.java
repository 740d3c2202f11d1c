// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.calphot.config.CalphotJob;
import org.calphot.config.Payload;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.filters.Band;
import org.calphot.core.filters.ColourTermCoefficient;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.photometry.MagnitudeSource;

/**
 * Colour terms of the catalogue mode: which installed filter system describes a CCD (instrument, band, date) and
 * how it takes a comparison star's catalogue SDSS magnitudes into the instrument's band. The relation is the
 * filter system's own ({@link FilterSystem#magnitude}): {@code m_band = m_sdss - offset - c (A - B)_sdss}, i.e.
 * the inverse of {@code m_sdss = m_band + offset + c (A - B)} (docs/filter-systems.md).
 * <p>
 * Choice, unless {@code filter system} names one: the systems of the payload's instrument that have a band of
 * the CCD's name ({@code gs}, or {@code g} for ULTRACAM's regular filters); else the band on this CCD calibrated to
 * the CCD's SDSS band (HiPERCAM's {@code g} is its {@code gs}: it has no other filters). Nothing matching, several
 * systems matching, or a band without a colour term: the catalogue magnitude is used as it is (calphot before
 * filter systems).
 */
final class ColourTerms {

    private ColourTerms() {
    }

    /**
     * The filter system chosen for one CCD. {@code term} null: no colour term, {@code reason} says why.
     */
    record Choice(FilterSystem system, Band band, ColourTermCoefficient term, LocalDate date, String reason) {

        boolean applies() {
            return term != null;
        }

        /** One line for Calibration.txt. */
        String describe() {
            if (term == null) {
                return "no colour term: " + reason;
            }
            return String.format(Locale.ROOT, "filter system %s, band %s: %s = %s %s %.4f %s %.4f (%s - %s)%s",
                    system.name(), band.name(), band.name(), term.sdssBand(), term.offset() < 0 ? "+" : "-",
                    Math.abs(term.offset()), term.coefficient() < 0 ? "+" : "-", Math.abs(term.coefficient()),
                    term.colourA(), term.colourB(), validity(term));
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("applied", applies());
            m.put("system", system == null ? null : system.name());
            m.put("band", band == null ? null : band.name());
            m.put("date", date == null ? null : date.toString());
            if (term != null) {
                m.put("sdss_band", term.sdssBand());
                m.put("colour", term.colourA() + "-" + term.colourB());
                m.put("coefficient", term.coefficient());
                m.put("offset", term.offset());
                m.put("rms", term.rms());
                m.put("colour_range", new double[] {term.colourMin(), term.colourMax()});
                m.put("valid_from", term.validFrom() == null ? null : term.validFrom().toString());
                m.put("valid_to", term.validTo() == null ? null : term.validTo().toString());
                m.put("source", term.source());
            } else {
                m.put("reason", reason);
            }
            return m;
        }
    }

    private static String validity(ColourTermCoefficient t) {
        if (t.validFrom() == null && t.validTo() == null) {
            return "";
        }
        return " [valid " + (t.validFrom() == null ? "..." : t.validFrom()) + " to "
                + (t.validTo() == null ? "..." : t.validTo()) + "]";
    }

    /** The instrument name filter systems use ({@code hipercam}, {@code ultracam}, {@code ultraspec}). */
    static String instrument(Payload p) {
        return p.instrument() == null ? "" : p.instrument().displayName().toLowerCase(Locale.ROOT);
    }

    /**
     * Before any work: a named {@code filter system} must be installed and belong to the payload's instrument.
     */
    static void checkNamedSystems(CalphotJob job, List<FilterSystem> systems) throws BadInputException {
        if (!job.colourTerms()) {
            return;
        }
        for (Payload p : job.payloads()) {
            if (p.filterSystem() == null || p.noFilterSystem() || !p.extractData()) {
                continue;
            }
            FilterSystem s = named(systems, p.filterSystem());
            Location at = p.filterSystemAt() == null ? p.where() : p.filterSystemAt();
            if (s != null && p.magnitudeSource() != MagnitudeSource.CATALOGUE) {
                continue; // known, only unused without catalogue magnitudes
            }
            if (s == null) {
                // an unknown name is a mistake in every mode (it was silently ignored without SDSS: true)
                throw new BadInputException("no filter system '" + p.filterSystem() + "' is installed ("
                        + (systems.isEmpty() ? "none is; 'calphot plugins install SITE org.calphot.filters.feature'"
                                + " adds the *CAM systems"
                                : "installed: " + String.join(", ", names(systems))) + ")", at);
            }
            if (!s.instrument().equalsIgnoreCase(instrument(p))) {
                throw new BadInputException("filter system '" + s.name() + "' is for " + s.instrument()
                        + ", but payload '" + p.name() + "' is " + instrument(p), at);
            }
        }
    }

    static List<String> names(List<FilterSystem> systems) {
        return systems.stream().map(FilterSystem::name).sorted().toList();
    }

    private static FilterSystem named(List<FilterSystem> systems, String name) {
        for (FilterSystem s : systems) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The filter system and colour term of one CCD.
     *
     * @param band       the payload's band of the CCD ({@code bands} key or the instrument's default)
     * @param sdssBand   the band the catalogue is asked for (the .coords file's band of the CCD)
     * @param ccd        the log's CCD label
     * @param date       observation date (UTC date of the log's first time)
     */
    static Choice choose(CalphotJob job, Payload p, List<FilterSystem> systems, String band, String sdssBand,
            String ccd, LocalDate date, List<String> notes) throws CalphotException {
        if (!job.colourTerms()) {
            return new Choice(null, null, null, date, "colour terms: false in the config");
        }
        if (p.noFilterSystem()) {
            return new Choice(null, null, null, date, "filter system: none in the config");
        }
        String inst = instrument(p);
        String sdss = sdssBand.strip().toLowerCase(Locale.ROOT);
        FilterSystem system;
        Band b;
        if (p.filterSystem() != null) {
            system = named(systems, p.filterSystem());
            if (system == null) {
                throw new BadInputException("no filter system '" + p.filterSystem() + "' is installed",
                        p.filterSystemAt());
            }
            Optional<Band> ob = exact(system, band).or(() -> bySdssBand(system, sdss, ccd));
            if (ob.isEmpty()) {
                throw new BadInputException("filter system '" + system.name() + "' has no band '" + band
                        + "' and no band on CCD " + ccd + " calibrated to SDSS " + sdss + " (its bands: "
                        + system.bands().stream().map(Band::name).toList() + ")", p.filterSystemAt());
            }
            b = ob.get();
        } else {
            List<FilterSystem> mine = systems.stream().filter(s -> s.instrument().equalsIgnoreCase(inst))
                    .sorted(Comparator.comparing(FilterSystem::name)).toList();
            if (mine.isEmpty()) {
                return new Choice(null, null, null, date, systems.isEmpty() ? "no filter system is installed"
                        : "no installed filter system is for " + inst + " (installed: "
                                + String.join(", ", names(systems)) + ")");
            }
            List<FilterSystem> hits = new ArrayList<>();
            List<Band> bands = new ArrayList<>();
            for (FilterSystem s : mine) {
                exact(s, band).ifPresent(x -> {
                    hits.add(s);
                    bands.add(x);
                });
            }
            if (hits.isEmpty()) {
                for (FilterSystem s : mine) {
                    bySdssBand(s, sdss, ccd).ifPresent(x -> {
                        hits.add(s);
                        bands.add(x);
                    });
                }
            }
            if (hits.isEmpty()) {
                return new Choice(null, null, null, date, "no filter system of " + inst + " ("
                        + String.join(", ", names(mine)) + ") has band '" + band + "' or a band on CCD " + ccd
                        + " calibrated to SDSS " + sdss);
            }
            if (hits.size() > 1) {
                return new Choice(null, null, null, date, "band '" + band + "' is in several filter systems ("
                        + String.join(", ", names(hits)) + "); name one with 'filter system:'");
            }
            system = hits.get(0);
            b = bands.get(0);
        }
        if (!String.valueOf(b.ccd()).equals(ccd)) {
            notes.add("filter system " + system.name() + " has band " + b.name() + " on CCD " + b.ccd()
                    + ", the config puts it on CCD " + ccd + "; its colour term is used all the same");
        }
        Optional<ColourTermCoefficient> t = system.colourTerm(b.name(), date);
        if (t.isEmpty()) {
            boolean any = system.colourTerms().stream().anyMatch(c -> c.band().equals(b.name()));
            String why = any ? "band " + b.name() + " of " + system.name() + " has no colour term valid on " + date
                    : "band " + b.name() + " of " + system.name() + " has no colour term"
                            + (system.noColourTermReason().isEmpty() ? "" : " (" + system.noColourTermReason() + ")");
            return new Choice(system, b, null, date, why);
        }
        if (!t.get().sdssBand().equalsIgnoreCase(sdss)) {
            notes.add("the catalogue is asked for " + sdssBand + " on CCD " + ccd + " but " + system.name() + "'s "
                    + b.name() + " is calibrated to SDSS " + t.get().sdssBand() + "; no colour term");
            return new Choice(system, b, null, date, "band mismatch: catalogue " + sdssBand + ", " + system.name()
                    + " " + b.name() + " is calibrated to SDSS " + t.get().sdssBand());
        }
        return new Choice(system, b, t.get(), date, "");
    }

    private static Optional<Band> exact(FilterSystem s, String band) {
        return s.bands().stream().filter(x -> x.name().equalsIgnoreCase(band.strip())).findFirst();
    }

    // cal_phot's u g r i z for a super-SDSS instrument: the one band on this CCD calibrated to that SDSS band
    private static Optional<Band> bySdssBand(FilterSystem s, String sdss, String ccd) {
        List<Band> m = s.bands().stream()
                .filter(x -> x.sdssBand().equalsIgnoreCase(sdss) && String.valueOf(x.ccd()).equals(ccd)).toList();
        return m.size() == 1 ? Optional.of(m.get(0)) : Optional.empty();
    }

    /** A star's magnitude in the band: {@code mag}, {@code err}, and what was done for provenance. */
    record Applied(double mag, double err, Map<String, Object> record, String note) {
    }

    /**
     * Applies the chosen colour term to one star whose catalogue magnitude in the SDSS band is {@code mag}
     * (error {@code err}). Without the colour's magnitudes the star keeps its catalogue magnitude, with a note.
     */
    static Applied apply(Choice c, CatalogueResult r, CatalogueStar star, double mag, double err)
            throws CalphotException {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("applied", false);
        rec.put("system", c.system() == null ? null : c.system().name());
        rec.put("band", c.band() == null ? null : c.band().name());
        if (!c.applies() || !Double.isFinite(mag)) {
            rec.put("reason", !c.applies() ? c.reason() : "no catalogue magnitude");
            rec.put("mag_before", mag);
            rec.put("mag_after", mag);
            return new Applied(mag, err, rec, null);
        }
        ColourTermCoefficient t = c.term();
        String a = t.colourA();
        String bb = t.colourB();
        int ka = r.band(a);
        int kb = r.band(bb);
        if (ka < 0 || kb < 0 || !star.usable(ka, a) || !star.usable(kb, bb)) {
            String why = "no usable " + a + " and " + bb + " magnitudes for the " + a + "-" + bb + " colour";
            rec.put("reason", why);
            rec.put("mag_before", mag);
            rec.put("mag_after", mag);
            return new Applied(mag, err, rec, "star " + star.id() + ": " + why + "; its catalogue " + t.sdssBand()
                    + " magnitude is used without the colour term");
        }
        Map<String, Double> sdss = new LinkedHashMap<>();
        for (int k = 0; k < r.bands().size(); k++) {
            String name = r.bands().get(k);
            if (star.usable(k, name)) {
                sdss.put(name, star.mag(k));
            }
        }
        sdss.put(t.sdssBand(), mag); // the magnitude the run already chose
        double colour = star.mag(ka) - star.mag(kb);
        double after = c.system().magnitude(c.band().name(), sdss, c.date());
        // error: m_band = m_sdss - offset - c (A - B) with independent catalogue errors; plus the relation's rms
        Map<String, Double> partial = new LinkedHashMap<>();
        partial.put(t.sdssBand(), 1.0);
        partial.merge(a, -t.coefficient(), Double::sum);
        partial.merge(bb, t.coefficient(), Double::sum);
        double var = t.rms() * t.rms();
        for (Map.Entry<String, Double> e : partial.entrySet()) {
            int k = r.band(e.getKey());
            double s = e.getKey().equals(t.sdssBand()) ? err : (k < 0 ? Double.NaN : star.magErr(k));
            var += Double.isFinite(s) ? e.getValue() * e.getValue() * s * s : 0;
        }
        double afterErr = Math.sqrt(var);
        rec.put("applied", true);
        rec.put("coefficient", t.coefficient());
        rec.put("offset", t.offset());
        rec.put("colour", a + "-" + bb);
        rec.put("colour_value", colour);
        rec.put("colour_in_fitted_range", t.covers(colour));
        rec.put("mag_before", mag);
        rec.put("mag_after", after);
        rec.put("mag_err_before", err);
        rec.put("mag_err_after", afterErr);
        String note = t.covers(colour) ? null : String.format(Locale.ROOT, "star %s: %s-%s = %.3f is outside the"
                + " range %s's %s colour term was fitted over [%.2f, %.2f]; the term is extrapolated", star.id(), a,
                bb, colour, c.system().name(), c.band().name(), t.colourMin(), t.colourMax());
        return new Applied(after, afterErr, rec, note);
    }
}
