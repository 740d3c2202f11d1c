package org.calphot.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.calphot.config.CalphotJob;
import org.calphot.config.LogSpec;
import org.calphot.config.OutputFormat;
import org.calphot.config.Payload;
import org.calphot.config.PointMask;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.CancelledException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.Column;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.photometry.AbMagnitudes;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.core.photometry.CalibrationOptions;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.photometry.MagnitudeSource;
import org.calphot.core.time.TimeColumns;
import org.calphot.core.time.TimeRequest;
import org.calphot.core.util.Json;
import org.calphot.pipeline.internal.CalibFile;
import org.calphot.pipeline.internal.Rendered;
import org.calphot.core.util.PyFloat;
import org.calphot.pipeline.internal.RunLog;
import org.calphot.pipeline.internal.Staging;
import org.calphot.pipeline.internal.TableFiles;

/**
 * Runs a validated cal_phot job: for every log of every payload that extracts data, read the log,
 * get the comparison magnitudes, calibrate each CCD, convert times to BMJD(TDB), fold on the
 * log's eclipse (the original's cycle rule), slice the phase range, and write the lightcurves,
 * observing log, Calibration.txt, provenance.json and figures. Logs run in parallel; outputs are
 * staged and moved into place only when everything succeeded.
 */
public final class Pipeline {

    /** Where cal_phot put its lightcurves; kept so downstream scripts find them. */
    public static final String LIGHTCURVE_FOLDER = "MCMC_LIGHTCURVES";
    /** Progress units per step, so samplers inside a step can report fractions of it. */
    static final int PROGRESS_SCALE = 100;

    private final PipelineServices services;

    public Pipeline(PipelineServices services) {
        this.services = services;
    }

    public RunResult run(CalphotJob job, RunOptions options, ProgressMonitor monitor, Warnings warnings)
            throws CalphotException {
        long started = System.nanoTime();
        ProgressMonitor pm = monitor == null ? ProgressMonitor.NULL : monitor;
        List<String> warningLines = new ArrayList<>();
        java.util.Set<String> shown = new java.util.HashSet<>();
        Warnings recorded = (where, message) -> {
            String line = where == null || where.toString().isEmpty() ? message : where + ": " + message;
            // the same note for every CCD of a log is shown once (all are recorded)
            String key = line.replaceFirst("CCD [^:]+: ", "CCD *: ");
            boolean first;
            synchronized (warningLines) {
                warningLines.add(line);
                first = shown.add(key);
            }
            if (first) {
                warnings.warn(where, key.equals(line) ? message : message.replaceFirst("CCD [^:]+: ", "CCD *: "));
            }
        };
        Set<OutputFormat> formats = options.formats() != null ? options.formats() : job.outputFormats();
        Path base = options.outDir() != null ? options.outDir().toAbsolutePath().normalize() : job.directory();
        String configSha = sha256(job.configText().getBytes(StandardCharsets.UTF_8));
        org.calphot.pipeline.internal.OutputFolder.checkUsable(base, options.outDir() != null
                ? Location.key(null, 0, "--out") : Location.key(job.configFile().toString(), 0, "directory"));
        // one run at a time per output folder: the run-N choice and the commit happen under the lock
        try (org.calphot.pipeline.internal.OutputFolder folder = org.calphot.pipeline.internal.OutputFolder.lock(base,
                configSha, pm, msg -> (msg.startsWith("waiting: ") ? warnings : recorded).warn(Location.NONE, msg))) {
            return run(job, options, pm, recorded, warningLines, formats, base, configSha, started);
        }
    }

