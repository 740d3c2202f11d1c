// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.catalogue.CachingCatalogue;
import org.calphot.catalogue.CatalogueCache;
import org.calphot.config.CalphotJob;
import org.calphot.config.LogSpec;
import org.calphot.config.Payload;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.PhotometricTransform;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.filters.UltracamFilterSet;
import org.calphot.core.log.CoordsFile;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.photometry.MagnitudeSource;
import org.calphot.io.CoordsReader;
import org.calphot.output.RunLog;

/**
 * The comparison magnitudes of one CCD of one log, from the payload's source: none (unit
 * comparison), numbers in the config, or a catalogue lookup of the stars in the log's .coords file.
 * Catalogue answers go through the on-disk cache, so a re-run is offline and identical. In the catalogue mode an
 * installed filter system that matches the CCD adds its colour term to each star ({@link ColourTerms}).
 */
final class MagnitudeResolver {

    private final CalphotJob job;
    private final CatalogueRegistry registry;
    private final RunOptions options;
    private final Warnings warnings;
    private final List<Object> queries = new ArrayList<>();
    /** the {@link RunOrder} of each query: provenance lists them in config order whatever the threads did */
    private final List<Integer> queryOrders = new ArrayList<>();
    private final Map<Path, CoordsFile> coordsCache = new HashMap<>();
    private final List<FilterSystem> filterSystems;
    private final Map<String, Map<String, Object>> colourTermChoices = new HashMap<>();
    private Catalogue catalogue;
    private FieldCatalogues fieldCatalogues;

    MagnitudeResolver(CalphotJob job, CatalogueRegistry registry, List<FilterSystem> filterSystems,
            RunOptions options, Warnings warnings) {
        this.job = job;
        this.registry = registry;
        this.filterSystems = filterSystems == null ? List.of() : List.copyOf(filterSystems);
        this.options = options;
        this.warnings = warnings;
    }

    /** The filter system and colour term chosen for a CCD of a log (catalogue mode), or null. */
    synchronized Map<String, Object> colourTermChoice(LogSpec spec, String ccd) {
        return colourTermChoices.get(spec.log() + " | " + ccd);
    }

    synchronized List<Object> queries() {
        return List.copyOf(queries);
    }

    /** With {@code catalogue: auto}, the choice made for each field, else empty. */
    synchronized List<Object> catalogueChoices() {
        return fieldCatalogues == null ? List.of() : fieldCatalogues.provenance();
    }

    /** The job's catalogue, or with {@code catalogue: auto} the one chosen for this field ({@link FieldCatalogues}). */
    private Catalogue catalogueFor(CoordsFile coords, Path coordsPath, RunLog log) throws CalphotException {
        if (!org.calphot.catalogue.AutoCatalogue.AUTO.equals(job.catalogue())) {
            return catalogue();
        }
        FieldCatalogues f;
        synchronized (this) {
            if (fieldCatalogues == null) {
                if (registry == null) {
                    throw new CalphotException("no catalogue service is installed");
                }
                Path dir = CatalogueCache.resolveDirectory(options.cacheDir() == null ? null
                        : options.cacheDir().toString(), System.getenv(), System.getProperty("user.home"));
                fieldCatalogues = new FieldCatalogues(registry, new CatalogueCache(dir), options.offline());
            }
            f = fieldCatalogues;
        }
        return f.forField(coords, coordsPath, log);
    }

    /**
     * @param date the observation date (UTC date of the log's first time): selects the colour terms valid then
     */
    ComparisonMagnitudes resolve(Payload p, LogSpec spec, int ccdIndex, String ccd, String band, List<String> comps,
            LocalDate date, RunLog log) throws CalphotException {
        MagnitudeSource src = p.magnitudeSource();
        if (src == MagnitudeSource.NONE) {
            log.say("  CCD %s: no flux calibration; 'unit' reference stars of %.2f mag (comparison sum 1 mJy)", ccd,
                    org.calphot.core.photometry.AbMagnitudes.fromMilliJansky(1.0 / comps.size()));
            return ComparisonMagnitudes.unitComparison(ccd, band, comps);
        }
        if (src == MagnitudeSource.CONFIG) {
            return fromConfig(spec, ccdIndex, ccd, band, comps, log);
        }
        return fromCatalogue(p, spec, ccdIndex, ccd, band, comps, date, log);
    }

