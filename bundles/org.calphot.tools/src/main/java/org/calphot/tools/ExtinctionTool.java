// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.LogReaders;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.photometry.ExtinctionFitter;
import org.calphot.core.photometry.ExtinctionOptions;
import org.calphot.core.photometry.ExtinctionResult;
import org.calphot.core.util.AtomicFiles;
import org.calphot.io.JsonWriter;
import org.calphot.photometry.AirmassSource;
import org.calphot.photometry.Bands;

/**
 * {@code calphot extinction}: extinction coefficients per CCD (band) from a long run on a photometric
 * night. Prints a report and writes {@code <stem>_extinction.txt}, {@code .json} and
 * {@code <stem>_extinction_points.csv} (every point with its airmass, magnitude and whether it was used).
 */
public final class ExtinctionTool {

    /**
     * @param log             the run's log
     * @param site            site name or "lat, lon"
     * @param target          pointing "RA DEC" for the airmass
     * @param bands           band per CCD (empty = instrument defaults)
     * @param ignoreFlags     hipercam flag bits to accept
     * @param clipSigma       clipping threshold (robust sigmas)
     * @param minAirmassRange refuse below this airmass range
     * @param apertures       apertures to fit (empty = all, the target aperture 1 left out of the joint fit; named
     *                        apertures are all in the joint fit)
     * @param outDir          folder for the result files
     * @param json            print JSON instead of the text report
     */
    public record Args(Path log, String site, String target, List<String> bands, int ignoreFlags, double clipSigma,
            double minAirmassRange, List<String> apertures, Path outDir, boolean json) {
    }

    /** What a run produced (for figures and tests). */
    public record Outcome(List<ExtinctionResult> results, Path text, Path jsonFile, Path points) {
    }

    /** What {@code calphot extinction} wrote, read back: the log, site and pointing it names, and the fits. */
    public record Saved(Path log, String site, String pointing, List<ExtinctionResult> results) {
    }

    /**
     * Reads {@code <stem>_extinction.json} and the {@code <stem>_extinction_points.csv} beside it (for a plot
     * view). Bad or missing files are {@link BadInputException}s naming the file.
     */
    public static Saved read(Path json) throws CalphotException {
        return ExtinctionFile.read(json);
    }

    /** The figure of one CCD's fit, as written to {@code <stem>_extinction_ccd<n>.png} (for a plot view). */
    public static org.jfree.chart.JFreeChart figure(String stem, ExtinctionResult result) {
        return ToolFigures.extinctionChart(stem, result);
    }

    private final LogReaders readers;
    private final ExtinctionFitter fitter;
    private final AirmassSource airmass;
    private Outcome last;

    public ExtinctionTool(LogReaders readers, ExtinctionFitter fitter, AirmassSource airmass) {
        this.readers = readers;
        this.fitter = fitter;
        this.airmass = airmass;
    }

    public Outcome lastOutcome() {
        return last;
    }

    public int run(Args a, PrintWriter out, Warnings warnings) throws CalphotException {
        PhotometryLog log = readers.read(a.log(), warnings);
        List<String> bands = Bands.of(log, a.bands(), "--bands");
        if (a.minAirmassRange() < ExtinctionOptions.DEFAULT_MIN_RANGE) {
            warnings.warn(Fmt.f("minimum airmass range lowered to %.2f (default %.2f): k from such a run is"
                    + " poorly constrained", a.minAirmassRange(), ExtinctionOptions.DEFAULT_MIN_RANGE));
        }
        ExtinctionOptions opt = new ExtinctionOptions(a.ignoreFlags(), a.clipSigma(), a.minAirmassRange(),
                a.apertures() == null ? List.of() : a.apertures());
        List<ExtinctionResult> results = new ArrayList<>();
        for (int c = 0; c < log.ccds().size(); c++) {
            CcdTable ccd = log.ccds().get(c);
            if (ccd.rows() == 0) {
                continue;
            }
            double[] x = airmass.airmass(a.site(), a.target(), ccd.mjdUtc());
            try {
                ExtinctionResult r = fitter.fit(ccd, bands.get(c), x, opt);
                results.add(r);
                for (ExtinctionResult.ApertureFit f : r.apertures()) {
                    double d = f.k() - r.jointK();
                    double s = Math.hypot(f.kErr(), r.jointKErr());
                    if (Math.abs(d) > 3 * s) {
                        warnings.warn(Fmt.f("CCD %s: aperture %s has k = %.3f +- %.3f, %.1f sigma from the joint %.3f:"
                                + " a variable star or a bad aperture? Leave it out with --apertures", r.ccd(),
                                f.label(), f.k(), f.kErr(), Math.abs(d) / s, r.jointK()));
                    }
                }
            } catch (BadInputException e) {
                throw new BadInputException(e.getMessage(), Location.of(a.log().toString()), e);
            }
        }
        String text = report(a, results);
        String stem = Fmt.stem(a.log());
        Path txt = a.outDir().resolve(stem + "_extinction.txt");
        Path js = a.outDir().resolve(stem + "_extinction.json");
        Path pts = a.outDir().resolve(stem + "_extinction_points.csv");
        Map<String, Object> json = toJson(a, results);
        try {
            AtomicFiles.writeString(txt, text);
            AtomicFiles.writeString(js, JsonWriter.pretty(json) + "\n");
            AtomicFiles.writeString(pts, points(results));
        } catch (IOException e) {
            throw new CalphotException("cannot write results: " + e.getMessage(), Location.of(a.outDir().toString()), e);
        }
        List<Path> figures = ToolFigures.extinction(a.outDir(), stem, results);
        out.print(a.json() ? JsonWriter.pretty(json) + "\n" : text);
        if (!a.json()) {
            out.println("wrote " + txt + ", " + js + ", " + pts);
            for (Path f : figures) {
                out.println("wrote " + f);
            }
        }
        out.flush();
        last = new Outcome(results, txt, js, pts);
        return 0;
    }

