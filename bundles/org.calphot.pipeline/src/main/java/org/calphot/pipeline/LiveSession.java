// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.calphot.config.CalphotJob;
import org.calphot.config.LogSpec;
import org.calphot.config.OutputFormat;
import org.calphot.config.Payload;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.LogColumns;
import org.calphot.core.log.LogReader;
import org.calphot.core.log.LogReaders;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.core.photometry.CalibrationOptions;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.time.TimeColumns;
import org.calphot.core.time.TimeCorrector;
import org.calphot.core.time.TimeRequest;
import org.calphot.core.util.PyFloat;
import org.calphot.io.LogFollower;
import org.calphot.output.CalibFile;
import org.calphot.output.TableFiles;

/**
 * The live mode ({@code calphot watch}): follows the logs of a job while they are written. Each
 * {@link #step()} reads only the bytes added to each log ({@link LogFollower}), calibrates the new frames
 * with the calibrator, time service and writers of {@link Pipeline} and appends their rows to the
 * {@code .calib}, {@code .csv} and {@code .lcurve} files.
 * <p>
 * Whole-night decisions (the eclipse cycle by the original's rule, comparison magnitudes and diagnostics,
 * header statistics, figures, FITS, Calibration.txt, provenance) come from a full {@link Pipeline} run on
 * the frames read so far (from memory: the log is never parsed twice). That run is repeated when a decision
 * changes earlier rows (a new cycle: every phase moves; a log truncated or replaced), at most every
 * {@code refreshSeconds} to refresh headers and figures, and at {@link #finish()}: the final files are then
 * those of {@code calphot run} on the finished logs. Every whole rewrite is atomic (staged, renamed) and
 * reported with its reason.
 */
public final class LiveSession implements AutoCloseable {

    /** One update of one log, for the status line and the workbench. */
    public record LogStatus(Path log, int frames, long bytes, double lastBmjd, double phase, long cycle,
            List<String> bands, double[] lastFlux, double[] lastFluxErr, String comparisonWarning, boolean growing) {
    }

    /**
     * What one step did.
     *
     * @param appendedFrames frames added over all logs
     * @param rewritten      null, or why the files were rewritten whole
     * @param notes          decisions made and restarts detected in this step
     * @param result         the latest whole run (null before the first)
     */
    public record Step(int appendedFrames, String rewritten, List<String> notes, List<LogStatus> logs,
            RunResult result) {
    }

    private final PipelineServices services;
    private CalphotJob job;
    /** reads the config again, to find logs that appeared in a folder a pattern names; null: never */
    private final ConfigSource rescan;
    private final List<Watched> pending = new ArrayList<>();
    private CalphotJob pendingJob;
    private long lastRescanNanos;
    private final RunOptions options;
    private final double refreshSeconds;
    private final Warnings warnings;
    private final List<Watched> watched = new ArrayList<>();
    private final Set<String> warned = new HashSet<>();
    private final Set<OutputFormat> formats;
    private final Path observingLog;
    private final byte[] observingLogBefore;
    private final List<Object[]> timeWarnings = new ArrayList<>();
    private final TimeCorrector time;
    private RunResult last;
    private double t0;
    private double period;
    private long lastRewriteNanos;
    private long lastRewriteCost;
    private boolean dirty;
    /** keep every row of the lightcurves for {@link #current()} (a view draws them); false: the last row only */
    private boolean keepRows = true;

    /** Per followed log: the reader state and what the last whole run decided. */
    private static final class Watched {
        final Payload payload;
        final LogSpec spec;
        final LogFollower follower;
        LogResult result;
        String firstCcd;
        double bmjdSum;
        long bmjdN;
        double bmjdMin = Double.POSITIVE_INFINITY;
        double bmjdMax = Double.NEGATIVE_INFINITY;
        long lastBytes;
        int appendedSinceRun;
        List<CcdResult> lastChunk = List.of();
        /** rows appended since the last whole run, per CCD label, for {@link #current()} */
        final Map<String, List<CcdResult>> chunks = new LinkedHashMap<>();
        /** the reader's warnings for this log (a whole read gives them; the run from memory replays them) */
        final List<Object[]> readWarnings = new ArrayList<>();

        Watched(Payload payload, LogSpec spec, LogFollower follower) {
            this.payload = payload;
            this.spec = spec;
            this.follower = follower;
        }
    }

    /** The config read again (the same reader and file as the job's). */
    @FunctionalInterface
    public interface ConfigSource {
        CalphotJob read() throws CalphotException;
    }

