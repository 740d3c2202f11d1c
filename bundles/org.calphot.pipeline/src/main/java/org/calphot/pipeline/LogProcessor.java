// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.core.photometry.CalibrationOptions;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.time.TimeColumns;
import org.calphot.core.time.TimeRequest;
import org.calphot.core.util.PyFloat;
import org.calphot.output.CalibFile;
import org.calphot.output.RunLog;
import org.calphot.output.TableFiles;
import org.calphot.pipeline.internal.Rendered;
import org.calphot.pipeline.internal.Staging;

/**
 * One log of a run: read it, resolve the comparison magnitudes, calibrate every CCD, correct the times, fold on the
 * log's eclipse (the original's cycle rule), slice the phase range and stage the lightcurve files. Runs on a pool
 * thread; what it says goes to its own {@link RunLog}, appended to the run's in log order.
 */
final class LogProcessor {

    /** What one log gave: its result, its lines of Calibration.txt and its entry in provenance.json. */
    record Done(LogResult result, RunLog log, Map<String, Object> provenance) {
    }

    private final PipelineServices services;
    private final CalphotJob job;
    private final MagnitudeResolver mags;
    private final Set<OutputFormat> formats;
    private final RunOptions options;
    private final Staging staging;
    private final ProgressMonitor pm;

    LogProcessor(PipelineServices services, CalphotJob job, MagnitudeResolver mags, Set<OutputFormat> formats,
            RunOptions options, Staging staging, ProgressMonitor pm) {
        this.services = services;
        this.job = job;
        this.mags = mags;
        this.formats = formats;
        this.options = options;
        this.staging = staging;
        this.pm = pm;
    }

    /** {@link #process} with every error naming its log: a message without a file gets the log's path. */
    Done processNamed(Payload p, LogSpec spec, double t0, double period, Warnings warnings) throws CalphotException {
        return processNamed(p, spec, t0, period, warnings, () -> {
        });
    }

    /** Called before a log stages its files: {@link RunOrder#awaitTurn} keeps the staging in config order. */
    @FunctionalInterface
    interface Turn {
        void await() throws CalphotException;
    }

    /** {@link #processNamed} that waits for {@code turn} before staging the lightcurve files. */
    Done processNamed(Payload p, LogSpec spec, double t0, double period, Warnings warnings, Turn turn)
            throws CalphotException {
        try {
            return process(p, spec, t0, period, warnings, turn);
        } catch (CancelledException e) {
            throw e;
        } catch (CalphotException e) {
            Location at = e.location();
            if (at != null && at.file() != null) {
                throw e;
            }
            Location named = at == null ? Location.of(spec.log().toString())
                    : new Location(spec.log().toString(), at.line(), at.column(), at.key());
            throw e instanceof BadInputException ? new BadInputException(e.getMessage(), named, e)
                    : new CalphotException(e.getMessage(), named, e);
        } catch (OutOfMemoryError e) {
            throw org.calphot.core.log.LogReaders.outOfMemory(spec.log());
        }
    }

    private Done process(Payload p, LogSpec spec, double t0, double period, Warnings warnings, Turn turn)
            throws CalphotException {
        pm.checkCanceled();
        RunLog log = new RunLog(prefixed(options.logListener(), spec.log().getFileName().toString()));
        Map<String, Object> prov = new LinkedHashMap<>();
        pm.subTask("reading " + spec.log().getFileName());
        log.say("");
        log.say("Reading %s (payload '%s', %s, observed from '%s')", spec.log(), p.name(),
                p.instrument().displayName(), p.observatory());
        PhotometryLog plog = services.logs().read(spec.log(), warnings);
        prov.put("sha256", Pipeline.sha256(spec.log()));
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
        double[] firstMjd = Pipeline.finiteTimes(first);
        if (firstMjd.length == 0) {
            throw new BadInputException("CCD " + first.ccd() + " has no valid times", Location.of(spec.log().toString()));
        }
        double[] firstBmjd = services.time().correct(request, firstMjd, warnings).bmjdTdb();
        long cycle;
        try {
            cycle = Pipeline.cycleNumber(firstBmjd, t0, period);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("T0 " + PyFloat.repr(t0) + ", period " + PyFloat.repr(period) + " do not fit "
                    + spec.log() + ": " + e.getMessage(), Location.key(job.configFile().toString(), 0,
                            e.getMessage().contains("period") ? "period" : "T0"));
        }
        java.time.LocalDate date = Pipeline.observationDate(first);
        double eclipse = t0 + cycle * period;
        log.say("The mean BMJD of CCD %s is %s; the eclipse is then at cycle %d, time %s BMJD(TDB)", first.ccd(),
                PyFloat.repr(Pipeline.mean(firstBmjd)), cycle, PyFloat.repr(eclipse));

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
            ccdResults.add(calibrateCcd(p, spec, ccd, index, band, copts, request, eclipse, period, maskRules, date,
                    log, warnings, ccdProv));
        }
        double[] allMjd = first.mjdUtc();
        LogResult result = new LogResult(p.name(), spec.log(), p.oname(), p.instrument().key(), p.observatory(), bands,
                eclipse, cycle, p.phaseLow(), p.phaseHigh(), p.fluxCalibrate(), ccdResults, Pipeline.min(allMjd),
                Pipeline.max(allMjd));