    private ComparisonMagnitudes fromConfig(LogSpec spec, int ccdIndex, String ccd, String band, List<String> comps,
            RunLog log) throws CalphotException {
        List<String> keys = spec.bands();
        if (ccdIndex >= keys.size()) {
            throw new BadInputException("the config gives magnitudes for " + keys.size() + " band(s) but the log has"
                    + " CCD " + ccd + " (CCD order: the i-th band is CCD i)", spec.where());
        }
        double[] given = spec.bandMagnitudes().get(keys.get(ccdIndex));
        if (given.length > comps.size()) {
            throw new BadInputException(given.length + " magnitudes for band '" + keys.get(ccdIndex) + "' but CCD " + ccd
                    + " has only " + comps.size() + " comparison aperture(s) " + comps, spec.where());
        }
        double[] mag = new double[comps.size()];
        java.util.Arrays.fill(mag, Double.NaN);
        System.arraycopy(given, 0, mag, 0, given.length);
        double[] givenErr = spec.bandMagnitudeErrors().get(keys.get(ccdIndex));
        double[] err = null;
        if (givenErr != null) {
            err = new double[comps.size()];
            java.util.Arrays.fill(err, Double.NaN);
            System.arraycopy(givenErr, 0, err, 0, Math.min(givenErr.length, err.length));
        }
        if (given.length < comps.size()) {
            warnings.warn(spec.where(), "CCD " + ccd + ": " + comps.size() + " comparison apertures but "
                    + given.length + " magnitude(s); apertures " + comps.subList(given.length, comps.size())
                    + " are left out");
        }
        log.say("  CCD %s: comparison magnitudes from the config (%s): %s%s", ccd, keys.get(ccdIndex),
                java.util.Arrays.toString(mag), err == null ? "" : " +- " + java.util.Arrays.toString(err));
        return new ComparisonMagnitudes(ccd, band, comps, mag, err, 0, 0, MagnitudeSource.CONFIG,
                "config " + spec.where());
    }

    private synchronized Catalogue catalogue() throws CalphotException {
        if (catalogue == null) {
            if (registry == null) {
                throw new CalphotException("no catalogue service is installed");
            }
            Catalogue c = registry.get(job.catalogue());
            Map<String, String> env = System.getenv();
            Path dir = CatalogueCache.resolveDirectory(options.cacheDir() == null ? null : options.cacheDir().toString(),
                    env, System.getProperty("user.home"));
            catalogue = new CachingCatalogue(c, new CatalogueCache(dir), options.offline());
        }
        return catalogue;
    }