    /**
     * The log columns a whole run reads (times, exposure, counts, their errors, flags): the only ones kept of the
     * frames read, so a long night costs tens of bytes per frame and CCD instead of every column of the log.
     */
    static final Set<String> FRAME_COLUMNS = Set.of(LogColumns.NFRAME, LogColumns.MJD, LogColumns.MJD_OK,
            LogColumns.EXPTIM);
    static final Set<String> APERTURE_COLUMNS = Set.of(LogColumns.COUNTS, LogColumns.COUNTS_ERR, LogColumns.FLAG);

    private LogFollower follower(Path log) {
        return new LogFollower(log, services.logs()).keepOnly(FRAME_COLUMNS, APERTURE_COLUMNS);
    }

    /** Least time between two readings of the config for new logs. */
    static final long RESCAN_NANOS = 2_000_000_000L;

    /**
     * @param refreshSeconds least time between two whole rewrites made only to refresh headers and figures
     * @param warnings       receives each distinct warning once
     */
    public LiveSession(PipelineServices services, CalphotJob job, RunOptions options, double refreshSeconds,
            Warnings warnings) throws CalphotException {
        this(services, job, options, refreshSeconds, warnings, null);
    }

    /**
     * @param rescan reads the config again at most every 2 s: logs that a folder pattern of {@code logfiles}
     *               (or a config without {@code logfiles}) matches now and did not before are followed, and
     *               taken into the outputs (a whole rewrite) once every new log has frames; null: never
     */
    public LiveSession(PipelineServices services, CalphotJob job, RunOptions options, double refreshSeconds,
            Warnings warnings, ConfigSource rescan) throws CalphotException {
        this.rescan = rescan;
        this.lastRescanNanos = System.nanoTime();
        this.services = services;
        this.job = job;
        this.options = options;
        this.refreshSeconds = refreshSeconds;
        Warnings w = warnings == null ? Warnings.IGNORE : warnings;
        this.warnings = (where, message) -> {
            if (warned.add(where + ": " + message)) {
                w.warn(where, message);
            }
        };
        this.time = new ReplayingCorrector(services.time(), timeWarnings, false);
        this.formats = options.formats() != null ? options.formats() : job.outputFormats();
        for (Payload p : job.payloads()) {
            if (!p.extractData()) {
                continue;
            }
            for (LogSpec s : p.logs()) {
                watched.add(new Watched(p, s, follower(s.log())));
            }
        }
        if (watched.isEmpty()) {
            throw new BadInputException("the config extracts no log (every payload has 'extract data: false')",
                    Location.of(job.configFile().toString()));
        }
        Path base = options.outDir() != null ? options.outDir().toAbsolutePath().normalize() : job.directory();
        Path out = Pipeline.chooseOutputFolder(base,
                Pipeline.sha256(job.configText().getBytes(StandardCharsets.UTF_8)));
        this.observingLog = out.resolve(job.observingLogName());
        try {
            // the observing log is appended to by each run: every whole rewrite starts from its state before watching
            this.observingLogBefore = Files.isRegularFile(observingLog) ? Files.readAllBytes(observingLog) : null;
        } catch (IOException e) {
            throw new CalphotException("cannot read " + observingLog + ": " + e.getMessage(), e);
        }
    }

    /**
     * With false, the session keeps of each whole run only what later steps need (comparison magnitudes, file
     * names, whole-night statistics, the last row for the status line), not its rows: the memory a long night
     * costs is then the kept log columns alone. {@link #current()} and {@link #result()} then have one row per
     * CCD. {@code calphot watch} and {@code bench watch} use false; the workbench's live view keeps the rows.
     */
    public synchronized LiveSession keepRows(boolean keep) {
        this.keepRows = keep;
        return this;
    }

    /** Bytes of the frames kept for whole runs (the kept log columns' arrays, over every followed log). */
    public synchronized long keptLogBytes() {
        long n = 0;
        for (Watched w : watched) {
            if (w.follower.log() != null) {
                n += w.follower.log().storageBytes();
            }
        }
        return n;
    }

    /** The latest whole run, or null before there were data in every log. */
    public RunResult result() {
        return last;
    }