        turn.await();
        List<CcdResult> withFiles = writeLightcurves(p, result, ccdResults, eclipse, t0, period, log);
        LogResult finalResult = new LogResult(result.payload(), result.log(), result.oname(), result.instrument(),
                result.observatory(), result.bands(), result.eclipseBmjd(), result.cycle(), result.phaseLow(),
                result.phaseHigh(), result.fluxCalibrated(), withFiles, result.firstMjdUtc(), result.lastMjdUtc());
        prov.put("payload", p.name());
        prov.put("eclipse_bmjd_tdb", eclipse);
        prov.put("cycle", cycle);
        prov.put("ccds", ccdProv);
        return new Done(finalResult, log, prov);
    }

    /** One CCD: calibrate, correct the times, fold, apply the phase range and the masks; its provenance to ccdProv. */
    private CcdResult calibrateCcd(Payload p, LogSpec spec, CcdTable ccd, int index, String band,
            CalibrationOptions copts, TimeRequest request, double eclipse, double period,
            List<PointMask.Rule> maskRules, java.time.LocalDate date, RunLog log, Warnings warnings,
            List<Object> ccdProv) throws CalphotException {
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
                                    Pipeline.min(ph), Pipeline.max(ph))) + "; its lightcurve files are empty");
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
        cp.put("magnitudes", RunProvenance.magnitudes(m));
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
        return partial;
    }

    /** Stages each CCD's lightcurve in every format asked for; the results then name their .calib file. */
    private List<CcdResult> writeLightcurves(Payload p, LogResult result, List<CcdResult> ccdResults,
            double eclipse, double t0, double period, RunLog log) throws CalphotException {
        List<CcdResult> withFiles = new ArrayList<>();
        String stem = p.oname() + "_" + Pipeline.eclipseStamp(eclipse);
        for (CcdResult c : ccdResults) {
            Path calibPath = null;
            String name = uniqueStem(staging, stem, c.band());
            if (formats.contains(OutputFormat.CALIB)) {
                Path rel = Path.of(Pipeline.LIGHTCURVE_FOLDER, name + ".calib");
                calibPath = staging.write(rel, Rendered.of(o -> CalibFile.write(o, result, c, t0, period)));
                log.say("Wrote data to " + rel);
            }
            if (formats.contains(OutputFormat.CSV)) {
                staging.write(Path.of(Pipeline.LIGHTCURVE_FOLDER, name + ".csv"),
                        Rendered.of(o -> TableFiles.csv(o, result, c, options.programVersion())));
            }
            if (formats.contains(OutputFormat.FITS)) {
                staging.write(Path.of(Pipeline.LIGHTCURVE_FOLDER, name + ".fits"),
                        Rendered.of(o -> TableFiles.fits(o, result, c, t0, period, options.programVersion())));
            }
            if (formats.contains(OutputFormat.LCURVE)) {
                staging.write(Path.of(Pipeline.LIGHTCURVE_FOLDER, name + ".lcurve"), Rendered.of(o -> TableFiles.lcurve(o, c)));
            }
            withFiles.add(new CcdResult(c.ccd(), c.band(), c.lightcurve(), c.bmjdTdb(), c.airmass(), c.phase(),
                    c.inPhaseRange(), c.flags(), calibPath));
        }
        return withFiles;
    }

    /** Lines of parallel logs interleave: each carries its log's name. */
    private static java.util.function.Consumer<String> prefixed(java.util.function.Consumer<String> l, String name) {
        return l == null ? null : line -> l.accept(line.isEmpty() ? "[" + name + "]" : "[" + name + "] " + line);
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
        // the config mode's keys name the bands of this log
        List<String> b = new ArrayList<>(!spec.bands().isEmpty() ? spec.bands() : p.bands());
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
        if (!b.isEmpty() && b.size() < nccd) {
            // fewer bands than CCDs: cal_phot indexed bands[CCD-1] and failed (IndexError) on the first CCD
            // without one; naming the rest 'ccdN' would hide a config written for another instrument
            throw new BadInputException("payload '" + p.name() + "' names " + b.size() + " band"
                    + (b.size() == 1 ? "" : "s") + " (" + String.join(", ", b) + ") but " + spec.log() + " has "
                    + nccd + " CCDs: give one band per CCD ('bands: [...]')",
                    p.where() == null ? Location.of(spec.log().toString()) : p.where());
        }
        while (b.size() < nccd) {
            b.add("ccd" + (b.size() + 1)); // no band known at all (ULTRASPEC without 'bands'): named by CCD
        }
        return b;
    }

    /** The frame flags of a lightcurve: the OR of the target's and used comparisons' flag bits. */
    static int[] frameFlags(CcdTable ccd, CalibratedLightcurve lc, String target) {
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
}