    static String report(Args a, List<ExtinctionResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("extinction from ").append(a.log()).append(" (site ").append(a.site()).append(", pointing ")
                .append(a.target()).append(", airmass sec z)\n");
        sb.append("m = -2.5 log10(counts / exposure) against airmass; 1-sigma errors scaled by sqrt(chi2nu), or the"
                + " red-noise error when larger; the target (aperture 1) is left out of the joint fit unless"
                + " --apertures names it\n");
        List<String> ks = new ArrayList<>();
        for (ExtinctionResult r : results) {
            sb.append(Fmt.f("CCD %s (%s): airmass %.3f to %.3f (range %.3f)%n", r.ccd(), r.band(), r.airmassMin(),
                    r.airmassMax(), r.airmassMax() - r.airmassMin()));
            for (ExtinctionResult.ApertureFit f : r.apertures()) {
                sb.append(Fmt.f("  aperture %-3s k = %7.4f +- %.4f mag/airmass  m0 = %8.4f +- %.4f  chi2nu %7.2f"
                        + "  used %d clipped %d%n", f.label(), f.k(), f.kErr(), f.intercept(), f.interceptErr(),
                        f.chi2nu(), f.nUsed(), f.nClipped()));
            }
            sb.append(Fmt.f("  joint (one k, free offset per aperture) of apertures %s: k = %.4f +- %.4f mag/airmass"
                    + "  chi2nu %.2f  used %d clipped %d%n", String.join(",", r.jointApertures()), r.jointK(),
                    r.jointKErr(), r.jointChi2nu(), r.jointUsed(), r.jointClipped()));
            sb.append(Fmt.f("    error of k: white noise %.4f, red noise (random walk in transparency) %.4f; the"
                    + " larger, %s, is used%n", r.jointKErrWhite(), r.jointKErrRed(), r.jointKErrKind()));
            ks.add(Fmt.f("%.4f", r.jointK()));
        }
        sb.append("--extinction ").append(String.join(",", ks)).append("   (joint k per CCD, for comparison-mags)\n");
        return sb.toString();
    }

    static Map<String, Object> toJson(Args a, List<ExtinctionResult> results) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("log", a.log().toString());
        m.put("site", a.site());
        m.put("pointing", a.target());
        m.put("airmass_formula", "sec z");
        m.put("clip_sigma", a.clipSigma());
        m.put("ignore_flags", a.ignoreFlags());
        List<Object> ccds = new ArrayList<>();
        for (ExtinctionResult r : results) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("ccd", r.ccd());
            c.put("band", r.band());
            c.put("airmass_min", r.airmassMin());
            c.put("airmass_max", r.airmassMax());
            c.put("k", r.jointK());
            c.put("k_err", r.jointKErr());
            c.put("k_err_white", r.jointKErrWhite());
            c.put("k_err_red_noise", r.jointKErrRed());
            c.put("k_err_used", r.jointKErrKind());
            c.put("joint_apertures", r.jointApertures());
            c.put("chi2nu", r.jointChi2nu());
            c.put("used", r.jointUsed());
            c.put("clipped", r.jointClipped());
            List<Object> aps = new ArrayList<>();
            for (int i = 0; i < r.apertures().size(); i++) {
                ExtinctionResult.ApertureFit f = r.apertures().get(i);
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("aperture", f.label());
                am.put("k", f.k());
                am.put("k_err", f.kErr());
                am.put("k_err_white", f.kErrWhite());
                am.put("k_err_red_noise", f.kErrRed());
                am.put("m0", f.intercept());
                am.put("m0_err", f.interceptErr());
                am.put("chi2nu", f.chi2nu());
                am.put("used", f.nUsed());
                am.put("clipped", f.nClipped());
                am.put("joint_offset", r.jointOffsets()[i]);
                am.put("joint_offset_err", r.jointOffsetErrs()[i]);
                aps.add(am);
            }
            c.put("apertures", aps);
            ccds.add(c);
        }
        m.put("ccds", ccds);
        return m;
    }

    /** Every point, one CSV row (commons-csv: a label holding a comma or quote is quoted, not split). */
    static String points(List<ExtinctionResult> results) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            p.printRecord("ccd", "band", "aperture", "mjd_utc", "airmass", "mag", "mag_err", "used");
            for (ExtinctionResult r : results) {
                for (ExtinctionResult.ApertureFit f : r.apertures()) {
                    for (int i = 0; i < f.mjdUtc().length; i++) {
                        p.printRecord(r.ccd(), r.band(), f.label(), Double.toString(f.mjdUtc()[i]),
                                Double.toString(f.airmass()[i]), Double.toString(f.mag()[i]),
                                Double.toString(f.magErr()[i]), f.used()[i] ? "1" : "0");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does no I/O
        }
        return sb.toString();
    }
}