    /** Polls every log once; appends new frames or rewrites the outputs whole. */
    public synchronized Step step() throws CalphotException {
        List<String> notes = new ArrayList<>();
        String rewrite = null;
        int appended = 0;
        Map<Watched, PhotometryLog> added = new LinkedHashMap<>();
        boolean allData = true;
        rescan(notes);
        String taken = takeInNewLogs();
        for (Watched w : watched) {
            LogFollower.Update u = poll(w);
            switch (u.kind()) {
                case RESTARTED -> {
                    notes.add(w.spec.log().getFileName() + " was truncated or replaced: following it from its start");
                    rewrite = "log " + w.spec.log().getFileName() + " restarted";
                    w.result = null;
                    w.readWarnings.clear();
                }
                case APPENDED -> added.put(w, u.added());
                default -> {
                }
            }
            if (w.follower.log() == null || w.follower.log().frames() == 0) {
                allData = false;
            }
        }
        if (!allData) {
            List<String> waiting = new ArrayList<>();
            for (Watched w : watched) {
                if (w.follower.log() == null || w.follower.log().frames() == 0) {
                    waiting.add(w.spec.log().getFileName().toString());
                }
            }
            notes.add("waiting for data in " + String.join(", ", waiting));
            return new Step(0, null, notes, status(), last);
        }
        if (last == null && rewrite == null) {
            rewrite = "first frames";
        }
        if (rewrite == null && taken != null) {
            rewrite = taken;
        }
        if (rewrite == null) {
            for (Map.Entry<Watched, PhotometryLog> e : added.entrySet()) {
                String why = decide(e.getKey(), e.getValue(), notes);
                if (why != null) {
                    rewrite = why;
                    break;
                }
            }
        }
        if (rewrite == null) {
            for (Map.Entry<Watched, PhotometryLog> e : added.entrySet()) {
                appended += append(e.getKey(), e.getValue());
            }
            dirty |= !added.isEmpty();
            // headers and figures refresh at most every refreshSeconds, and never take over the machine
            long since = System.nanoTime() - lastRewriteNanos;
            if (dirty && since > Math.max(refreshSeconds * 1e9, 4.0 * lastRewriteCost)) {
                rewrite = "refresh of headers and figures";
            }
        } else {
            for (PhotometryLog p : added.values()) {
                appended += p.frames();
            }
        }
        if (rewrite != null) {
            rewriteWhole(notes);
        }
        return new Step(appended, rewrite, notes, status(), last);
    }

    private LogFollower.Update poll(Watched w) throws CalphotException {
        return w.follower.poll((where, message) -> {
            synchronized (w.readWarnings) {
                if (w.readWarnings.stream().noneMatch(x -> x[1].equals(message))) {
                    w.readWarnings.add(new Object[] {where, message});
                    warnings.warn(where, message);
                }
            }
        });
    }

    /** Reads the config again (at most every 2 s) and follows the logs that appeared since. */
    private void rescan(List<String> notes) {
        if (rescan == null || System.nanoTime() - lastRescanNanos < RESCAN_NANOS) {
            return;
        }
        lastRescanNanos = System.nanoTime();
        CalphotJob next;
        try {
            next = rescan.read();
        } catch (CalphotException e) {
            if (warned.add("rescan: " + e.getMessage())) {
                notes.add("reading the config again for new logs failed: " + e.getMessage());
            }
            return;
        }
        if (!next.configText().equals(job.configText())) {
            if (warned.add("config changed")) {
                notes.add(job.configFile().getFileName() + " changed since watch started: its changes (and new logs)"
                        + " are not used until watch is started again");
            }
            return;
        }
        Set<Path> known = new HashSet<>();
        for (Watched w : watched) {
            known.add(w.spec.log());
        }
        for (Watched w : pending) {
            known.add(w.spec.log());
        }
        boolean added = false;
        for (Payload p : next.payloads()) {
            if (!p.extractData()) {
                continue;
            }
            for (LogSpec s : p.logs()) {
                if (known.add(s.log())) {
                    pending.add(new Watched(p, s, follower(s.log())));
                    notes.add("new log " + s.log() + ": followed, taken into the outputs with its first frames");
                    added = true;
                }
            }
        }
        if (added) {
            pendingJob = next;
        }
    }

    /** Reads the new logs; once each has frames they join the job. Returns why the files are rewritten, or null. */
    private String takeInNewLogs() throws CalphotException {
        if (pending.isEmpty()) {
            return null;
        }
        for (Watched w : pending) {
            poll(w); // a restart before it joined needs nothing: it has no rows yet
        }
        for (Watched w : pending) {
            if (w.follower.log() == null || w.follower.log().frames() == 0) {
                return null;
            }
        }
        List<String> names = new ArrayList<>();
        for (Watched w : pending) {
            names.add(w.spec.log().getFileName().toString());
        }
        watched.addAll(pending);
        pending.clear();
        job = pendingJob;
        pendingJob = null;
        return "new log " + String.join(", ", names);
    }

    /** The final whole run: the outputs of {@code calphot run} on the logs as read. */
    public synchronized RunResult finish() throws CalphotException {
        Step s = step();
        if (last == null) {
            return null;
        }
        if (s.rewritten() == null || dirty) {
            rewriteWhole(new ArrayList<>());
        }
        return last;
    }

