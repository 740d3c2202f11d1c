// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.PhotometricTransform;
import org.calphot.core.filters.UltracamFilterSet;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.LogReaders;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.photometry.ColourTerm;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.photometry.InstrumentalMagnitude;
import org.calphot.core.photometry.ZeroPoint;
import org.calphot.core.photometry.ZeroPointCalculator;
import org.calphot.core.photometry.ZeroPointOptions;
import org.calphot.core.util.AtomicFiles;
import org.calphot.io.JsonWriter;
import org.calphot.photometry.AirmassSource;
import org.calphot.photometry.Bands;
import org.calphot.core.util.YamlScalar;

/**
 * {@code calphot comparison-mags}: zero points from a standard-star run (aperture 1 = the standard) and
 * the above-atmosphere magnitudes of the comparisons of a field run reduced with the same settings.
 * Prints the YAML block for the config (target excluded) and writes {@code <field>_comparison_mags.txt},
 * {@code .yaml} and {@code .json}.
 */
public final class ComparisonMagsTool {

    /**
     * @param standardLog    log of the standard-star run
     * @param fieldLog       log of the target field
     * @param standard       standard star name (looked up in the standards catalogue)
     * @param site           site name or "lat, lon"
     * @param pointing       field pointing "RA DEC" for the field's airmass
     * @param k              extinction coefficient per CCD, mag / airmass
     * @param kErr           their 1-sigma errors (null or empty = unknown, taken as 0 with a warning)
     * @param bands          band per CCD (empty = instrument defaults)
     * @param ignoreFlags    hipercam flag bits to accept
     * @param system         standards system id (null = chosen from instrument, filter set and date)
     * @param filterSet      "super" or "regular" (ULTRACAM), or null
     * @param colourTerms    optional colour terms (empty = none, as the original)
     * @param outDir         folder for the result files
     * @param json           print JSON instead of the report
     */
    public record Args(Path standardLog, Path fieldLog, String standard, String site, String pointing, double[] k,
            double[] kErr, List<String> bands, int ignoreFlags, String system, String filterSet,
            List<ColourTerm> colourTerms, Path outDir, boolean json) {
    }

    /** Per CCD: the zero point and the comparison magnitudes (for figures and tests). */
    public record Outcome(List<ZeroPoint> zeroPoints, List<ComparisonMagnitudes> comparisons, String yamlBlock,
            Path text, Path yaml, Path jsonFile) {
    }

    private static final String TARGET = "1";

    private final LogReaders readers;
    private final ZeroPointCalculator calculator;
    private final Catalogue standards;
    private final AirmassSource airmass;
    private Outcome last;
    private UltracamFilterSet filterRule;

    public ComparisonMagsTool(LogReaders readers, ZeroPointCalculator calculator, Catalogue standards,
            AirmassSource airmass) {
        this.readers = readers;
        this.calculator = calculator;
        this.standards = standards;
        this.airmass = airmass;
    }

    public Outcome lastOutcome() {
        return last;
    }

    /** Date (UTC) of an MJD. */
    static LocalDate date(double mjd) {
        return LocalDate.ofEpochDay((long) Math.floor(mjd) - 40587L);
    }

