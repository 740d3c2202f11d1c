// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.LogReaders;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.core.photometry.CalibrationOptions;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.time.Site;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.SkyPosition;
import org.calphot.core.time.TimeCorrector;
import org.calphot.core.time.TimeRequest;
import org.calphot.ephemeris.BandMean;
import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.Ephemeris;
import org.calphot.io.JsonWriter;
import org.calphot.pipeline.EclipseTimes;
import org.calphot.pipeline.FigureWriter;
import org.calphot.pipeline.OutputFiles;

/**
 * Logic of {@code calphot eclipse-times LOG... --target "RA DEC" --site S [--ephemeris T0 P]
 * [--window t1 t2] [--ccd C] [--out DIR] [--seed S]}: per log, the target / comparison count
 * ratio of one CCD (aperture 1 over the sum of the others; the flux calibrator's no-calibration
 * mode), BMJD(TDB) times, every eclipse timed; cycle numbers from the prior ephemeris (the given
 * one, else a least-squares fit of the eclipse times already in the file); then
 * {@code DIR/EPHEMERIS/eclipse_times.txt} written or updated (one source line per log, named by
 * its path; ids never renumbered; timing a log again replaces its rows) and one figure per eclipse
 * {@code DIR/EPHEMERIS/<log stem>_E<cycle>.png}.
 */
public final class EclipseTimesTool {

    /**
     * @param ephemeris   prior ephemeris (BMJD TDB, days), or null
     * @param windowStart manual window in BMJD(TDB), NaN for automatic location
     * @param ccd         CCD label, or null for the first CCD with data
     * @param outDir      folder holding EPHEMERIS/ (null = working directory)
     */
    public record Args(List<Path> logs, String target, String site, Ephemeris ephemeris, double windowStart,
            double windowEnd, String ccd, Path outDir, long seed, String model, boolean json) {

        public Args(List<Path> logs, String target, String site, Ephemeris ephemeris, double windowStart,
                double windowEnd, String ccd, Path outDir, long seed) {
            this(logs, target, site, ephemeris, windowStart, windowEnd, ccd, outDir, seed, null, false);
        }
    }

    /**
     * A count-ratio lightcurve of one CCD, in BMJD(TDB); {@code snr} the eclipse's signal-to-noise
     * ({@link EclipseTimes#eclipseSnr}) and {@code choice} how the CCD was chosen.
     */
    public record Curve(String ccd, double[] bmjdTdb, double[] ratio, double[] ratioErr, List<String> comparisons,
            double snr, String choice) {

        public Curve(String ccd, double[] bmjdTdb, double[] ratio, double[] ratioErr, List<String> comparisons) {
            this(ccd, bmjdTdb, ratio, ratioErr, comparisons, Double.NaN, "given");
        }

        Curve chosen(String how) {
            return new Curve(ccd, bmjdTdb, ratio, ratioErr, comparisons, snr, how);
        }
    }

    private final LogReaders logs;
    private final FluxCalibrator calibrator;
    private final TimeCorrector time;
    private final SiteRegistry sites;
    private final EclipseTimer timer;
    private final FigureWriter figures;

    /** @param figures draws one figure per eclipse; null for none */
    public EclipseTimesTool(LogReaders logs, FluxCalibrator calibrator, TimeCorrector time, SiteRegistry sites,
            EclipseTimer timer, FigureWriter figures) {
        this.logs = logs;
        this.calibrator = calibrator;
        this.time = time;
        this.sites = sites;
        this.timer = timer;
        this.figures = figures;
    }