    /**
     * The lightcurves as the files hold them now: the last whole run with the rows appended since, for a
     * view that draws the night as it grows (null before the first whole run). Whole-night statistics
     * (means, budget, diagnostics) are those of the last whole run.
     */
    public synchronized RunResult current() {
        if (last == null) {
            return null;
        }
        List<LogResult> logs = new ArrayList<>();
        for (Watched w : watched) {
            if (w.result == null) {
                continue;
            }
            List<CcdResult> ccds = new ArrayList<>();
            for (CcdResult c : w.result.ccds()) {
                List<CcdResult> parts = new ArrayList<>();
                parts.add(c);
                parts.addAll(w.chunks.getOrDefault(c.ccd(), List.of()));
                ccds.add(parts.size() == 1 ? c : concat(parts));
            }
            LogResult r = w.result;
            logs.add(new LogResult(r.payload(), r.log(), r.oname(), r.instrument(), r.observatory(), r.bands(),
                    r.eclipseBmjd(), r.cycle(), r.phaseLow(), r.phaseHigh(), r.fluxCalibrated(), ccds,
                    r.firstMjdUtc(), r.lastMjdUtc()));
        }
        return new RunResult(last.outputDir(), last.newRunFolder(), logs, last.files(), last.provenance());
    }

    /** A whole run with, of each CCD, only its last row (the whole-night fields and file names as they are). */
    private static RunResult lastRowsOnly(RunResult r) {
        List<LogResult> logs = new ArrayList<>();
        for (LogResult l : r.logs()) {
            List<CcdResult> ccds = new ArrayList<>();
            for (CcdResult c : l.ccds()) {
                ccds.add(lastRow(c));
            }
            logs.add(new LogResult(l.payload(), l.log(), l.oname(), l.instrument(), l.observatory(), l.bands(),
                    l.eclipseBmjd(), l.cycle(), l.phaseLow(), l.phaseHigh(), l.fluxCalibrated(), ccds,
                    l.firstMjdUtc(), l.lastMjdUtc()));
        }
        return new RunResult(r.outputDir(), r.newRunFolder(), logs, r.files(), r.provenance());
    }

    private static CcdResult lastRow(CcdResult c) {
        CalibratedLightcurve l = c.lightcurve();
        int n = l.size();
        int from = Math.max(0, n - 1);
        CalibratedLightcurve lc = new CalibratedLightcurve(l.ccd(), l.band(), Arrays.copyOfRange(l.frameRow(), from, n),
                Arrays.copyOfRange(l.mjdUtc(), from, n), Arrays.copyOfRange(l.exposureS(), from, n),
                Arrays.copyOfRange(l.ratio(), from, n), Arrays.copyOfRange(l.ratioErr(), from, n),
                Arrays.copyOfRange(l.fluxMjy(), from, n), Arrays.copyOfRange(l.fluxErrMjy(), from, n),
                Arrays.copyOfRange(l.comparisonsInFrame(), from, n), l.comparisonLabels(), l.comparisonFluxMjy(),
                l.comparisonMeanCounts(), l.magnitudes(), l.meanRatio(), l.meanTargetMag(), l.rejections(), l.budget(),
                l.diagnostics());
        return new CcdResult(c.ccd(), c.band(), lc, Arrays.copyOfRange(c.bmjdTdb(), from, n),
                Arrays.copyOfRange(c.airmass(), from, n), Arrays.copyOfRange(c.phase(), from, n),
                Arrays.copyOfRange(c.inPhaseRange(), from, n), Arrays.copyOfRange(c.flags(), from, n), c.calibFile());
    }