    private ComparisonMagnitudes fromCatalogue(Payload p, LogSpec spec, int ccdIndex, String ccd, String band,
            List<String> comps, LocalDate date, RunLog log) throws CalphotException {
        CoordsFile coords;
        synchronized (coordsCache) {
            coords = coordsCache.get(spec.coords());
            if (coords == null) {
                coords = new CoordsReader().read(spec.coords(), warnings);
                coordsCache.put(spec.coords(), coords);
            }
        }
        List<CoordsFile.Star> stars = coords.stars(ccdIndex);
        String lookupBand = ccdIndex < coords.bands().size() ? coords.bands().get(ccdIndex) : band;
        if (stars.isEmpty()) {
            throw new BadInputException("no comparison stars for CCD " + ccd + " (block " + (ccdIndex + 1) + ")",
                    Location.of(spec.coords().toString()));
        }
        if (stars.size() > comps.size()) {
            throw new BadInputException(stars.size() + " stars for CCD " + ccd + " but the log has only "
                    + comps.size() + " comparison aperture(s)", Location.of(spec.coords().toString(),
                            stars.get(comps.size()).line()));
        }
        Catalogue cat = catalogueFor(coords, spec.coords(), log);
        List<String> notes = new ArrayList<>();
        ColourTerms.Choice choice = ColourTerms.choose(job, p, filterSystems, band, lookupBand, ccd, date, notes);
        for (String n : notes) {
            warnings.warn(Location.of(spec.coords().toString()), "CCD " + ccd + ": " + n);
        }
        Map<String, Object> choiceRecord = choice.toMap();
        if (choice.system() != null && p.filterSystem() == null
                && "ultracam".equalsIgnoreCase(choice.system().instrument())) {
            // one rule for regular vs super filters (comparison-mags uses it too); recorded, warned when a guess
            UltracamFilterSet rule = UltracamFilterSet.forBand(band, date);
            choiceRecord.put("ultracam_filters", rule.toMap());
            if (!rule.certain()) {
                warnings.warn(Location.of(spec.log().toString()), "CCD " + ccd + ": " + rule.reason());
            }
            log.say("  CCD %s: %s", ccd, rule.reason());
        }
        synchronized (this) {
            colourTermChoices.put(spec.log() + " | " + ccd, choiceRecord);
        }
        log.say("  CCD %s (%s): %s", ccd, band, choice.describe());
        double[] mag = new double[comps.size()];
        double[] err = new double[comps.size()];
        java.util.Arrays.fill(mag, Double.NaN);
        java.util.Arrays.fill(err, Double.NaN);
        StringBuilder origin = new StringBuilder(cat.name());
        for (int i = 0; i < stars.size(); i++) {
            CoordsFile.Star s = stars.get(i);
            Location at = Location.of(spec.coords().toString(), s.line());
            ConeQuery cone = ConeQuery.parse(s.ra() + " " + s.dec(), ConeQuery.DEFAULT_RADIUS_ARCSEC, at);
            CatalogueResult r = cat.query(cone, QueryOptions.DEFAULTS);
            CatalogueStar star = transformed(r, r.nearest(), at);
            // filter-system colour terms were fitted to AB magnitudes: SDSS u and z go onto AB first (item 3)
            boolean ab = choice.applies() && needsAbOffsets(r);
            if (ab) {
                star = applyTransform(r, star, PhotometricTransform.SDSS_TO_AB, at);
            }
            String exclusion = exclusion(star);
            double[] me = exclusion != null ? new double[] {Double.NaN, Double.NaN}
                    : bandMagnitude(r, star, lookupBand, at);
            if (exclusion != null) {
                warnings.warn(at, "star " + star.id() + " is " + exclusion + " in " + r.catalogue()
                        + "; it is left out of the comparison ('keep not clean: true' keeps such stars)");
            }
            ColourTerms.Applied ct = ColourTerms.apply(choice, r, star, me[0], me[1]);
            if (ct.note() != null) {
                warnings.warn(at, "CCD " + ccd + ": " + ct.note());
            }
            mag[i] = ct.mag();
            err[i] = ct.err();
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("coords_file", spec.coords().toString());
            if (!job.catalogueTransforms().isEmpty()) {
                q.put("catalogue_transforms", job.catalogueTransforms());
            }
            q.put("line", s.line());
            q.put("ccd", ccd);
            q.put("aperture", comps.get(i));
            q.put("band", lookupBand);
            q.put("reply", r.toMap());
            q.put("chosen", star.id());
            q.put("match_distance_arcsec", star.separationArcsec());
            q.put("mag", me[0]);
            q.put("mag_err", me[1]);
            q.put("colour_term", ct.record());
            q.put("flags", star.flags());
            if (ab) {
                q.put("ab_offsets", PhotometricTransform.SDSS_TO_AB.id() + " (automatic: the filter system's colour"
                        + " terms are fitted to AB magnitudes)");
            }
            q.put("decision", exclusion != null ? "excluded: " + exclusion
                    : Double.isFinite(me[0]) ? (star.flags().contains("NOT_CLEAN") ? "kept: NOT_CLEAN"
                            + " (keep not clean: true)" : "used") : "excluded: saturated or no magnitude");
            q.put("other_matches", r.others().size());
            synchronized (this) {
                RunOrder.insert(queries, queryOrders, q);
            }
            log.say("  CCD %s aperture %s: %s -> %s %s = %.3f +- %.3f (%.2f\" away%s)", ccd, comps.get(i),
                    cone.describe(), star.id(), lookupBand, me[0], me[1], star.separationArcsec(),
                    r.others().isEmpty() ? "" : "; " + r.others().size() + " other match(es) recorded");
            if (Boolean.TRUE.equals(ct.record().get("applied"))) {
                log.say("    colour term: %s %.4f -> %s %.4f +- %.4f (%s = %.3f)", lookupBand, me[0],
                        choice.band().name(), ct.mag(), ct.err(), ct.record().get("colour"),
                        (Double) ct.record().get("colour_value"));
            }
            origin.append(i == 0 ? ": " : ", ").append(star.id());
        }
        if (!choice.applies() && !job.catalogueTransforms().contains(PhotometricTransform.SDSS_TO_AB.id())
                && isUorZ(lookupBand) && "sdss".equalsIgnoreCase(cat.name())) {
            log.say("  CCD %s: the %s magnitudes are SDSS magnitudes, not AB (SDSS u_AB = u - 0.04, z_AB = z + 0.02;"
                    + " 'catalogue transforms: [sdss-ab-offsets]' applies them), as cal_phot", ccd, lookupBand);
        }
        if (choice.applies()) {
            origin.append(String.format(Locale.ROOT, "; colour terms of filter system %s (%s = %s %+.4f (%s - %s)"
                    + " %+.4f)", choice.system().name(), choice.band().name(), choice.term().sdssBand(),
                    -choice.term().coefficient(), choice.term().colourA(), choice.term().colourB(),
                    -choice.term().offset()));
        }
        // the catalogue's own calibration (zero point, AB offset) is common to every star: a separate budget term
        double common = CatalogueZeroPoints.commonError(cat.name(), lookupBand);
        if (common > 0) {
            log.say("  CCD %s: catalogue calibration error %.3f mag common to every star (%s zero point %.3f, AB"
                    + " offset %.3f)", ccd, common, lookupBand, CatalogueZeroPoints.sdssZeroPoint(lookupBand),
                    CatalogueZeroPoints.sdssAbOffset(lookupBand));
            synchronized (this) {
                colourTermChoices.computeIfPresent(spec.log() + " | " + ccd, (k, v) -> {
                    v.put("catalogue_calibration", CatalogueZeroPoints.record(cat.name(), lookupBand));
                    return v;
                });
            }
        }
        return new ComparisonMagnitudes(ccd, band, comps, mag, err, common, 0, MagnitudeSource.CATALOGUE,
                origin.toString());
    }