    public int run(Args a, PrintWriter out, Warnings warnings) throws CalphotException {
        filterRule = null;
        PhotometryLog std = readers.read(a.standardLog(), warnings);
        PhotometryLog field = readers.read(a.fieldLog(), warnings);
        List<String> bands = Bands.of(field, a.bands(), "--bands");
        List<CcdTable> fccds = field.ccds();
        if (a.k() == null || a.k().length != fccds.size()) {
            throw new BadInputException("--extinction needs one k per CCD (" + fccds.size() + "), got "
                    + (a.k() == null ? 0 : a.k().length), Location.key(null, 0, "--extinction"));
        }
        double[] kErr = a.kErr() == null || a.kErr().length == 0 ? new double[fccds.size()] : a.kErr();
        if (kErr.length != fccds.size()) {
            throw new BadInputException("--extinction-err needs one error per CCD (" + fccds.size() + ")",
                    Location.key(null, 0, "--extinction-err"));
        }
        if (a.kErr() == null || a.kErr().length == 0) {
            warnings.warn("no extinction errors given (--extinction-err): the magnitudes' errors leave that term out");
        }
        String instrument = std.header().instrumentGuess(std.ccds().size());
        CcdTable first = std.ccds().stream().filter(c -> c.rows() > 0).findFirst()
                .orElseThrow(() -> new BadInputException("standard log has no data", Location.of(a.standardLog().toString())));
        String filterSet = a.filterSet();
        if ((filterSet == null || filterSet.isBlank()) && instrument.toLowerCase(Locale.ROOT).startsWith("ultracam")) {
            // the product's one rule (the same as calphot run's colour terms): band name, then the night's date
            UltracamFilterSet rule = null;
            for (String b : bands) {
                UltracamFilterSet r = UltracamFilterSet.forBand(b, date(first.mjdUtc()[0]));
                if (rule == null || (r.certain() && !rule.certain()) || r.superFilters()) {
                    rule = r;
                }
            }
            if (rule != null) {
                filterSet = rule.filterSet();
                filterRule = rule;
                if (!rule.certain()) {
                    warnings.warn(rule.reason());
                }
            }
        }
        QueryOptions q = QueryOptions.DEFAULTS.withSystem("unknown".equals(instrument) ? null : instrument,
                filterSet, date(first.mjdUtc()[0]));
        if (a.system() != null && !a.system().isBlank()) {
            q = q.withParameter("system", a.system());
        }
        CatalogueResult cat = standards.queryByName(a.standard(), q);
        CatalogueStar star = cat.nearest();
        String stdPointing = Fmt.f("%.7fd %+.7f", star.raDeg(), star.decDeg()); // explicit degrees
        ZeroPointOptions zopt = new ZeroPointOptions(a.ignoreFlags(), 3.0, true);

        List<ZeroPoint> zps = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
        List<double[]> fieldAirmass = new ArrayList<>();
        for (int c = 0; c < fccds.size(); c++) {
            CcdTable f = fccds.get(c);
            CcdTable s = std.ccd(f.ccd());
            if (s == null || s.rows() == 0) {
                throw new BadInputException("standard log has no CCD " + f.ccd(), Location.of(a.standardLog().toString()));
            }
            String band = bands.get(c);
            double[] me = standardMagnitude(cat, star, band, warnings);
            double mcat = me[0];
            double ecat = me[1];
            double[] xs = airmass.airmass(a.site(), stdPointing, s.mjdUtc());
            InstrumentalMagnitude im = calculator.instrumental(s, TARGET, xs, a.k()[c], zopt);
            if (im.n() == 0) {
                throw new BadInputException("CCD " + s.ccd() + ": no usable frame of the standard (aperture 1)",
                        Location.of(a.standardLog().toString()));
            }
            ColourTerm ct = colourTerm(a.colourTerms(), band);
            double colour = ct == null ? Double.NaN : colour(cat, star, ct);
            zps.add(calculator.zeroPoint(band, im, mcat, ecat, a.k()[c], kErr[c], ct, colour));
            List<String> l = new ArrayList<>(f.apertureLabels());
            l.remove(TARGET);
            labels.add(l);
            fieldAirmass.add(airmass.airmass(a.site(), a.pointing(), f.mjdUtc()));
        }
        // comparisons; with colour terms iterate, the colours coming from the previous pass's magnitudes
        List<ComparisonMagnitudes> comps = null;
        boolean anyColour = zps.stream().anyMatch(z -> z.colourTerm() != null);
        for (int pass = 0; pass < (anyColour ? 8 : 1); pass++) {
            List<ComparisonMagnitudes> next = new ArrayList<>();
            for (int c = 0; c < fccds.size(); c++) {
                double[] colours = null;
                ZeroPoint zp = zps.get(c);
                if (zp.colourTerm() != null && comps != null) {
                    colours = coloursFrom(comps, zp.colourTerm(), labels.get(c));
                }
                next.add(calculator.comparisonMagnitudes(fccds.get(c), labels.get(c), fieldAirmass.get(c), zp, colours,
                        zopt));
            }
            comps = next;
        }
        for (ComparisonMagnitudes cm : comps) {
            for (int i = 0; i < cm.labels().size(); i++) {
                if (!Double.isFinite(cm.mag(i))) {
                    warnings.warn("CCD " + cm.ccd() + ": comparison " + cm.labels().get(i)
                            + " has no usable frame; written as null");
                }
            }
        }
        String yaml = yamlBlock(a.fieldLog(), comps);
        String text = report(a, cat, star, zps, comps, yaml);
        String stem = Fmt.stem(a.fieldLog());
        Path txt = a.outDir().resolve(stem + "_comparison_mags.txt");
        Path ym = a.outDir().resolve(stem + "_comparison_mags.yaml");
        Path js = a.outDir().resolve(stem + "_comparison_mags.json");
        Map<String, Object> json = toJson(a, cat, star, zps, comps);
        try {
            AtomicFiles.writeString(txt, text);
            AtomicFiles.writeString(ym, yaml);
            AtomicFiles.writeString(js, JsonWriter.pretty(json) + "\n");
        } catch (IOException e) {
            throw new CalphotException("cannot write results: " + e.getMessage(), Location.of(a.outDir().toString()), e);
        }
        out.print(a.json() ? JsonWriter.pretty(json) + "\n" : text);
        if (!a.json()) {
            out.println("wrote " + txt + ", " + ym + ", " + js);
        }
        out.flush();
        last = new Outcome(zps, comps, yaml, txt, ym, js);
        return 0;
    }