    /** One CCD's rows of several pieces in order (the first piece's whole-night fields). */
    private static CcdResult concat(List<CcdResult> parts) {
        int n = 0;
        for (CcdResult p : parts) {
            n += p.lightcurve().size();
        }
        int[] frameRow = new int[n];
        double[] mjd = new double[n];
        double[] exp = new double[n];
        double[] ratio = new double[n];
        double[] ratioErr = new double[n];
        double[] flux = new double[n];
        double[] fluxErr = new double[n];
        int[] inFrame = new int[n];
        double[] bmjd = new double[n];
        double[] airmass = new double[n];
        double[] phase = new double[n];
        boolean[] keep = new boolean[n];
        int[] flags = new int[n];
        int k = 0;
        int rowBase = 0;
        for (CcdResult p : parts) {
            CalibratedLightcurve l = p.lightcurve();
            int m = l.size();
            for (int i = 0; i < m; i++) {
                frameRow[k + i] = l.frameRow()[i] + rowBase;
            }
            System.arraycopy(l.mjdUtc(), 0, mjd, k, m);
            System.arraycopy(l.exposureS(), 0, exp, k, m);
            System.arraycopy(l.ratio(), 0, ratio, k, m);
            System.arraycopy(l.ratioErr(), 0, ratioErr, k, m);
            System.arraycopy(l.fluxMjy(), 0, flux, k, m);
            System.arraycopy(l.fluxErrMjy(), 0, fluxErr, k, m);
            System.arraycopy(l.comparisonsInFrame(), 0, inFrame, k, m);
            System.arraycopy(p.bmjdTdb(), 0, bmjd, k, m);
            System.arraycopy(p.airmass(), 0, airmass, k, m);
            System.arraycopy(p.phase(), 0, phase, k, m);
            System.arraycopy(p.inPhaseRange(), 0, keep, k, m);
            System.arraycopy(p.flags(), 0, flags, k, m);
            k += m;
            rowBase += m == 0 ? 0 : l.frameRow()[m - 1] + 1;
        }
        CcdResult f = parts.get(0);
        CalibratedLightcurve b = f.lightcurve();
        CalibratedLightcurve lc = new CalibratedLightcurve(b.ccd(), b.band(), frameRow, mjd, exp, ratio, ratioErr, flux,
                fluxErr, inFrame, b.comparisonLabels(), b.comparisonFluxMjy(), b.comparisonMeanCounts(),
                b.magnitudes(), b.meanRatio(), b.meanTargetMag(), b.rejections(), b.budget(), b.diagnostics());
        return new CcdResult(f.ccd(), f.band(), lc, bmjd, airmass, phase, keep, flags, f.calibFile());
    }

    @Override
    public void close() {
        for (Watched w : watched) {
            w.follower.close();
        }
        for (Watched w : pending) {
            w.follower.close();
        }
    }