    private RunResult run(CalphotJob job, RunOptions options, ProgressMonitor pm, Warnings recorded,
            List<String> warningLines, Set<OutputFormat> formats, Path base, String configSha, long started)
            throws CalphotException {
        Path out = chooseOutputFolder(base, configSha);
        boolean newFolder = !out.equals(base);
        org.calphot.pipeline.internal.OutputFolder.checkInside(out, List.of(
                Path.of(LIGHTCURVE_FOLDER, "FIGS", "x"), EclipseTimes.FOLDER.resolve("x")));

        RunLog runLog = new RunLog(options.logListener());
        String banner = "# ".repeat(20);
        runLog.say(banner + "BEGIN BATCH CALIBRATION " + banner);
        runLog.say("Output directory: " + out);
        if (newFolder) {
            runLog.say(base + " holds the outputs of a different config; this run writes to " + out);
        }
        runLog.say("T0 = %s BMJD(TDB), P = %s d", PyFloat.repr(job.t0()), PyFloat.repr(job.period()));
        runLog.say("Target: %s = %s, ICRS (a decimal RA in the config is hours, as cal_phot)", job.targetCoords(),
                job.target().describeBothForms());

        List<Task> tasks = new ArrayList<>();
        for (Payload p : job.payloads()) {
            if (!p.extractData()) {
                runLog.say("Payload '%s': extract data is false, skipped", p.name());
                continue;
            }
            for (LogSpec spec : p.logs()) {
                tasks.add(new Task(p, spec));
            }
        }
        // progress in units of PROGRESS_SCALE per log, the end and each ephemeris step (the samplers report finely)
        int ephUnits = EphemerisStep.needed(job) ? EphemerisStep.units(job) : 0;
        pm.begin("calphot run", (tasks.size() + 1 + ephUnits) * PROGRESS_SCALE);

        ColourTerms.checkNamedSystems(job, services.filterSystems());
        MagnitudeResolver mags = new MagnitudeResolver(job, services.catalogues(), services.filterSystems(), options,
                recorded);
        List<LogResult> results = new ArrayList<>();
        List<RunLog> logLogs = new ArrayList<>();
        Map<String, Object> provenanceLogs = new LinkedHashMap<>();
        try (Staging staging = new Staging(out)) {
            int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
            // eclipse times and the ephemeris fit come first, as in cal_phot: the fitted T0, P fold the lightcurves
            EphemerisStep.Result eph = EphemerisStep.needed(job)
                    ? EphemerisStep.run(services, job, options, base, out, staging, pm, PROGRESS_SCALE, recorded,
                            runLog)
                    : new EphemerisStep.Result(job.t0(), job.period(), "config", null);
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())));
            try {
                List<Future<Done>> futures = new ArrayList<>();
                for (Task t : tasks) {
                    Warnings perLog = (where, message) -> recorded.warn(
                            where == null || where.toString().isEmpty() ? Location.of(t.spec().log().getFileName().toString())
                                    : where, message);
                    futures.add(pool.submit(() -> processNamed(job, t, eph.t0(), eph.period(), mags, formats, options,
                            staging, pm, perLog)));
                }
                for (Future<Done> f : futures) {
                    Done d = get(f);
                    results.add(d.result);
                    logLogs.add(d.log);
                    provenanceLogs.put(d.result.log().toString(), d.provenance);
                    pm.worked(PROGRESS_SCALE);
                }
            } finally {
                pool.shutdownNow();
            }
            pm.checkCanceled();
            for (RunLog l : logLogs) {
                runLog.append(l);
            }

            List<Path> figures = new ArrayList<>();
            if (services.figures() != null) {
                pm.subTask("figures");
                Path figDir = Path.of(LIGHTCURVE_FOLDER, "FIGS");
                String oname = job.payloads().isEmpty() ? "calphot" : job.payloads().get(0).oname();
                figures.addAll(services.figures().writeAllFigures(staging, figDir, oname,
                        job.overplot() ? job.overplotFilename() : null, results));
            }

            // observing log: appended as the original did, one row per log
            Path obsRel = Path.of(job.observingLogName());
            String obsText = observingLog(out.resolve(obsRel), results);
            staging.write(obsRel, o -> o.write(obsText.getBytes(StandardCharsets.UTF_8)));

            // a cancel after this point would list files that are then never moved into place
            pm.checkCanceled();
            runLog.say("Created these files:");
            for (Path f : staging.files()) {
                if (f.toString().endsWith(".calib")) {
                    runLog.say("  " + f);
                }
            }
            synchronized (warningLines) {
                for (String w : warningLines) {
                    runLog.say("WARNING: " + w);
                }
            }
            String calibration = runLog.calibrationTxt(job.configText());
            staging.write(Path.of("Calibration.txt"), o -> o.write(calibration.getBytes(StandardCharsets.UTF_8)));

            Map<String, Object> prov = provenance(job, eph, options, configSha, out, formats, provenanceLogs, mags,
                    warningLines, started);
            prov.put("outputs", outputHashes(staging));
            staging.write(Path.of("provenance.json"),
                    o -> o.write((Json.pretty(prov) + "\n").getBytes(StandardCharsets.UTF_8)));
            pm.checkCanceled();
            List<Path> written = staging.files();
            staging.commit();
            pm.worked(PROGRESS_SCALE);
            return new RunResult(out, newFolder, results, written, prov);
        }
    }

    private record Task(Payload payload, LogSpec spec) {
    }

    /** Lines of parallel logs interleave: each carries its log's name. */
    private static java.util.function.Consumer<String> prefixed(java.util.function.Consumer<String> l, String name) {
        return l == null ? null : line -> l.accept(line.isEmpty() ? "[" + name + "]" : "[" + name + "] " + line);
    }

    private record Done(LogResult result, RunLog log, Map<String, Object> provenance) {
    }

    private static Done get(Future<Done> f) throws CalphotException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof CalphotException ce) {
                throw ce;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new CalphotException("failed: " + c, c);
        }
    }

    /** {@link #process} with every error naming its log: a message without a file gets the log's path. */
    private Done processNamed(CalphotJob job, Task task, double t0, double period, MagnitudeResolver mags,
            Set<OutputFormat> formats, RunOptions options, Staging staging, ProgressMonitor pm, Warnings warnings)
            throws CalphotException {
        try {
            return process(job, task, t0, period, mags, formats, options, staging, pm, warnings);
        } catch (CancelledException e) {
            throw e;
        } catch (CalphotException e) {
            Location at = e.location();
            if (at != null && at.file() != null) {
                throw e;
            }
            Location named = at == null ? Location.of(task.spec().log().toString())
                    : new Location(task.spec().log().toString(), at.line(), at.column(), at.key());
            throw e instanceof BadInputException ? new BadInputException(e.getMessage(), named, e)
                    : new CalphotException(e.getMessage(), named, e);
        } catch (OutOfMemoryError e) {
            throw org.calphot.core.log.LogReaders.outOfMemory(task.spec().log());
        }
    }

    private Done process(CalphotJob job, Task task, double t0, double period, MagnitudeResolver mags,
            Set<OutputFormat> formats, RunOptions options, Staging staging, ProgressMonitor pm, Warnings warnings)
            throws CalphotException {
        pm.checkCanceled();
        Payload p = task.payload();
        LogSpec spec = task.spec();
        RunLog log = new RunLog(prefixed(options.logListener(), spec.log().getFileName().toString()));
        Map<String, Object> prov = new LinkedHashMap<>();
        pm.subTask("reading " + spec.log().getFileName());
        log.say("");
        log.say("Reading %s (payload '%s', %s, observed from '%s')", spec.log(), p.name(),
                p.instrument().displayName(), p.observatory());
        PhotometryLog plog = services.logs().read(spec.log(), warnings);
        prov.put("sha256", sha256(spec.log()));
        prov.put("format", plog.header().format());
        prov.put("pipeline_version", plog.header().pipelineVersion());

        List<CcdTable> ccds = new ArrayList<>();
        List<Integer> ccdIndex = new ArrayList<>(); // position among all CCDs: the i-th band is CCD i+1
        for (int i = 0; i < plog.ccds().size(); i++) {
            if (plog.ccds().get(i).rows() > 0) {
                ccds.add(plog.ccds().get(i));
                ccdIndex.add(i);
            }
        }
        if (ccds.isEmpty()) {
            throw new BadInputException("the log has no data lines", Location.of(spec.log().toString()));
        }
        List<String> bands = bandsFor(p, spec, plog.ccds().size(), warnings);
        log.say("CCD bands: %s", String.join(", ", bands));

        // eclipse and cycle number from the first CCD's times, by the original's rule (section 4.4)
        TimeRequest request = new TimeRequest(p.site(), job.target(), p.airmassFormula());
        log.say("Correcting observations from MJD(UTC) to BMJD(TDB) (observed from '%s': lat %.5f, lon %.5f, %.0f m)",
                p.observatory(), p.site().latDeg(), p.site().lonEastDeg(), p.site().heightM());
        CcdTable first = ccds.get(0);
        double[] firstMjd = finiteTimes(first);
        if (firstMjd.length == 0) {
            throw new BadInputException("CCD " + first.ccd() + " has no valid times", Location.of(spec.log().toString()));
        }
        double[] firstBmjd = services.time().correct(request, firstMjd, warnings).bmjdTdb();
        long cycle;
        try {
            cycle = cycleNumber(firstBmjd, t0, period);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("T0 " + PyFloat.repr(t0) + ", period " + PyFloat.repr(period) + " do not fit "
                    + spec.log() + ": " + e.getMessage(), Location.key(job.configFile().toString(), 0, "T0"));
        }
        java.time.LocalDate date = observationDate(first);
        double eclipse = t0 + cycle * period;
        log.say("The mean BMJD of CCD %s is %s; the eclipse is then at cycle %d, time %s BMJD(TDB)", first.ccd(),
                PyFloat.repr(mean(firstBmjd)), cycle, PyFloat.repr(eclipse));

        CalibrationOptions copts = CalibrationOptions.DEFAULTS.withIgnoreFlags(p.ignoreFlags())
                .withDropComparisonPerFrame(p.dropBadComparisons());
        if (p.ignoreFlags() != 0) {
            log.say("Ignoring flags: %s", String.join(", ", org.calphot.core.log.LogFlags.names(p.ignoreFlags())));
        }
        List<PointMask.Rule> maskRules = PointMask.of(job).of(spec.log());
        if (!maskRules.isEmpty()) {
            prov.put("mask_points", maskRules.stream().map(PointMask.Rule::describe).toList());
        }
        List<CcdResult> ccdResults = new ArrayList<>();
        List<Object> ccdProv = new ArrayList<>();
        for (int k = 0; k < ccds.size(); k++) {
            pm.checkCanceled();
            CcdTable ccd = ccds.get(k);
            int index = ccdIndex.get(k);
            String band = index < bands.size() ? bands.get(index) : "ccd" + ccd.ccd();
            List<String> comps = new ArrayList<>(ccd.apertureLabels());
            comps.remove(copts.targetLabel());
            if (comps.isEmpty()) {
                throw new BadInputException("CCD " + ccd.ccd() + " has no comparison aperture (aperture "
                        + copts.targetLabel() + " is the target)", Location.of(spec.log().toString()));
            }
            ComparisonMagnitudes m = mags.resolve(p, spec, index, ccd.ccd(), band, comps, date, log);
            CalibratedLightcurve lc = services.calibrator().calibrate(ccd, m, copts, warnings);
            TimeColumns tc = services.time().correct(request, lc.mjdUtc(), warnings);
            double[] phase = new double[lc.size()];
            boolean[] keep = new boolean[lc.size()];
            for (int i = 0; i < phase.length; i++) {
                phase[i] = (tc.bmjdTdb()[i] - eclipse) / period;
                keep[i] = phase[i] > p.phaseLow() && phase[i] < p.phaseHigh();
            }
            // frames the user marked bad ('mask points'): out of every output, like frames outside the phase range
            List<Integer> masked = new ArrayList<>();
            if (!maskRules.isEmpty()) {
                int[] nframe = ccd.nframe();
                for (int i = 0; i < keep.length; i++) {
                    int nf = nframe[lc.frameRow()[i]];
                    for (PointMask.Rule r : maskRules) {
                        if (r.masks(ccd.ccd(), nf, tc.bmjdTdb()[i])) {
                            keep[i] = false;
                            masked.add(nf);
                            break;
                        }
                    }
                }
            }
            int[] flags = frameFlags(ccd, lc, copts.targetLabel());
            if (lc.size() > 0 && java.util.stream.IntStream.range(0, keep.length).noneMatch(i -> keep[i])) {
                double[] ph = java.util.Arrays.stream(phase).filter(Double::isFinite).toArray();
                warnings.warn(Location.key(job.configFile().toString(), 0, "extract." + p.name() + ".phase range"),
                        "CCD " + ccd.ccd() + ": the phase range " + PyFloat.repr(p.phaseLow()) + " to "
                                + PyFloat.repr(p.phaseHigh()) + " selects no frame of " + spec.log().getFileName()
                                + (ph.length == 0 ? "" : String.format(Locale.ROOT, " (its phases run from %.3f to %.3f)",
                                        min(ph), max(ph))) + "; its lightcurve files are empty");
            }
            CcdResult partial = new CcdResult(ccd.ccd(), band, lc, tc.bmjdTdb(), tc.airmass(), phase, keep, flags,
                    null);
            log.say("CCD %s (%s): apertures %s; comparisons used %s; sum comparison flux %.3f mJy", ccd.ccd(), band,
                    ccd.apertureLabels(), lc.comparisonLabels(), lc.comparisonFluxMjy());
            log.say("  frames: %s", lc.rejections().toMap());
            if (!masked.isEmpty()) {
                log.say("  %d frames masked by 'mask points': %s", masked.size(), masked);
            }
            log.say("  %d of %d frames inside phase %s -> %s; mean ratio %.4f, mean target magnitude %.3f",
                    partial.keptInPhase(), lc.size(), PyFloat.repr(p.phaseLow()), PyFloat.repr(p.phaseHigh()),
                    lc.meanRatio(), lc.meanTargetMag());
            for (String msg : lc.diagnostics().messages()) {
                log.say("  comparison check: " + msg);
            }
            Map<String, Object> cp = new LinkedHashMap<>();
            cp.put("ccd", ccd.ccd());
            cp.put("band", band);
            cp.put("magnitudes", magnitudesMap(m));
            Map<String, Object> colourTerm = mags.colourTermChoice(spec, ccd.ccd());
            if (colourTerm != null) {
                cp.put("colour_term", colourTerm);
            }
            cp.put("comparisons_used", lc.comparisonLabels());
            cp.put("comparison_flux_mjy", lc.comparisonFluxMjy());
            cp.put("frames", lc.rejections().toMap());
            cp.put("frames_in_phase_range", partial.keptInPhase());
            if (!maskRules.isEmpty()) {
                cp.put("masked_frames", masked);
            }
            cp.put("mean_ratio", lc.meanRatio());
            cp.put("mean_target_mag", lc.meanTargetMag());
            cp.put("calibration_error", lc.budget() == null ? null : lc.budget().toMap());
            cp.put("comparison_warnings", lc.diagnostics().messages());
            ccdProv.add(cp);
            ccdResults.add(partial);
        }
        double[] allMjd = first.mjdUtc();
        LogResult result = new LogResult(p.name(), spec.log(), p.oname(), p.instrument().key(), p.observatory(), bands,
                eclipse, cycle, p.phaseLow(), p.phaseHigh(), p.fluxCalibrate(), ccdResults, min(allMjd),
                max(allMjd));

        // write the lightcurves
        List<CcdResult> withFiles = new ArrayList<>();
        String stem = p.oname() + "_" + eclipseStamp(eclipse);
        for (CcdResult c : ccdResults) {
            Path calibPath = null;
            String name = uniqueStem(staging, stem, c.band());
            if (formats.contains(OutputFormat.CALIB)) {
                Path rel = Path.of(LIGHTCURVE_FOLDER, name + ".calib");
                calibPath = staging.write(rel, Rendered.of(o -> CalibFile.write(o, result, c, t0, period)));
                log.say("Wrote data to " + rel);
            }
            if (formats.contains(OutputFormat.CSV)) {
                staging.write(Path.of(LIGHTCURVE_FOLDER, name + ".csv"),
                        Rendered.of(o -> TableFiles.csv(o, result, c, options.programVersion())));
            }
            if (formats.contains(OutputFormat.FITS)) {
                staging.write(Path.of(LIGHTCURVE_FOLDER, name + ".fits"),
                        Rendered.of(o -> TableFiles.fits(o, result, c, t0, period, options.programVersion())));
            }
            if (formats.contains(OutputFormat.LCURVE)) {
                staging.write(Path.of(LIGHTCURVE_FOLDER, name + ".lcurve"), Rendered.of(o -> TableFiles.lcurve(o, c)));
            }
            withFiles.add(new CcdResult(c.ccd(), c.band(), c.lightcurve(), c.bmjdTdb(), c.airmass(), c.phase(),
                    c.inPhaseRange(), c.flags(), calibPath));
        }
        LogResult finalResult = new LogResult(result.payload(), result.log(), result.oname(), result.instrument(),
                result.observatory(), result.bands(), result.eclipseBmjd(), result.cycle(), result.phaseLow(),
                result.phaseHigh(), result.fluxCalibrated(), withFiles, result.firstMjdUtc(), result.lastMjdUtc());
        prov.put("payload", p.name());
        prov.put("eclipse_bmjd_tdb", eclipse);
        prov.put("cycle", cycle);
        prov.put("ccds", ccdProv);
        return new Done(finalResult, log, prov);
    }

    /** Stem unique within the run: the original silently overwrote same-minute eclipses. */
    private static String uniqueStem(Staging staging, String stem, String band) {
        String name = stem + "_" + band;
        for (int n = 2; !staging.reserve(name); n++) {
            name = stem + "-" + n + "_" + band;
        }
        return name;
    }

    private static List<String> bandsFor(Payload p, LogSpec spec, int nccd, Warnings warnings)
            throws CalphotException {
        if (!spec.bands().isEmpty()) {
            return spec.bands(); // the config mode's keys name the bands of this log
        }
        List<String> b = new ArrayList<>(p.bands());
        if (b.isEmpty() && spec.coords() != null) {
            // catalogue mode: the .coords file names the band of each CCD (ULTRASPEC configs rely on it)
            b.addAll(new org.calphot.io.CoordsReader().read(spec.coords(), Warnings.IGNORE).bands());
        }
        if (b.size() > nccd) {
            // more bands than CCDs: the payload is for another instrument or the bands are wrong
            throw new BadInputException("payload '" + p.name() + "' names " + b.size() + " bands (" + String.join(", ", b)
                    + ") but " + spec.log() + " has " + nccd + " CCD" + (nccd == 1 ? "" : "s"),
                    p.where() == null ? Location.of(spec.log().toString()) : p.where());
        }
        while (b.size() < nccd) {
            b.add("ccd" + (b.size() + 1));
        }
        return b;
    }

    /** Farthest the data may lie from T0, in cycles: beyond it T0 or the period is surely wrong. */
    public static final double MAX_CYCLES = 1e6;

    /**
     * The original's rule: E = rint((mean t - T0)/P), then moved until T0 + E P lies within the data
     * (up while below the first time, then down while above the last), computed directly rather than
     * by stepping, so a T0 far from the data costs nothing. Refuses (IllegalArgumentException) data more
     * than {@link #MAX_CYCLES} cycles from T0 or a period that is not a positive finite number.
     */
    public static long cycleNumber(double[] bmjd, double t0, double period) {
        if (!(period > 0) || !Double.isFinite(period) || !Double.isFinite(t0)) {
            throw new IllegalArgumentException("T0 and the period must be finite and the period positive");
        }
        double lo = min(bmjd);
        double hi = max(bmjd);
        double x = (mean(bmjd) - t0) / period;
        if (!(Math.abs(x) <= MAX_CYCLES)) {
            throw new IllegalArgumentException("the data lie " + (Double.isFinite(x) ? String.format(Locale.ROOT,
                    "%.3g", Math.abs(x)) : "infinitely many") + " cycles from T0 (more than "
                    + (long) MAX_CYCLES + ")");
        }
        long e = (long) Math.rint(x);
        if (t0 + e * period < lo) {
            e = (long) Math.ceil((lo - t0) / period) - 1; // one below, then the exact test in floating point
            while (t0 + e * period < lo) {
                e++;
            }
        }
        if (t0 + e * period > hi) {
            e = (long) Math.floor((hi - t0) / period) + 1;
            while (t0 + e * period > hi) {
                e--;
            }
        }
        return e;
    }

    /** {@code YYYY-MM-DD@HHhMMm} of the eclipse time (a BMJD read as a calendar date, as the original did). */
    public static String eclipseStamp(double mjd) {
        long ms = Math.round((mjd - 40587.0) * 86400000.0);
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC);
        return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'@'HH'h'mm'm'", Locale.ROOT));
    }

    /** UTC date of a CCD's first valid time: picks the colour terms valid that night (ULTRACAM changed in 2019). */
    static java.time.LocalDate observationDate(CcdTable c) {
        double[] t = finiteTimes(c);
        return t.length == 0 ? null : java.time.LocalDate.ofEpochDay((long) Math.floor(t[0]) - 40587);
    }

    private static double[] finiteTimes(CcdTable c) {
        double[] t = c.mjdUtc();
        return java.util.Arrays.stream(t).filter(Double::isFinite).toArray();
    }

    private static int[] frameFlags(CcdTable ccd, CalibratedLightcurve lc, String target) {
        int[] out = new int[lc.size()];
        List<String> labels = new ArrayList<>(lc.comparisonLabels());
        labels.add(target);
        for (String l : labels) {
            ApertureTable a = ccd.aperture(l);
            Column f = a == null ? null : a.flags();
            if (f == null) {
                continue;
            }
            for (int i = 0; i < out.length; i++) {
                double v = f.value(lc.frameRow()[i]);
                if (Double.isFinite(v)) {
                    out[i] |= (int) (long) v;
                }
            }
        }
        return out;
    }

    private static Map<String, Object> magnitudesMap(ComparisonMagnitudes m) {
        Map<String, Object> mm = new LinkedHashMap<>();
        mm.put("source", m.source().name());
        mm.put("labels", m.labels());
        mm.put("mag", m.mag());
        mm.put("mag_err", m.magErr());
        mm.put("zero_point_err", m.zeroPointErr());
        mm.put("extinction_err", m.extinctionErr());
        mm.put("origin", m.provenance());
        double[] flux = new double[m.labels().size()];
        for (int i = 0; i < flux.length; i++) {
            flux[i] = m.used(i) ? AbMagnitudes.toMilliJansky(m.mag(i)) : Double.NaN;
        }
        mm.put("flux_mjy", flux);
        return mm;
    }

    /**
     * The configured directory, unless it holds the provenance of a run of a different config: then
     * the first free {@code run-N} folder inside it, so earlier results are never silently replaced.
     */
    static Path chooseOutputFolder(Path base, String configSha) throws CalphotException {
        Path p = base;
        for (int n = 2; n < 10000; n++) {
            Path prov = p.resolve("provenance.json");
            if (!Files.isRegularFile(prov)) {
                return p;
            }
            try {
                String text = Files.readString(prov, StandardCharsets.UTF_8);
                if (text.contains("\"config_sha256\": \"" + configSha + "\"")) {
                    return p;
                }
            } catch (IOException e) {
                throw new CalphotException("cannot read " + prov + ": " + e.getMessage(), e);
            }
            p = base.resolve("run-" + n);
        }
        throw new CalphotException("too many run folders in " + base);
    }

    static String observingLog(Path existing, List<LogResult> results) throws CalphotException {
        StringBuilder sb = new StringBuilder();
        try {
            if (Files.isRegularFile(existing)) {
                sb.append(Files.readString(existing, StandardCharsets.UTF_8));
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append('\n');
                }
            }
        } catch (IOException e) {
            throw new CalphotException("cannot read " + existing + ": " + e.getMessage(), e);
        }
        if (sb.length() == 0) {
            sb.append("Instrument,Telescope,Date,Filter(s),Observation start (UTC),Observation end (UTC),Tecl,"
                    + "Cycle No.\n");
        }
        DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
        // commons-csv quotes a field holding a comma or quote (an observatory "18:35:26, 98:29:12"); cal_phot
        // replaced the comma by '-', which changed the value (README, where calphot differs)
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            for (LogResult r : results) {
                LocalDateTime start = utc(r.firstMjdUtc());
                LocalDateTime end = utc(r.lastMjdUtc());
                p.printRecord(r.instrument(), r.observatory(), start.format(date), String.join("-", r.bands()),
                        start.format(hm), end.format(hm), PyFloat.repr(r.eclipseBmjd()),
                        PyFloat.repr((double) r.cycle()));
            }
        } catch (IOException e) {
            throw new CalphotException("cannot format the observing log: " + e.getMessage(), e);
        }
        return sb.toString();
    }

    private static LocalDateTime utc(double mjd) {
        long ms = Math.round((mjd - 40587.0) * 86400000.0);
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC);
    }

    private Map<String, Object> provenance(CalphotJob job, EphemerisStep.Result eph, RunOptions options,
            String configSha, Path out, Set<OutputFormat> formats, Map<String, Object> logs, MagnitudeResolver mags,
            List<String> warnings, long started) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("program", "calphot");
        m.put("version", options.programVersion());
        m.put("created_utc", org.calphot.core.util.SourceDate.now().toString());
        m.put("config", job.configFile().toAbsolutePath().toString());
        m.put("config_sha256", configSha);
        m.put("output_directory", out.toString());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("target_coords", job.targetCoords());
        resolved.put("target_ra_deg", job.target().raDeg());
        resolved.put("target_dec_deg", job.target().decDeg());
        resolved.put("target_ra_hours", job.target().raDeg() / 15.0);
        resolved.put("target_sexagesimal", job.target().toSexagesimal());
        resolved.put("t0_bmjd_tdb", job.t0());
        resolved.put("period_d", job.period());
        resolved.put("sdss", job.sdss());
        resolved.put("catalogue", job.catalogue());
        resolved.put("colour_terms", job.colourTerms());
        resolved.put("filter_system", job.filterSystem());
        resolved.put("filter_systems_installed", ColourTerms.names(services.filterSystems()));
        resolved.put("seed", job.seed());
        resolved.put("output_formats", formats.stream().map(OutputFormat::key).sorted().toList());
        resolved.put("offline", options.offline());
        List<Object> payloads = new ArrayList<>();
        for (Payload p : job.payloads()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("instrument", p.instrument() == null ? null : p.instrument().key());
            pm.put("bands", p.bands());
            pm.put("observatory", p.observatory());
            if (p.site() != null) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", p.site().name());
                s.put("lat_deg", p.site().latDeg());
                s.put("lon_east_deg", p.site().lonEastDeg());
                s.put("height_m", p.site().heightM());
                s.put("source", p.site().source());
                pm.put("site", s);
            }
            pm.put("phase_range", new double[] {p.phaseLow(), p.phaseHigh()});
            pm.put("magnitude_source", p.magnitudeSource().name());
            pm.put("ignore_flags", org.calphot.core.log.LogFlags.names(p.ignoreFlags()));
            pm.put("airmass_formula", p.airmassFormula().name());
            pm.put("drop_bad_comparisons", p.dropBadComparisons());
            pm.put("filter_system", p.filterSystem());
            pm.put("extract_data", p.extractData());
            payloads.add(pm);
        }
        resolved.put("payloads", payloads);
        m.put("resolved_config", resolved);
        m.put("time", services.time().provenance());
        m.put("catalogue_queries", mags.queries());
        if (!mags.catalogueChoices().isEmpty()) {
            m.put("catalogue_choices", mags.catalogueChoices());
        }
        Map<String, Object> folding = new LinkedHashMap<>();
        folding.put("t0_bmjd_tdb", eph.t0());
        folding.put("period_d", eph.period());
        folding.put("from", eph.origin().equals("fit") ? "fit ephemeris" : "config");
        m.put("folding_ephemeris", folding);
        if (eph.provenance() != null) {
            m.put("ephemeris", eph.provenance());
        }
        m.put("logs", logs);
        m.put("warnings", List.copyOf(warnings));
        if (org.calphot.core.util.SourceDate.fixed() == null) {
            m.put("elapsed_s", (System.nanoTime() - started) / 1e9); // left out when the bytes must be reproducible
        }
        return m;
    }

    /** SHA-256 of every staged output: a reader can check that the folder holds this run, whole. */
    private static Map<String, Object> outputHashes(Staging staging) throws CalphotException {
        Map<String, Object> m = new java.util.TreeMap<>();
        for (Path rel : staging.files()) {
            m.put(rel.toString(), sha256(staging.staged(rel)));
        }
        return m;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) throws CalphotException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new CalphotException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            if (v < m) {
                m = v;
            }
        }
        return m;
    }

    static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }
}