    private static boolean isUorZ(String band) {
        String b = band.strip().toLowerCase(Locale.ROOT);
        return b.equals("u") || b.equals("z") || b.equals("us") || b.equals("zs");
    }

    /**
     * Whether this star's magnitudes still need the SDSS to AB offsets: an SDSS-system catalogue whose reply has
     * not had them applied by the config's {@code catalogue transforms}.
     */
    private boolean needsAbOffsets(CatalogueResult r) {
        return !job.catalogueTransforms().contains(PhotometricTransform.SDSS_TO_AB.id())
                && (r.system() != null && r.system().toUpperCase(Locale.ROOT).startsWith("SDSS")
                        || "sdss".equalsIgnoreCase(r.catalogue()));
    }

    /** Why a star is left out whatever its band (null = not excluded): SDSS NOT_CLEAN unless the config keeps it. */
    private String exclusion(CatalogueStar star) {
        if (star.flags().contains("NOT_CLEAN") && !job.keepNotClean()) {
            return "NOT_CLEAN (SDSS clean = 0: photometry affected by saturation, edge, deblending or interpolation)";
        }
        return null;
    }

    /**
     * The star with the config's {@code catalogue transforms} applied in order (e.g. SDSS to true AB). Each output
     * replaces the catalogue band of the same letter; errors are propagated. A transform whose input bands the
     * catalogue lacks is skipped with a warning.
     */
    private CatalogueStar transformed(CatalogueResult r, CatalogueStar star, Location at) {
        if (job.catalogueTransforms().isEmpty()) {
            return star;
        }
        CatalogueStar out = star;
        for (String id : job.catalogueTransforms()) {
            out = applyTransform(r, out, PhotometricTransform.byId(id), at);
        }
        return out;
    }