    /** Runs the command; returns 0. Bad input and failures are thrown; nothing is written then. */
    public int run(Args a, PrintWriter out, ProgressMonitor monitor, Warnings warnings) throws CalphotException {
        ProgressMonitor pm = monitor == null ? ProgressMonitor.NULL : monitor;
        if (a.logs() == null || a.logs().isEmpty()) {
            throw new BadInputException("give at least one LOG");
        }
        if (a.target() == null || a.site() == null) {
            throw new BadInputException("--target \"RA DEC\" and --site are required (for the BMJD(TDB) times)");
        }
        boolean window = Double.isFinite(a.windowStart()) || Double.isFinite(a.windowEnd());
        if (window && !(Double.isFinite(a.windowStart()) && Double.isFinite(a.windowEnd())
                && a.windowEnd() > a.windowStart())) {
            throw new BadInputException("--window needs two BMJD(TDB) times t1 < t2", Location.key(null, 0,
                    "--window"));
        }
        SkyPosition target = SkyPosition.parse(a.target(), Location.key(null, 0, "--target"),
                SkyPosition.DecimalRa.AMBIGUOUS);
        Site site = sites.lookup(a.site(), Location.key(null, 0, "--site"), warnings);
        TimeRequest request = new TimeRequest(site, target);
        Path dir = (a.outDir() != null ? a.outDir() : Path.of("")).toAbsolutePath().normalize();
        Path file = dir.resolve(EclipseTimes.FILE);
        EclipseTimeTable table = EclipseTimes.readOrEmpty(file, warnings);
        Ephemeris prior = EclipseTimes.prior(a.ephemeris(), table, warnings, Location.of(file.toString()));
        EclipseTimer model = a.model() == null || a.model().equals(timer.name()) ? timer
                : org.calphot.ephemeris.EclipseTimers.byName(a.model(), Location.key(null, 0, "--model"));
        boolean json = a.json();
        if (a.ephemeris() == null && !json) {
            if (prior != null) {
                out.printf(Locale.ROOT, "cycle numbers from a least-squares fit of the %d eclipse times in %s: "
                        + "T0 = %.7f, P = %.10f%n", table.size(), file, prior.t0BmjdTdb(), prior.periodDays());
            }
        }
        if (a.ephemeris() == null && prior == null) {
            warnings.warn("no prior ephemeris (--ephemeris T0 P, or >= 2 cycles in " + file + "): the deepest "
                    + "eclipse of each log is timed and given cycle 0, as cal_phot did; edit the cycles in");
        }
        EclipseTimer.Options options = EclipseTimer.Options.defaults().withSampler(16, EclipseTimes.TIMING_STEPS, a.seed());
        if (window) {
            options = options.withWindow(a.windowStart(), a.windowEnd());
        }
        OutputFiles files = OutputFiles.direct(dir);
        List<Path> written = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        List<Object> jsonEclipses = new ArrayList<>();
        List<Object> jsonNotTimed = new ArrayList<>();
        List<Object> jsonBandMeans = new ArrayList<>();
        List<String> choices = new ArrayList<>();
        int timed = 0;
        pm.begin("eclipse times", a.logs().size());
        for (Path log : a.logs()) {
            pm.checkCanceled();
            pm.subTask("timing " + log.getFileName());
            Location where = Location.of(log.toString());
            boolean every = ALL_CCDS.equalsIgnoreCase(a.ccd());
            List<Curve> curves = every ? everyCcd(log, request, warnings)
                    : List.of(countRatio(log, a.ccd(), request, warnings));
            // --ccd all: each eclipse's per-band times, the file gets their weighted mean
            java.util.Map<Integer, List<EclipseTiming>> byCycle = new java.util.TreeMap<>();
            java.util.Map<Integer, List<String>> ccdsByCycle = new java.util.TreeMap<>();
            for (Curve c : curves) {
                choices.add(String.format(Locale.ROOT, "%s: CCD %s (%s, eclipse S/N %.0f)", log.getFileName(),
                        c.ccd(), c.choice(), c.snr()));
                EclipseTimes.Timed t = EclipseTimes.time(model, c.bmjdTdb(), c.ratio(), c.ratioErr(), prior, options,
                        pm, warnings, where);
                for (EclipseTimer.NotTimed n : t.notTimed()) {
                    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("log", log.toString());
                    m.put("ccd", c.ccd());
                    m.put("cycle", prior != null ? n.cycle() : null);
                    m.put("predicted_bmjd_tdb", Double.isFinite(n.predictedBmjdTdb()) ? n.predictedBmjdTdb()
                            : null);
                    m.put("reason", n.reason());
                    jsonNotTimed.add(m);
                }
                if (t.timings().isEmpty()) {
                    continue;
                }
                timed += every ? 0 : t.timings().size();
                String source = EclipseTimes.sourceName(log, dir);
                if (!every) {
                    table = table.withSource(source, t.cycles(), t.times(), t.errors());
                }
                for (int k = 0; k < t.timings().size(); k++) {
                    EclipseTiming e = t.timings().get(k);
                    int cycle = t.cycles()[k];
                    String stem = EclipseTimes.figureStem(log, cycle, e.midBmjdTdb(), prior != null)
                            + (every ? "_ccd" + c.ccd() : "");
                    if (figures != null) {
                        String title = String.format(Locale.ROOT, "%s, CCD %s: eclipse %s", log.getFileName(),
                                c.ccd(), prior != null ? "E = " + cycle : "(no cycle number)");
                        written.addAll(figures.writeEclipseFigure(files, EclipseTimes.FOLDER, stem, title,
                                "Target / comparison count ratio", e));
                    }
                    jsonEclipses.add(EclipseTimes.json(log.toString(), c.ccd(), "ccd" + c.ccd(), prior != null
                            ? (Object) cycle : null, e, prior != null ? EclipseTimes.ocSeconds(e.midBmjdTdb(), prior,
                                    cycle) : Double.NaN));
                    rows.add(String.format(Locale.ROOT, "%s %4s %8s %16.8f %7.2f %9s %8.1f %6.2f",
                            log.getFileName(), c.ccd(),
                            prior != null ? Integer.toString(cycle) : "-", e.midBmjdTdb(), e.error() * 86400,
                            prior != null ? String.format(Locale.ROOT, "%.2f", EclipseTimes.ocSeconds(e.midBmjdTdb(),
                                    prior, cycle)) : "-", e.width() * 86400, e.reducedChi2())
                            + String.format(Locale.ROOT, " %.2f/%.2f %s", e.errWhite() * 86400, e.errRed() * 86400,
                                    e.errMethod()));
                    byCycle.computeIfAbsent(cycle, x -> new ArrayList<>()).add(e);
                    ccdsByCycle.computeIfAbsent(cycle, x -> new ArrayList<>()).add(c.ccd());
                }
            }
            pm.worked(1);
            if (every && !byCycle.isEmpty()) {
                timed += byCycle.size();
                table = bandMeans(log, prior, byCycle, ccdsByCycle, table, EclipseTimes.sourceName(log, dir), rows,
                        jsonBandMeans, warnings);
            }
        }
        if (timed == 0 && json) {
            // the reasons are the answer: print them, then fail as without --json
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("eclipses", jsonEclipses);
            m.put("not_timed", jsonNotTimed);
            if (!jsonBandMeans.isEmpty()) {
                m.put("band_means", jsonBandMeans);
            }
            out.println(JsonWriter.write(m));
            out.flush();
        }
        if (timed == 0) {
            throw new BadInputException("no eclipse was timed in " + (a.logs().size() == 1 ? "the log"
                    : "any of the " + a.logs().size() + " logs") + "; " + file + " is unchanged");
        }
        try {
            EclipseTimesFile.write(file, table);
        } catch (IOException e) {
            throw new CalphotException("cannot write " + file + ": " + e.getMessage(), Location.of(file.toString()),
                    e);
        }
        if (json) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("eclipses", jsonEclipses);
            m.put("not_timed", jsonNotTimed);
            if (!jsonBandMeans.isEmpty()) {
                m.put("band_means", jsonBandMeans);
            }
            out.println(JsonWriter.write(m));
            out.flush();
            return 0;
        }
        for (String ch : choices) {
            out.println("timed on " + ch + ", model " + model.name());
        }
        // the log name column as wide as the longest name
        int w = 3;
        for (Path log : a.logs()) {
            w = Math.max(w, log.getFileName().toString().length());
        }
        out.printf(Locale.ROOT, "%-" + w + "s %4s %8s %16s %7s %9s %8s %6s %s%n", "log", "ccd", "cycle", "BMJD(TDB)",
                "err(s)", "O-C(s)", "width(s)", "chi2nu", "errors white/red (s)");
        for (String r : rows) {
            int sp = r.indexOf(' ');
            out.println(String.format(Locale.ROOT, "%-" + w + "s", r.substring(0, sp)) + r.substring(sp));
        }
        if (prior != null) {
            out.printf(Locale.ROOT, "O-C against T0 = %.7f BMJD(TDB), P = %.11f d%n", prior.t0BmjdTdb(),
                    prior.periodDays());
        }
        out.printf(Locale.ROOT, "%d eclipse(s) timed; %s now holds %d eclipse times from %d source(s)%n", timed, file,
                table.size(), table.sources().size());
        for (Path p : written) {
            out.println("wrote " + p);
        }
        out.flush();
        return 0;
    }

    /** {@code --ccd all}: time every CCD with a comparison and give each eclipse the bands' weighted mean. */
    public static final String ALL_CCDS = "all";

    /** Every CCD of the log with data and a comparison aperture. */
    private List<Curve> everyCcd(Path logFile, TimeRequest request, Warnings warnings) throws CalphotException {
        PhotometryLog log = logs.read(logFile, warnings);
        List<Curve> out = new ArrayList<>();
        for (CcdTable c : log.ccds()) {
            if (c.rows() > 0 && c.apertureLabels().size() >= 2) {
                out.add(countRatio(logFile, log, c, request, warnings).chosen("--ccd all"));
            }
        }
        if (out.isEmpty()) {
            throw new BadInputException("no CCD has data and a comparison aperture", Location.of(logFile.toString()));
        }
        return out;
    }

    /**
     * The weighted mean of each eclipse over the bands that timed it ({@link BandMean}), a warning when
     * they disagree beyond their errors; the means replace the log's rows of the table.
     */
    private static EclipseTimeTable bandMeans(Path log, Ephemeris prior, java.util.Map<Integer, List<EclipseTiming>>
            byCycle, java.util.Map<Integer, List<String>> ccds, EclipseTimeTable table, String source,
            List<String> rows, List<Object> json, Warnings warnings) {
        int n = byCycle.size();
        int[] cycles = new int[n];
        double[] times = new double[n];
        double[] errs = new double[n];
        int k = 0;
        for (var en : byCycle.entrySet()) {
            List<EclipseTiming> ts = en.getValue();
            double[] t = new double[ts.size()];
            double[] e = new double[ts.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = ts.get(i).midBmjdTdb();
                e[i] = ts.get(i).error();
            }
            BandMean m = BandMean.of(ccds.get(en.getKey()).toArray(new String[0]), t, e);
            if (m.warning() != null) {
                warnings.warn(Location.of(log.toString()), "eclipse " + (prior != null ? "E = " + en.getKey() : "")
                        + ": " + m.warning());
            }
            double oc = prior != null ? EclipseTimes.ocSeconds(m.midBmjdTdb(), prior, en.getKey()) : Double.NaN;
            rows.add(String.format(Locale.ROOT, "%s %4s %8s %16.8f %7.2f %9s %8s %6s weighted mean of %d CCDs,"
                    + " chi2 %.1f", log.getFileName(), "mean", prior != null ? Integer.toString(en.getKey()) : "-",
                    m.midBmjdTdb(), m.error() * 86400, prior != null ? String.format(Locale.ROOT, "%.2f", oc) : "-",
                    "-", "-", m.n(), m.chi2()));
            java.util.Map<String, Object> j = new java.util.LinkedHashMap<>();
            j.put("log", log.toString());
            j.put("cycle", prior != null ? (Object) en.getKey() : null);
            j.put("ccds", List.of(m.bands()));
            j.put("bmjd_tdb", m.midBmjdTdb());
            j.put("err_s", m.error() * 86400);
            j.put("chi2", m.chi2());
            j.put("oc_s", Double.isFinite(oc) ? oc : null);
            j.put("warning", m.warning());
            json.add(j);
            cycles[k] = en.getKey();
            times[k] = m.midBmjdTdb();
            errs[k] = m.error();
            k++;
        }
        return table.withSource(source, cycles, times, errs);
    }

    /** Aperture 1 over the sum of the other apertures of one CCD (first CCD with data by default). */
    public Curve countRatio(Path logFile, String ccdLabel, TimeRequest request, Warnings warnings)
            throws CalphotException {
        PhotometryLog log = logs.read(logFile, warnings);
        if (ccdLabel == null) {
            // the CCD whose eclipse has the highest signal-to-noise
            Curve best = null;
            int candidates = 0;
            for (CcdTable c : log.ccds()) {
                if (c.rows() == 0 || c.apertureLabels().size() < 2) {
                    continue;
                }
                candidates++;
                Curve k = countRatio(logFile, log, c, request, Warnings.IGNORE);
                if (best == null || k.snr() > best.snr() || !(best.snr() >= 0)) {
                    best = k;
                }
            }
            if (best != null) {
                return countRatio(logFile, log, log.ccd(best.ccd()), request, warnings).chosen(candidates > 1
                        ? "highest eclipse S/N of " + candidates + " CCDs" : "the only CCD with data");
            }
        }
        CcdTable ccd = null;
        List<String> labels = new ArrayList<>();
        for (CcdTable c : log.ccds()) {
            labels.add(c.ccd());
            if (ccdLabel == null ? ccd == null && c.rows() > 0 : c.ccd().equals(ccdLabel)) {
                ccd = c;
            }
        }
        if (ccd == null || ccd.rows() == 0) {
            throw new BadInputException(ccdLabel == null ? "the log has no data lines"
                    : "CCD '" + ccdLabel + "' " + (ccd == null ? "is not in the log (CCDs: " + String.join(", ", labels)
                            + ")" : "has no data lines"), Location.of(logFile.toString()));
        }
        return countRatio(logFile, log, ccd, request, warnings).chosen(ccdLabel == null ? "first CCD with data"
                : "--ccd");
    }

    private Curve countRatio(Path logFile, PhotometryLog log, CcdTable ccd, TimeRequest request, Warnings warnings)
            throws CalphotException {
        CalibrationOptions copts = CalibrationOptions.DEFAULTS;
        List<String> comps = new ArrayList<>(ccd.apertureLabels());
        comps.remove(copts.targetLabel());
        if (comps.isEmpty()) {
            throw new BadInputException("CCD " + ccd.ccd() + " has no comparison aperture (aperture "
                    + copts.targetLabel() + " is the target)", Location.of(logFile.toString()));
        }
        CalibratedLightcurve lc = calibrator.calibrate(ccd,
                ComparisonMagnitudes.unitComparison(ccd.ccd(), "ccd" + ccd.ccd(), comps), copts, warnings);
        double[] bmjd = time.correct(request, lc.mjdUtc(), warnings).bmjdTdb();
        return new Curve(ccd.ccd(), bmjd, lc.ratio(), lc.ratioErr(), lc.comparisonLabels(),
                EclipseTimes.eclipseSnr(bmjd, lc.ratio(), lc.ratioErr()), "given");
    }
}
