// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.calphot.config.CalphotJob;
import org.calphot.config.LogSpec;
import org.calphot.config.OutputFormat;
import org.calphot.config.Payload;
import org.calphot.core.CalphotException;
import org.calphot.core.CancelledException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.util.PyFloat;
import org.calphot.output.ObservingLog;
import org.calphot.output.ProvenanceFile;
import org.calphot.output.RunLog;
import org.calphot.pipeline.internal.Staging;

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
        if (this.services.figures() != null) {
            this.services.figures().prepare(); // loads the plot code while the logs are read (README, Measured)
        }
        ProgressMonitor pm = monitor == null ? ProgressMonitor.NULL : monitor;
        List<String> warningLines = new ArrayList<>();
        // kept in config order of the logs that gave them, whatever the threads' timing (RunOrder)
        List<Integer> warningOrders = new ArrayList<>();
        java.util.Set<String> shown = new java.util.HashSet<>();
        Warnings recorded = (where, message) -> {
            String line = where == null || where.toString().isEmpty() ? message : where + ": " + message;
            // the same note for every CCD of a log is shown once (all are recorded)
            String key = line.replaceFirst("CCD [^:]+: ", "CCD *: ");
            boolean first;
            synchronized (warningLines) {
                RunOrder.insert(warningLines, warningOrders, line);
                first = shown.add(key);
            }
            if (first) {
                warnings.warn(where, key.equals(line) ? message : message.replaceFirst("CCD [^:]+: ", "CCD *: "));
            }
        };
        // the time service warns once per process (leap-second table, Earth-orientation table): whichever log calls it
        // first would get the warning; it is the run's, said without a log's name, in the same place for any threads
        PipelineServices services = new PipelineServices(this.services.logs(),
                new RunTimeWarnings(this.services.time(), recorded), this.services.calibrator(),
                this.services.catalogues(), this.services.figures(), this.services.filterSystems());
        Set<OutputFormat> formats = options.formats() != null ? options.formats() : job.outputFormats();
        Path base = options.outDir() != null ? options.outDir().toAbsolutePath().normalize() : job.directory();
        String configSha = sha256(job.configText().getBytes(StandardCharsets.UTF_8));
        org.calphot.pipeline.internal.OutputFolder.checkUsable(base, options.outDir() != null
                ? Location.key(null, 0, "--out") : Location.key(job.configFile().toString(), 0, "directory"));
        // one run at a time per output folder: the run-N choice and the commit happen under the lock
        RunOrder.tag(RunOrder.BEFORE);
        try (org.calphot.pipeline.internal.OutputFolder folder = org.calphot.pipeline.internal.OutputFolder.lock(base,
                configSha, pm, msg -> (msg.startsWith("waiting: ") ? warnings : recorded).warn(Location.NONE, msg))) {
            return run(services, job, options, pm, recorded, warningLines, formats, base, configSha, started);
        } finally {
            RunOrder.untag();
        }
    }

    private RunResult run(PipelineServices services, CalphotJob job, RunOptions options, ProgressMonitor pm, Warnings recorded,
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
            RunOrder order = new RunOrder(tasks.size());
            try {
                List<Future<LogProcessor.Done>> futures = new ArrayList<>();
                LogProcessor processor = new LogProcessor(services, job, mags, formats, options, staging, pm);
                for (int i = 0; i < tasks.size(); i++) {
                    Task t = tasks.get(i);
                    int index = i;
                    Warnings perLog = (where, message) -> recorded.warn(
                            where == null || where.toString().isEmpty() ? Location.of(t.spec().log().getFileName().toString())
                                    : where, message);
                    futures.add(pool.submit(() -> {
                        RunOrder.tag(index);
                        try {
                            return processor.processNamed(t.payload(), t.spec(), eph.t0(), eph.period(), perLog,
                                    () -> order.awaitTurn(index));
                        } finally {
                            order.finished(index);
                            RunOrder.untag();
                        }
                    }));
                }
                for (Future<LogProcessor.Done> f : futures) {
                    LogProcessor.Done d = get(f);
                    results.add(d.result());
                    logLogs.add(d.log());
                    provenanceLogs.put(d.result().log().toString(), d.provenance());
                    pm.worked(PROGRESS_SCALE);
                }
            } finally {
                pool.shutdownNow();
            }
            RunOrder.tag(RunOrder.AFTER);
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
            String obsText = ObservingLog.append(out.resolve(obsRel), results);
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

            Map<String, Object> prov = RunProvenance.provenance(services, job, eph, options, configSha, out, formats,
                    provenanceLogs, mags, warningLines, started);
            prov.put("outputs", RunProvenance.outputHashes(staging));
            staging.write(Path.of(ProvenanceFile.NAME), o -> o.write(ProvenanceFile.bytes(prov)));
            pm.checkCanceled();
            List<Path> written = staging.files();
            staging.commit();
            pm.worked(PROGRESS_SCALE);
            return new RunResult(out, newFolder, results, written, prov);
        }
    }

    private record Task(Payload payload, LogSpec spec) {
    }

    /** The run's time service: its warnings go to the run (no log named), ordered before the logs' own. */
    private static final class RunTimeWarnings implements org.calphot.core.time.TimeCorrector {
        private final org.calphot.core.time.TimeCorrector delegate;
        private final Warnings run;

        RunTimeWarnings(org.calphot.core.time.TimeCorrector delegate, Warnings run) {
            this.delegate = delegate;
            this.run = run;
        }

        @Override
        public void correct(org.calphot.core.time.TimeRequest request, double[] mjdUtc, int from, int to,
                org.calphot.core.time.TimeColumns out, Warnings warnings) throws CalphotException {
            delegate.correct(request, mjdUtc, from, to, out, (where, message) -> {
                if (where == null || where.toString().isEmpty()) {
                    int order = RunOrder.current();
                    RunOrder.tag(RunOrder.BEFORE);
                    try {
                        run.warn(Location.NONE, message);
                    } finally {
                        RunOrder.tag(order);
                    }
                } else {
                    warnings.warn(where, message);
                }
            });
        }

        @Override
        public org.calphot.core.time.TimeCorrector withEarthOrientation(Path iersTable) throws CalphotException {
            return delegate.withEarthOrientation(iersTable);
        }

        @Override
        public Map<String, Object> provenance() {
            return delegate.provenance();
        }
    }

    private static LogProcessor.Done get(Future<LogProcessor.Done> f) throws CalphotException {
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

    /** Farthest the data may lie from T0, in cycles: beyond it T0 or the period is surely wrong. */
    public static final double MAX_CYCLES = 1e6;

    /**
     * The original's rule: E = rint((mean t - T0)/P), then moved until T0 + E P lies within the data
     * (up while below the first time, then down while above the last), computed directly rather than
     * by stepping, so a T0 far from the data costs nothing. Refuses (IllegalArgumentException) data more
     * than {@link #MAX_CYCLES} cycles from T0, data spanning more than that many cycles (a period far too
     * short for them) or a period that is not a positive finite number.
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
        double spanCycles = (hi - lo) / period;
        if (!(spanCycles <= MAX_CYCLES)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the period is too short for the data: they span %.3g cycles (more than %d)", spanCycles,
                    (long) MAX_CYCLES));
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

    static double[] finiteTimes(CcdTable c) {
        double[] t = c.mjdUtc();
        return java.util.Arrays.stream(t).filter(Double::isFinite).toArray();
    }

    /**
     * The configured directory, unless it holds the provenance of a run of a different config: then
     * the first free {@code run-N} folder inside it ({@link RunFolder}).
     */
    static Path chooseOutputFolder(Path base, String configSha) throws CalphotException {
        return RunFolder.choose(base, configSha);
    }

    static String sha256(byte[] data) {
        return RunProvenance.sha256(data);
    }

    static String sha256(Path file) throws CalphotException {
        return RunProvenance.sha256(file);
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