    /** One transform applied to a star; each output replaces the band of the same letter, errors propagated. */
    private CatalogueStar applyTransform(CatalogueResult r, CatalogueStar star, PhotometricTransform t, Location at) {
        double[] mag = star.mag();
        double[] err = star.magErr();
        int[] in = indices(r, t.inputBands());
        int[] out = indices(r, t.outputBands());
        if (in == null || out == null) {
            warnings.warn(at, "catalogue '" + r.catalogue() + "' lacks the bands of transform " + t.id() + " ("
                    + t.inputBands() + " -> " + t.outputBands() + "); not applied");
            return star;
        }
        double[] x = new double[in.length];
        double[] e = new double[in.length];
        for (int k = 0; k < in.length; k++) {
            x[k] = mag[in[k]];
            e[k] = Double.isFinite(err[in[k]]) ? err[in[k]] : 0.0;
        }
        double[] y = t.apply(x);
        double[] ye = t.propagateErrors(x, e);
        for (int k = 0; k < out.length; k++) {
            mag[out[k]] = y[k];
            err[out[k]] = ye[k];
        }
        return new CatalogueStar(star.id(), star.raDeg(), star.decDeg(), star.separationArcsec(), mag, err,
                star.flags(), star.extra());
    }

    /** Catalogue band index of each name, primes ignored (u' is matched to u); null if one is missing. */
    private static int[] indices(CatalogueResult r, List<String> names) {
        int[] idx = new int[names.size()];
        for (int k = 0; k < idx.length; k++) {
            String n = names.get(k);
            int i = r.band(n);
            if (i < 0) {
                i = r.band(n.replace("'", ""));
            }
            if (i < 0) {
                return null;
            }
            idx[k] = i;
        }
        return idx;
    }

    /** Magnitude and error of a star in a *CAM band: SDSS bands directly, super-SDSS as SDSS, KG5 from g and r. */
    private double[] bandMagnitude(CatalogueResult r, CatalogueStar star, String band, Location at)
            throws CalphotException {
        String b = band.strip().toLowerCase(Locale.ROOT);
        if (b.equals("kg5")) {
            return derived(r, star, PhotometricTransform.KG5_FROM_SDSS, at);
        }
        if (b.length() == 2 && b.endsWith("s")) {
            b = b.substring(0, 1); // super-SDSS filters, no colour term unless a filter system gives one
        }
        int k = r.band(b);
        if (k < 0) {
            throw new BadInputException("catalogue '" + r.catalogue() + "' has no band '" + band + "'", at);
        }
        if (!star.usable(k, b)) {
            warnings.warn(at, "star " + star.id() + " is saturated or has no " + b + " magnitude in "
                    + r.catalogue() + "; it is left out of the comparison");
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {star.mag(k), star.magErr(k)};
    }

    /**
     * A band derived from several catalogue bands (KG5 from g and r): every input band must pass the same usability
     * rule as a single band (finite, not saturated), and the error goes through the transform's derivatives.
     */
    private double[] derived(CatalogueResult r, CatalogueStar star, PhotometricTransform t, Location at)
            throws CalphotException {
        List<String> inputs = t.inputBands();
        double[] x = new double[inputs.size()];
        double[] e = new double[inputs.size()];
        for (int j = 0; j < x.length; j++) {
            String name = inputs.get(j);
            int k = r.band(name);
            if (k < 0) {
                throw new BadInputException(t.outputBands().get(0) + " needs " + String.join(" and ", inputs)
                        + " from the catalogue ('" + r.catalogue() + "' has " + r.bands() + ")", at);
            }
            if (!star.usable(k, name)) {
                warnings.warn(at, "star " + star.id() + " is saturated or has no " + name + " magnitude in "
                        + r.catalogue() + " (needed for " + t.outputBands().get(0) + "); it is left out of the"
                        + " comparison");
                return new double[] {Double.NaN, Double.NaN};
            }
            x[j] = star.mag(k);
            e[j] = Double.isFinite(star.magErr(k)) ? star.magErr(k) : 0.0;
        }
        return new double[] {t.apply(x)[0], t.propagateErrors(x, e)[0]};
    }
}