    /** Null when the new frames can be appended; else why the files must be rewritten. */
    private String decide(Watched w, PhotometryLog part, List<String> notes) throws CalphotException {
        if (w.result == null) {
            return "first frames of " + w.spec.log().getFileName();
        }
        Set<String> known = new HashSet<>();
        for (CcdResult c : w.result.ccds()) {
            known.add(c.ccd());
        }
        for (CcdTable t : part.ccds()) {
            if (t.rows() > 0 && !known.contains(t.ccd())) {
                return "CCD " + t.ccd() + " of " + w.spec.log().getFileName() + " has its first frames";
            }
        }
        CcdTable first = part.ccd(w.firstCcd);
        if (first != null && first.rows() > 0) {
            double[] t = finite(first.mjdUtc());
            if (t.length > 0) {
                double[] b = time.correct(request(w), t, warnings).bmjdTdb();
                double sum = w.bmjdSum;
                double lo = w.bmjdMin;
                double hi = w.bmjdMax;
                for (double v : b) {
                    sum += v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                long n = w.bmjdN + b.length;
                long cycle = cycle(sum / n, lo, hi);
                if (cycle != w.result.cycle()) {
                    notes.add(String.format(Locale.ROOT, "%s: eclipse cycle now %d (was %d) by the original's rule;"
                            + " every phase changes", w.spec.log().getFileName(), cycle, w.result.cycle()));
                    return "eclipse cycle of " + w.spec.log().getFileName() + " changed to " + cycle;
                }
                w.bmjdSum = sum;
                w.bmjdN = n;
                w.bmjdMin = lo;
                w.bmjdMax = hi;
            }
        }
        return null;
    }

    /** {@link Pipeline#cycleNumber} from the running mean, minimum and maximum. */
    private long cycle(double mean, double lo, double hi) {
        long e = Math.round(Math.rint((mean - t0) / period));
        while (t0 + e * period < lo) {
            e++;
        }
        while (t0 + e * period > hi) {
            e--;
        }
        return e;
    }

    /** Calibrates and appends the new frames of one log; returns the frames added. */
    private int append(Watched w, PhotometryLog part) throws CalphotException {
        Payload p = w.payload;
        CalibrationOptions copts = CalibrationOptions.DEFAULTS.withIgnoreFlags(p.ignoreFlags())
                .withDropComparisonPerFrame(p.dropBadComparisons());
        double eclipse = w.result.eclipseBmjd();
        List<CcdResult> updated = new ArrayList<>();
        for (CcdResult c : w.result.ccds()) {
            CcdTable t = part.ccd(c.ccd());
            if (t == null || t.rows() == 0) {
                continue;
            }
            ComparisonMagnitudes m = c.lightcurve().magnitudes();
            CalibratedLightcurve lc;
            try {
                lc = services.calibrator().calibrate(t, m, copts, Warnings.IGNORE);
            } catch (BadInputException e) {
                continue; // no new frame of this CCD survives the bad-data rules: nothing to append
            }
            TimeColumns tc = time.correct(request(w), lc.mjdUtc(), warnings);
            double[] phase = new double[lc.size()];
            boolean[] keep = new boolean[lc.size()];
            for (int i = 0; i < phase.length; i++) {
                phase[i] = (tc.bmjdTdb()[i] - eclipse) / period;
                keep[i] = phase[i] > p.phaseLow() && phase[i] < p.phaseHigh();
            }
            CcdResult chunk = new CcdResult(c.ccd(), c.band(), lc, tc.bmjdTdb(), tc.airmass(), phase, keep,
                    LogProcessor.frameFlags(t, lc, copts.targetLabel()), c.calibFile());
            Path stem = stemOf(w, c);
            if (stem != null) {
                if (formats.contains(OutputFormat.CALIB)) {
                    appendRows(sibling(stem, ".calib"), rows(o -> CalibFile.write(o, w.result, chunk, t0, period),
                            "# Phase, Flux, Err_Flux\n"));
                }
                if (formats.contains(OutputFormat.CSV)) {
                    appendRows(sibling(stem, ".csv"), rows(o -> TableFiles.csv(o, w.result, chunk,
                            options.programVersion()), "\nbmjd_tdb,"));
                }
                if (formats.contains(OutputFormat.LCURVE)) {
                    appendRows(sibling(stem, ".lcurve"), rows(o -> TableFiles.lcurve(o, chunk), null));
                }
            }
            updated.add(chunk);
            if (keepRows) {
                w.chunks.computeIfAbsent(c.ccd(), k -> new ArrayList<>()).add(chunk);
            }
        }
        w.appendedSinceRun += part.frames();
        w.lastChunk = updated;
        return part.frames();
    }

    /** The .calib path (or where it would be) of a CCD's lightcurve, from the files of the last run. */
    private Path stemOf(Watched w, CcdResult c) {
        if (c.calibFile() != null) {
            return c.calibFile();
        }
        String name = w.result.oname() + "_" + Pipeline.eclipseStamp(w.result.eclipseBmjd()) + "_" + c.band();
        Path rel = Path.of(Pipeline.LIGHTCURVE_FOLDER, name + ".csv");
        return last.files().contains(rel) ? last.outputDir().resolve(Pipeline.LIGHTCURVE_FOLDER).resolve(name + ".calib")
                : null;
    }

    private static Path sibling(Path calib, String ext) {
        String n = calib.getFileName().toString();
        return calib.resolveSibling(n.substring(0, n.length() - ".calib".length()) + ext);
    }

    private interface Body {
        void write(java.io.OutputStream o) throws IOException;
    }

    /** The data rows a writer gives for the new frames: everything after its header. */
    private static byte[] rows(Body body, String headerEnd) throws CalphotException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            body.write(b);
        } catch (IOException e) {
            throw new CalphotException("cannot format rows: " + e.getMessage(), e);
        }
        String s = b.toString(StandardCharsets.UTF_8);
        int from;
        if (headerEnd == null) {
            from = s.indexOf('\n') + 1;
        } else {
            int k = s.indexOf(headerEnd);
            if (k < 0) {
                throw new IllegalStateException("writer header changed: no '" + headerEnd.strip() + "'");
            }
            from = headerEnd.startsWith("\n") ? s.indexOf('\n', k + 1) + 1 : k + headerEnd.length();
        }
        return s.substring(from).getBytes(StandardCharsets.UTF_8);
    }

    /** Appends whole rows with one write, so a reader never sees half a row of a finished write. */
    private static void appendRows(Path file, byte[] rows) throws CalphotException {
        if (rows.length == 0 || !Files.isRegularFile(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(rows);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        } catch (IOException e) {
            throw new CalphotException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** A full run on the frames read so far; replaces every output atomically and removes stale ones. */
    private void rewriteWhole(List<String> notes) throws CalphotException {
        long started = System.nanoTime();
        Map<Path, PhotometryLog> snapshots = new HashMap<>();
        for (Watched w : watched) {
            snapshots.put(w.spec.log(), w.follower.log().snapshot());
        }
        restoreObservingLog();
        Map<Path, List<Object[]>> readWarnings = new HashMap<>();
        for (Watched w : watched) {
            synchronized (w.readWarnings) {
                readWarnings.put(w.spec.log(), new ArrayList<>(w.readWarnings));
            }
        }
        LogReaders fromMemory = new SnapshotReaders(services.logs(), snapshots, readWarnings);
        // a fresh corrector warns once per run, as calphot run's does: the warnings it gave before are replayed
        PipelineServices s = new PipelineServices(fromMemory,
                new ReplayingCorrector(services.time(), timeWarnings, true), services.calibrator(),
                services.catalogues(), services.figures(), services.filterSystems());
        RunResult before = last;
        RunResult r = new Pipeline(s).run(job, options, ProgressMonitor.NULL, warnings);
        if (!keepRows) {
            r = lastRowsOnly(r);
        }
        last = r;
        Map<?, ?> fold = (Map<?, ?>) r.provenance().get("folding_ephemeris");
        t0 = ((Number) fold.get("t0_bmjd_tdb")).doubleValue();
        period = ((Number) fold.get("period_d")).doubleValue();
        for (Watched w : watched) {
            w.result = null;
            for (LogResult lr : r.logs()) {
                if (lr.log().equals(w.spec.log())) {
                    w.result = lr;
                }
            }
            w.appendedSinceRun = 0;
            w.chunks.clear();
            w.lastChunk = w.result == null ? List.of() : w.result.ccds();
            initCycleSums(w, snapshots.get(w.spec.log()));
        }
        if (before != null && before.outputDir().equals(r.outputDir())) {
            Set<Path> now = new HashSet<>(r.files());
            for (Path f : before.files()) {
                if (!now.contains(f)) {
                    try {
                        Files.deleteIfExists(r.outputDir().resolve(f));
                        notes.add("removed " + f + " (superseded)");
                    } catch (IOException e) {
                        notes.add("cannot remove " + f + ": " + e.getMessage());
                    }
                }
            }
        }
        dirty = false;
        lastRewriteNanos = System.nanoTime();
        lastRewriteCost = lastRewriteNanos - started;
    }

    private void initCycleSums(Watched w, PhotometryLog snap) throws CalphotException {
        w.bmjdSum = 0;
        w.bmjdN = 0;
        w.bmjdMin = Double.POSITIVE_INFINITY;
        w.bmjdMax = Double.NEGATIVE_INFINITY;
        w.firstCcd = null;
        if (w.result == null || w.result.ccds().isEmpty()) {
            return;
        }
        w.firstCcd = w.result.ccds().get(0).ccd();
        CcdTable first = snap.ccd(w.firstCcd);
        double[] b = time.correct(request(w), finite(first.mjdUtc()), warnings).bmjdTdb();
        for (double v : b) {
            w.bmjdSum += v; // the same order of additions as Pipeline.mean over the whole column
            w.bmjdMin = Math.min(w.bmjdMin, v);
            w.bmjdMax = Math.max(w.bmjdMax, v);
        }
        w.bmjdN = b.length;
    }

    private void restoreObservingLog() throws CalphotException {
        try {
            // the output name is a link into the run in use (the run commit): the file it leads to is restored
            Path observingLog = Files.isSymbolicLink(this.observingLog) && Files.exists(this.observingLog)
                    ? this.observingLog.toRealPath() : this.observingLog;
            if (observingLogBefore == null) {
                Files.deleteIfExists(observingLog);
            } else {
                Path tmp = observingLog.resolveSibling(observingLog.getFileName() + ".calphot-tmp");
                Files.write(tmp, observingLogBefore);
                Files.move(tmp, observingLog, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new CalphotException("cannot restore " + observingLog + ": " + e.getMessage(), e);
        }
    }

    private TimeRequest request(Watched w) {
        return new TimeRequest(w.payload.site(), job.target(), w.payload.airmassFormula());
    }

    private List<LogStatus> status() {
        List<LogStatus> out = new ArrayList<>();
        for (Watched w : watched) {
            long bytes = w.follower.offset();
            boolean growing = bytes != w.lastBytes;
            w.lastBytes = bytes;
            int frames = w.follower.log() == null ? 0 : w.follower.log().frames();
            List<String> bands = new ArrayList<>();
            List<CcdResult> chunk = w.lastChunk == null ? List.of() : w.lastChunk;
            double[] flux = new double[chunk.size()];
            double[] err = new double[chunk.size()];
            double lastBmjd = Double.NaN;
            String compWarning = null;
            for (int k = 0; k < chunk.size(); k++) {
                CcdResult c = chunk.get(k);
                bands.add(c.band());
                CalibratedLightcurve lc = c.lightcurve();
                int n = lc.size();
                flux[k] = n == 0 ? Double.NaN : lc.fluxMjy()[n - 1];
                err[k] = n == 0 ? Double.NaN : lc.fluxErrMjy()[n - 1];
                if (n > 0 && k == 0) {
                    lastBmjd = c.bmjdTdb()[n - 1];
                }
            }
            if (w.result != null) {
                for (CcdResult c : w.result.ccds()) {
                    List<String> msgs = c.lightcurve().diagnostics().messages();
                    if (!msgs.isEmpty() && compWarning == null) {
                        compWarning = "CCD " + c.ccd() + ": " + msgs.get(0);
                    }
                }
            }
            long cycle = w.result == null ? 0 : w.result.cycle();
            double phase = w.result == null || !Double.isFinite(lastBmjd) ? Double.NaN
                    : (lastBmjd - w.result.eclipseBmjd()) / period;
            out.add(new LogStatus(w.spec.log(), frames, bytes, lastBmjd, phase, cycle, bands, flux, err, compWarning,
                    growing));
        }
        return out;
    }

    /** One status line of a log: frames, last BMJD, phase, cycle, last flux and error per band. */
    public static String statusLine(LogStatus s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.log().getFileName()).append(": ").append(s.frames()).append(" frames");
        if (Double.isFinite(s.lastBmjd())) {
            sb.append(String.format(Locale.ROOT, ", BMJD %.6f, phase %+.4f, cycle %d", s.lastBmjd(), s.phase(),
                    s.cycle()));
        }
        for (int k = 0; k < s.bands().size(); k++) {
            sb.append(", ").append(s.bands().get(k)).append(' ').append(PyFloat.repr(round(s.lastFlux()[k])))
                    .append("±").append(PyFloat.repr(round(s.lastFluxErr()[k]))).append(" mJy");
        }
        if (s.comparisonWarning() != null) {
            sb.append("; comparison warning: ").append(s.comparisonWarning());
        }
        return sb.toString();
    }

    private static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        double scale = Math.pow(10, 3 - (int) Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }

    private static double[] finite(double[] t) {
        return java.util.Arrays.stream(t).filter(Double::isFinite).toArray();
    }


    /** Serves the frames read so far for the followed logs; any other file is read as usual. */
    private static final class SnapshotReaders implements LogReaders {
        private final LogReaders delegate;
        private final Map<Path, PhotometryLog> logs;
        private final Map<Path, List<Object[]>> readWarnings;

        SnapshotReaders(LogReaders delegate, Map<Path, PhotometryLog> logs, Map<Path, List<Object[]>> readWarnings) {
            this.delegate = delegate;
            this.logs = logs;
            this.readWarnings = readWarnings;
        }

        @Override
        public List<LogReader> readers() {
            return delegate.readers();
        }

        @Override
        public LogReader choose(Path file) throws CalphotException {
            return delegate.choose(file);
        }

        @Override
        public PhotometryLog read(Path file, Warnings warnings) throws CalphotException {
            PhotometryLog l = logs.get(file);
            if (l == null) {
                return delegate.read(file, warnings);
            }
            for (Object[] w : readWarnings.getOrDefault(file, List.of())) {
                warnings.warn((Location) w[0], (String) w[1]);
            }
            return l;
        }
    }

    /**
     * Records the warnings the session's corrector gives (each only once per instance); with {@code replay},
     * gives them all again at its first conversion, as a new corrector in {@code calphot run} would.
     */
    private static final class ReplayingCorrector implements TimeCorrector {
        private final TimeCorrector delegate;
        private final List<Object[]> seen;
        private boolean replay;

        ReplayingCorrector(TimeCorrector delegate, List<Object[]> seen, boolean replay) {
            this.delegate = delegate;
            this.seen = seen;
            this.replay = replay;
        }

        @Override
        public void correct(TimeRequest request, double[] mjdUtc, int from, int to, TimeColumns out,
                Warnings warnings) throws CalphotException {
            List<Object[]> before;
            synchronized (seen) {
                before = replay ? new ArrayList<>(seen) : List.of();
                replay = false;
            }
            for (Object[] w : before) {
                warnings.warn((Location) w[0], (String) w[1]);
            }
            delegate.correct(request, mjdUtc, from, to, out, (where, message) -> {
                synchronized (seen) {
                    seen.add(new Object[] {where, message});
                }
                warnings.warn(where, message);
            });
        }

        @Override
        public TimeCorrector withEarthOrientation(Path iersTable) throws CalphotException {
            return delegate.withEarthOrientation(iersTable);
        }

        @Override
        public Map<String, Object> provenance() {
            return delegate.provenance();
        }
    }
}