    /**
     * The standard's catalogue magnitude and error in a CCD band: the table's own band (exact, primed or super), else
     * a band a named transform derives from the table's bands, e.g. KG5 from g' and r' as cal_phot did
     * ({@code kg5 = g - 0.2240 (g-r)^2 - 0.3590 (g-r) + 0.0460} with g = g', r = r'), the error through the
     * transform's derivatives.
     */
    static double[] standardMagnitude(CatalogueResult cat, CatalogueStar star, String band, Warnings warnings)
            throws BadInputException {
        int bi = catalogueBand(cat.bands(), band);
        if (bi < 0) {
            for (PhotometricTransform t : PhotometricTransform.values()) {
                int out = indexIgnoreCase(t.outputBands(), band);
                if (out < 0) {
                    continue;
                }
                int[] in = new int[t.inputBands().size()];
                boolean all = true;
                for (int k = 0; k < in.length && all; k++) {
                    in[k] = catalogueBand(cat.bands(), t.inputBands().get(k).replace("'", ""));
                    all = in[k] >= 0;
                }
                if (!all) {
                    continue;
                }
                double[] x = new double[in.length];
                double[] e = new double[in.length];
                boolean errs = true;
                for (int k = 0; k < in.length; k++) {
                    x[k] = star.mag(in[k]);
                    e[k] = star.magErr(in[k]);
                    if (!Double.isFinite(x[k])) {
                        throw new BadInputException("standard " + star.id() + " has no " + cat.bands().get(in[k])
                                + " magnitude (needed for " + band + ")", Location.key(null, 0, "--standard"));
                    }
                    if (!Double.isFinite(e[k])) {
                        errs = false;
                        e[k] = 0;
                    }
                }
                if (!errs) {
                    warnings.warn("standard " + star.id() + " lacks errors for " + t.inputBands()
                            + " in the table; the zero point error leaves them out");
                }
                warnings.warn("the standards table (" + cat.system() + ") has no " + band + "; the standard's " + band
                        + " comes from its " + t.inputBands().stream().map(b -> cat.bands().get(
                                catalogueBand(cat.bands(), b.replace("'", "")))).toList() + " by " + t.id()
                        + " (" + t.source() + ")");
                return new double[] {t.apply(x)[out], t.propagateErrors(x, e)[out]};
            }
            throw new BadInputException("the standards table (" + cat.system() + ") has no band matching '" + band
                    + "' and no transform derives it from " + cat.bands() + " (set --bands)",
                    Location.key(null, 0, "--bands"));
        }
        double mcat = star.mag(bi);
        if (!Double.isFinite(mcat)) {
            throw new BadInputException("standard " + star.id() + " has no " + cat.bands().get(bi) + " magnitude",
                    Location.key(null, 0, "--standard"));
        }
        double ecat = star.magErr(bi);
        if (!Double.isFinite(ecat)) {
            warnings.warn("standard " + star.id() + " has no " + cat.bands().get(bi)
                    + " error in the table; the zero point error leaves it out");
        }
        return new double[] {mcat, ecat};
    }

    private static int indexIgnoreCase(List<String> names, String band) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(band.strip())) {
                return i;
            }
        }
        return -1;
    }

    /** Catalogue band for a CCD band: exact, then with a prime (Smith u'g'r'i'z'), then with "s" (super filters). */
    static int catalogueBand(List<String> catBands, String band) {
        for (String cand : List.of(band, band + "'", band + "s")) {
            int i = catBands.indexOf(cand);
            if (i >= 0) {
                return i;
            }
        }
        String lower = band.toLowerCase(Locale.ROOT);
        for (int i = 0; i < catBands.size(); i++) {
            if (catBands.get(i).toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    private static ColourTerm colourTerm(List<ColourTerm> terms, String band) {
        if (terms == null) {
            return null;
        }
        for (ColourTerm t : terms) {
            if (t.band().equals(band)) {
                return t;
            }
        }
        return null;
    }

    private static double colour(CatalogueResult cat, CatalogueStar star, ColourTerm t) {
        int a = catalogueBand(cat.bands(), t.colourA());
        int b = catalogueBand(cat.bands(), t.colourB());
        return a < 0 || b < 0 ? Double.NaN : star.mag(a) - star.mag(b);
    }

    private static double[] coloursFrom(List<ComparisonMagnitudes> comps, ColourTerm t, List<String> labels) {
        ComparisonMagnitudes ca = null;
        ComparisonMagnitudes cb = null;
        for (ComparisonMagnitudes c : comps) {
            if (c.band().equals(t.colourA())) {
                ca = c;
            }
            if (c.band().equals(t.colourB())) {
                cb = c;
            }
        }
        double[] out = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            int ia = ca == null ? -1 : ca.labels().indexOf(labels.get(i));
            int ib = cb == null ? -1 : cb.labels().indexOf(labels.get(i));
            out[i] = ia < 0 || ib < 0 ? Double.NaN : ca.mag(ia) - cb.mag(ib);
        }
        return out;
    }

    /** The block to paste under the field log's entry in the config: 8 spaces, band, magnitudes (target excluded). */
    static String yamlBlock(Path fieldLog, List<ComparisonMagnitudes> comps) {
        StringBuilder sb = new StringBuilder();
        sb.append("# comparison magnitudes for ").append(fieldLog).append(" (apertures ")
                .append(comps.isEmpty() ? "" : String.join(",", comps.get(0).labels()))
                .append("; target aperture 1 excluded; null = no magnitude)\n");
        for (ComparisonMagnitudes c : comps) {
            List<String> v = new ArrayList<>();
            for (int i = 0; i < c.labels().size(); i++) {
                v.add(Double.isFinite(c.mag(i)) ? Fmt.f("%.3f", c.mag(i)) : "null");
            }
            sb.append("        ").append(YamlScalar.of(c.band())).append(": [").append(String.join(", ", v)).append("]\n");
        }
        return sb.toString();
    }

    static String report(Args a, CatalogueResult cat, CatalogueStar star, List<ZeroPoint> zps,
            List<ComparisonMagnitudes> comps, String yaml) {
        StringBuilder sb = new StringBuilder();
        sb.append("comparison magnitudes\n");
        sb.append("  standard log: ").append(a.standardLog()).append('\n');
        sb.append("  field log:    ").append(a.fieldLog()).append('\n');
        sb.append("  standard:     ").append(star.id()).append(Fmt.f(" (RA %.5f, Dec %+.5f deg) from %s%n", star.raDeg(),
                star.decDeg(), cat.system()));
        sb.append("  site ").append(a.site()).append(", field pointing ").append(a.pointing())
                .append(", ignored flags ").append(a.ignoreFlags()).append('\n');
        sb.append("  instrumental m = -2.5 log10(counts / exposure) - k X: 3-sigma clipped mean; first and last frames"
                + " left out (junk first exposure, cut-short last frame)\n");
        for (int c = 0; c < zps.size(); c++) {
            ZeroPoint z = zps.get(c);
            ComparisonMagnitudes cm = comps.get(c);
            sb.append(Fmt.f("CCD %s (%s): k = %.4f +- %.4f; standard m_cat %.3f +- %.3f, m_inst0 %.4f +- %.4f"
                    + " (%d frames, X %.3f)%n", cm.ccd(), z.band(), z.k(), z.kErr(), z.catalogueMag(), z.catalogueErr(),
                    z.standard().mean(), z.standard().errorOfMean(), z.standard().n(), z.standard().meanAirmass()));
            sb.append(Fmt.f("  ZP = %.4f +- %.4f%s%n", z.zp(), z.zpErr(),
                    z.colourTerm() == null ? "" : "  colour term " + z.colourTerm().describe()));
            for (int i = 0; i < cm.labels().size(); i++) {
                sb.append(Fmt.f("  aperture %-3s m = %7.3f +- %.3f  (instrumental %.4f, ZP %.4f, extinction %.4f)%n",
                        cm.labels().get(i), cm.mag(i), cm.totalErr(i), cm.magErr(i), cm.zeroPointErr(),
                        cm.extinctionErr()));
            }
        }
        sb.append("\nThe block for the config (comparisons only, target excluded):\n");
        sb.append(yaml);
        return sb.toString();
    }

    Map<String, Object> toJson(Args a, CatalogueResult cat, CatalogueStar star, List<ZeroPoint> zps,
            List<ComparisonMagnitudes> comps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("standard_log", a.standardLog().toString());
        m.put("field_log", a.fieldLog().toString());
        m.put("standard", star.id());
        m.put("standards_query", cat.queryText());
        m.put("standards_system", cat.system());
        m.put("site", a.site());
        m.put("pointing", a.pointing());
        m.put("ignore_flags", a.ignoreFlags());
        m.put("ultracam_filters", filterRule == null ? null : filterRule.toMap());
        List<Object> ccds = new ArrayList<>();
        for (int c = 0; c < zps.size(); c++) {
            ZeroPoint z = zps.get(c);
            ComparisonMagnitudes cm = comps.get(c);
            Map<String, Object> cc = new LinkedHashMap<>();
            cc.put("ccd", cm.ccd());
            cc.put("band", z.band());
            cc.put("k", z.k());
            cc.put("k_err", z.kErr());
            cc.put("zero_point", z.zp());
            cc.put("zero_point_err", z.zpErr());
            cc.put("standard_catalogue_mag", z.catalogueMag());
            cc.put("standard_catalogue_err", z.catalogueErr());
            cc.put("standard_instrumental", z.standard().mean());
            cc.put("standard_instrumental_err", z.standard().errorOfMean());
            cc.put("standard_frames", z.standard().n());
            cc.put("standard_airmass", z.standard().meanAirmass());
            cc.put("colour_term", z.colourTerm() == null ? null : z.colourTerm().describe());
            cc.put("extinction_err_mag", cm.extinctionErr());
            List<Object> stars = new ArrayList<>();
            for (int i = 0; i < cm.labels().size(); i++) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("aperture", cm.labels().get(i));
                s.put("mag", cm.mag(i));
                s.put("err", cm.totalErr(i));
                s.put("instrumental_err", cm.magErr(i));
                stars.add(s);
            }
            cc.put("comparisons", stars);
            ccds.add(cc);
        }
        m.put("ccds", ccds);
        return m;
    }
}
