// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.config.CalphotJob;
import org.calphot.config.LogSpec;
import org.calphot.config.Payload;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.core.photometry.CalibrationOptions;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.time.TimeRequest;
import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.Ephemeris;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.ephemeris.EphemerisFitFile;
import org.calphot.ephemeris.EphemerisFitter;
import org.calphot.ephemeris.McmcOptions;
import org.calphot.mcmc.ChainIO;
import org.calphot.core.util.PyFloat;
import org.calphot.output.RunLog;

/**
 * The run's eclipse times and ephemeris fit, before extraction as in cal_phot: payloads with
 * {@code get eclipse times: true} have the eclipses of their logs timed (the calibrated flux of
 * the first band's CCD, or the count ratio when the payload is not flux calibrated or not
 * extracted) into {@code EPHEMERIS/eclipse_times.txt}; {@code fit ephemeris: true} then fits that
 * file and the fitted T0, P fold the lightcurves. Everything goes through the run's staged outputs.
 */
final class EphemerisStep {

    /** The ephemeris that folds the lightcurves, where it came from, and what to record. */
    record Result(double t0, double period, String origin, Map<String, Object> provenance) {
    }

    private EphemerisStep() {
    }

    static boolean needed(CalphotJob job) {
        return job.fitEphemeris() || job.payloads().stream().anyMatch(Payload::getEclipseTimes);
    }

    /** Progress units of this step: one per log timed and one for the fit, each {@code scale} parent units. */
    static int units(CalphotJob job) {
        int n = job.fitEphemeris() ? 1 : 0;
        for (Payload p : job.payloads()) {
            if (p.getEclipseTimes()) {
                n += p.logs().size();
            }
        }
        return n;
    }

    static Result run(PipelineServices services, CalphotJob job, RunOptions options, Path base, Path out,
            OutputFiles staging, ProgressMonitor pm, int scale, Warnings warnings, RunLog runLog)
            throws CalphotException {
        Map<String, Object> prov = new LinkedHashMap<>();
        // the samplers report to their own begin/worked: each gets a share of the run's progress
        // the file of this output folder; a new run-N folder starts from the one in the configured directory
        Path existing = out.resolve(EclipseTimes.FILE);
        if (!Files.isRegularFile(existing) && !out.equals(base)) {
            existing = base.resolve(EclipseTimes.FILE);
        }
        EclipseTimeTable table = EclipseTimes.readOrEmpty(existing, warnings);
        prov.put("eclipse_times_read", Files.isRegularFile(existing) ? existing.toString() : null);
        prov.put("eclipse_times_before", table.size());
        table = timeEclipses(services, job, options, staging, pm, scale, warnings, runLog, table, prov);
        if (!job.fitEphemeris()) {
            return new Result(job.t0(), job.period(), "config", prov);
        }
        return fitEphemeris(services, job, out, staging, pm, scale, warnings, runLog, table, prov);
    }

    /** What timing every log of a run shares: the model, its sampler, the prior ephemeris, the quiet resolver. */
    private record Timing(EclipseTimer timer, EclipseTimer.Options topts, Ephemeris prior,
            org.calphot.config.EclipseSettings settings, MagnitudeResolver quiet, Path configDir) {
    }

    /**
     * Times the eclipses of every log of the payloads with {@code get eclipse times: true}, adds them to
     * {@code table} and stages the updated {@code eclipse_times.txt}; the table the run goes on with.
     */
    private static EclipseTimeTable timeEclipses(PipelineServices services, CalphotJob job, RunOptions options,
            OutputFiles staging, ProgressMonitor pm, int scale, Warnings warnings, RunLog runLog,
            EclipseTimeTable table, Map<String, Object> prov) throws CalphotException {
        Path configDir = job.configFile().toAbsolutePath().getParent();
        List<Object> timedProv = new ArrayList<>();
        boolean changed = false;
        Ephemeris prior = new Ephemeris(job.t0(), job.period());
        org.calphot.config.EclipseSettings es = org.calphot.config.EclipseSettings.of(job);
        EclipseTimer timer = org.calphot.ephemeris.EclipseTimers.byName(es.model(),
                Location.key(job.configFile().toString(), 0, "eclipse model"));
        EclipseTimer.Options topts = EclipseTimer.Options.defaults().withSampler(16, EclipseTimes.TIMING_STEPS,
                job.seed());
        // its own resolver without warnings: extraction resolves (and warns) again for the same logs
        MagnitudeResolver quiet = new MagnitudeResolver(job, services.catalogues(), services.filterSystems(),
                options, Warnings.IGNORE);
        Timing timing = new Timing(timer, topts, prior, es, quiet, configDir);
        for (Payload p : job.payloads()) {
            if (!p.getEclipseTimes()) {
                continue;
            }
            runLog.say("");
            runLog.say("Timing the eclipses of payload '%s' (prior ephemeris T0 = %s, P = %s; model %s)", p.name(),
                    PyFloat.repr(job.t0()), PyFloat.repr(job.period()), timer.name());
            for (LogSpec spec : p.logs()) {
                EclipseTimes.Timed t = timeLog(services, job, p, spec, timing, staging, pm, scale, warnings, runLog,
                        timedProv);
                if (!t.timings().isEmpty()) {
                    table = table.withSource(EclipseTimes.sourceName(spec.log(), configDir), t.cycles(), t.times(),
                            t.errors());
                    changed = true;
                }
            }
        }
        if (!timedProv.isEmpty()) {
            Map<String, Object> et = new LinkedHashMap<>();
            et.put("prior_t0_bmjd_tdb", job.t0());
            et.put("prior_period_d", job.period());
            et.put("model", timer.name());
            et.put("seed", job.seed());
            et.put("walkers", topts.walkers());
            et.put("steps", topts.steps());
            et.put("logs", timedProv);
            prov.put("eclipse_timing", et);
        }
        if (changed) {
            String text = EclipseTimesFile.format(table);
            Path written = staging.write(EclipseTimes.FILE, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
            prov.put("eclipse_times_written", written.toString());
            runLog.say("Eclipse times: %d in %s", table.size(), EclipseTimes.FILE);
        }
        prov.put("eclipse_times", table.size());
        return table;
    }

    /** One log's eclipses: timed on its chosen CCD, a figure each, its lines in the run log and provenance. */
    private static EclipseTimes.Timed timeLog(PipelineServices services, CalphotJob job, Payload p, LogSpec spec,
            Timing timing, OutputFiles staging, ProgressMonitor pm, int scale, Warnings warnings, RunLog runLog,
            List<Object> timedProv) throws CalphotException {
        EclipseTimer timer = timing.timer();
        Ephemeris prior = timing.prior();
        Path configDir = timing.configDir();
        pm.checkCanceled();
        pm.subTask("timing eclipses in " + spec.log().getFileName());
        Curve c = curve(services, job, p, spec, timing.quiet(), warnings, timing.settings().ccd());
        runLog.say("  %s: timed on CCD %s (%s), %s", spec.log().getFileName(), c.ccd, c.band, c.choice);
        ProgressMonitor share = share(pm, scale);
        EclipseTimes.Timed t = EclipseTimes.time(timer, c.bmjdTdb, c.flux, c.err, prior, timing.topts(), share,
                warnings,
                spec.where());
        share.worked(Integer.MAX_VALUE);
        List<Object> notTimed = new ArrayList<>();
        for (EclipseTimer.NotTimed n : t.notTimed()) {
            runLog.say("  %s: eclipse %d (predicted %s) not timed: %s", spec.log().getFileName(), n.cycle(),
                    PyFloat.repr(n.predictedBmjdTdb()), n.reason());
            Map<String, Object> nm = new LinkedHashMap<>();
            nm.put("log", spec.log().toString());
            nm.put("cycle", n.cycle());
            nm.put("predicted_bmjd_tdb", Double.isFinite(n.predictedBmjdTdb()) ? n.predictedBmjdTdb() : null);
            nm.put("reason", n.reason());
            notTimed.add(nm);
        }
        String source = EclipseTimes.sourceName(spec.log(), configDir);
        Map<String, Object> lp = new LinkedHashMap<>();
        lp.put("log", spec.log().toString());
        lp.put("source", source);
        lp.put("ccd", c.ccd);
        lp.put("lightcurve", c.what);
        lp.put("ccd_choice", c.choice);
        lp.put("model", timer.name());
        List<Object> ecl = new ArrayList<>();
        for (int k = 0; k < t.timings().size(); k++) {
            EclipseTiming e = t.timings().get(k);
            int cycle = t.cycles()[k];
            String stem = p.oname() + "_" + EclipseTimes.figureStem(spec.log(), cycle, e.midBmjdTdb(), true);
            List<Path> fig = services.figures() == null ? List.of()
                    : services.figures().writeEclipseFigure(staging, EclipseTimes.FOLDER, stem,
                            String.format(Locale.ROOT, "%s, CCD %s (%s): eclipse E = %d",
                                    spec.log().getFileName(), c.ccd, c.band, cycle), c.yLabel, e);
            double oc = EclipseTimes.ocSeconds(e.midBmjdTdb(), prior, cycle);
            runLog.say("  %s CCD %s: eclipse %d at %s +- %.2f s BMJD(TDB) (%s; white %.2f s, red %.2f s);"
                    + " O-C %.2f s against the config's ephemeris", spec.log().getFileName(), c.ccd, cycle,
                    PyFloat.repr(e.midBmjdTdb()), e.error() * 86400, e.errMethod(), e.errWhite() * 86400,
                    e.errRed() * 86400, oc);
            Map<String, Object> m = EclipseTimes.json(spec.log().toString(), c.ccd, c.band, cycle, e, oc);
            m.put("cycle", cycle);
            m.put("bmjd_tdb", e.midBmjdTdb());
            m.put("error_s", e.error() * 86400);
            m.put("o_minus_c_s", oc);
            m.put("width_s", e.width() * 86400);
            m.put("reduced_chi2", e.reducedChi2());
            m.put("error_scale", e.errorScale());
            m.put("points", e.nPoints());
            m.put("tau_warning", e.warning());
            m.put("figure", fig.isEmpty() ? null : fig.get(0).toString());
            ecl.add(m);
        }
        lp.put("eclipses", ecl);
        lp.put("not_timed", notTimed);
        timedProv.add(lp);
        return t;
    }

    /** Fits T0 and P to the eclipse times (least squares, then MCMC) and stages the fit, chain and figures. */
    private static Result fitEphemeris(PipelineServices services, CalphotJob job, Path out, OutputFiles staging,
            ProgressMonitor pm, int scale, Warnings warnings, RunLog runLog, EclipseTimeTable table,
            Map<String, Object> prov) throws CalphotException {
        if (table.size() < 3) {
            throw new BadInputException("'fit ephemeris: true' needs at least 3 eclipse times in "
                    + out.resolve(EclipseTimes.FILE) + " (or 'get eclipse times: true' on a payload), found "
                    + table.size(), Location.key(job.configFile().toString(), 0, "fit ephemeris"));
        }
        pm.subTask("fitting the ephemeris to " + table.size() + " eclipse times");
        EphemerisFitter fitter = EphemerisFitter.create();
        EphemerisFit wls = fitter.fitLeastSquares(table);
        McmcOptions mo = McmcOptions.defaults().withSeed(job.seed());
        ProgressMonitor share = share(pm, scale);
        EphemerisFit fit = fitter.fitMcmc(table, mo, share, warnings);
        share.worked(Integer.MAX_VALUE);
        String fitText = EphemerisFitFile.format(fit);
        List<Path> files = new ArrayList<>();
        files.add(staging.write(EclipseTimes.FOLDER.resolve("ephemeris_fit.txt"),
                o -> o.write(fitText.getBytes(StandardCharsets.UTF_8))));
        var production = fit.mcmc().chain().subChain(fit.mcmc().burn(), 1);
        files.add(staging.write(EclipseTimes.FOLDER.resolve("ephemeris_chain.txt"),
                o -> ChainIO.writeOriginalLayout(o, production)));
        if (services.figures() != null) {
            files.addAll(services.figures().writeEphemerisFigures(staging, EclipseTimes.FOLDER, fit));
        }
        sayFit(runLog, job, fit, warnings);
        prov.put("ephemeris_fit", fitProvenance(fit, wls, files));
        return new Result(fit.t0(), fit.period(), "fit", prov);
    }

    /** The fit's lines in Calibration.txt, old against new, and a warning for a poor fit or a short chain. */
    private static void sayFit(RunLog runLog, CalphotJob job, EphemerisFit fit, Warnings warnings) {
        runLog.say("");
        runLog.say("Ephemeris fit to %d eclipse times (MCMC, %d walkers x %d steps, burn %d, seed %d):", fit.nEclipses(),
                fit.mcmc().chain().nWalkers(), fit.mcmc().chain().nSteps(), fit.mcmc().burn(), job.seed());
        runLog.say("Old T0: %s", PyFloat.repr(job.t0()));
        runLog.say("New T0: %s +- %.2e (1 sigma; unscaled %.2e)", PyFloat.repr(fit.t0()), fit.t0ErrHeadline(),
                fit.t0Err());
        runLog.say("Old P:  %s", PyFloat.repr(job.period()));
        runLog.say("New P:  %s +- %.2e (1 sigma; unscaled %.2e)", PyFloat.repr(fit.period()), fit.periodErrHeadline(),
                fit.periodErr());
        runLog.say("Reduced chi2 %.3f (%d dof), %s; the new T0 and P fold the lightcurves", fit.reducedChi2(),
                fit.dof(), fit.errorNote());
        if (fit.poorFit()) {
            warnings.warn(Location.key(job.configFile().toString(), 0, "fit ephemeris"), String.format(
                    java.util.Locale.ROOT, "the ephemeris fit is poor (reduced chi2 %.2f > 3): the T0 and P errors are"
                            + " scaled by sqrt(reduced chi2); check the eclipse times", fit.reducedChi2Unscaled()));
        }
        if (fit.mcmc().tauWarning() != null) {
            warnings.warn(Location.key(job.configFile().toString(), 0, "fit ephemeris"), fit.mcmc().tauWarning());
        }
    }

    /** The fit's entry in provenance.json: the MCMC values, the least-squares ones and the files written. */
    private static Map<String, Object> fitProvenance(EphemerisFit fit, EphemerisFit wls, List<Path> files) {
        Map<String, Object> fp = new LinkedHashMap<>();
        fp.put("n_eclipses", fit.nEclipses());
        fp.put("t0", fit.t0());
        fp.put("t0_err", fit.t0ErrHeadline());
        fp.put("period", fit.period());
        fp.put("period_err", fit.periodErrHeadline());
        fp.put("reduced_chi2", fit.reducedChi2());
        fp.put("t0_err_unscaled", fit.t0Err());
        fp.put("period_err_unscaled", fit.periodErr());
        fp.put("errors", fit.errorNote());
        fp.put("dof", fit.dof());
        fp.put("corr_t0_period", fit.correlation());
        fp.put("least_squares", Map.of("t0", wls.t0(), "t0_err", wls.t0Err(), "period", wls.period(), "period_err",
                wls.periodErr(), "reduced_chi2", wls.reducedChi2()));
        fp.put("walkers", fit.mcmc().chain().nWalkers());
        fp.put("steps", fit.mcmc().chain().nSteps());
        fp.put("burn", fit.mcmc().burn());
        fp.put("thin", fit.mcmc().thin());
        fp.put("seed", fit.mcmc().seed());
        fp.put("tau", fit.mcmc().tau());
        fp.put("acceptance", fit.mcmc().meanAcceptance());
        fp.put("errors", "1 sigma: half the 16-84 % width of the posterior, medians as values");
        fp.put("files", files.stream().map(Path::toString).toList());
        return fp;
    }

    /**
     * A monitor that turns the whole of its own begin(total) into {@code units} units of the parent (several begins
     * share them, each taking the rest); worked beyond the total only completes the share; subtasks stay quiet.
     */
    static ProgressMonitor share(ProgressMonitor pm, int units) {
        return new ProgressMonitor() {
            private long total;
            private long done;
            private int given;

            @Override
            public synchronized void begin(String task, int totalWork) {
                total = Math.max(1, totalWork);
                done = 0;
            }

            @Override
            public synchronized void worked(int work) {
                done = Math.min(total == 0 ? 0 : total, done + Math.max(0, work));
                int target = work == Integer.MAX_VALUE ? units : total == 0 ? 0 : (int) (units * done / total);
                if (target > given) {
                    pm.worked(target - given);
                    given = target;
                }
            }

            @Override
            public void subTask(String name) {
            }

            @Override
            public boolean isCanceled() {
                return pm.isCanceled();
            }
        };
    }

    private record Curve(String ccd, String band, double[] bmjdTdb, double[] flux, double[] err, String yLabel,
            String what, String choice) {
    }

    /**
     * The lightcurve an eclipse is timed on: the first CCD with data (the first band), calibrated as the
     * extraction will calibrate it; a payload that is not extracted is timed on the count ratio.
     */
    private static Curve curve(PipelineServices services, CalphotJob job, Payload p, LogSpec spec,
            MagnitudeResolver quiet, Warnings warnings, String ccdLabel) throws CalphotException {
        if (!Files.isRegularFile(spec.log())) {
            throw new BadInputException("log file not found: " + spec.log(), spec.where());
        }
        PhotometryLog plog = services.logs().read(spec.log(), p.extractData() ? Warnings.IGNORE : warnings);
        CcdTable ccd = null;
        int index = -1;
        CalibrationOptions copts = CalibrationOptions.DEFAULTS.withIgnoreFlags(p.ignoreFlags())
                .withDropComparisonPerFrame(p.dropBadComparisons());
        String choice;
        if (ccdLabel != null) {
            for (int i = 0; i < plog.ccds().size(); i++) {
                if (plog.ccds().get(i).ccd().equals(ccdLabel)) {
                    ccd = plog.ccds().get(i);
                    index = i;
                }
            }
            if (ccd == null || ccd.rows() == 0) {
                throw new BadInputException("'eclipse ccd: " + ccdLabel + "': the CCD " + (ccd == null
                        ? "is not in " : "has no data in ") + spec.log().getFileName(),
                        Location.key(job.configFile().toString(), 0, "eclipse ccd"));
            }
            choice = "'eclipse ccd' in the config";
        } else {
            // the CCD whose eclipse (in the count ratio) has the highest signal-to-noise
            double bestSnr = Double.NEGATIVE_INFINITY;
            int candidates = 0;
            for (int i = 0; i < plog.ccds().size(); i++) {
                CcdTable c = plog.ccds().get(i);
                if (c.rows() == 0 || c.apertureLabels().size() < 2) {
                    continue;
                }
                candidates++;
                List<String> cs = new ArrayList<>(c.apertureLabels());
                cs.remove(copts.targetLabel());
                CalibratedLightcurve r = services.calibrator().calibrate(c,
                        ComparisonMagnitudes.unitComparison(c.ccd(), "ccd" + c.ccd(), cs), copts, Warnings.IGNORE);
                double snr = EclipseTimes.eclipseSnr(r.mjdUtc(), r.ratio(), r.ratioErr());
                if (ccd == null || snr > bestSnr) {
                    ccd = c;
                    index = i;
                    bestSnr = Double.isNaN(snr) ? Double.NEGATIVE_INFINITY : snr;
                }
            }
            if (ccd == null) {
                for (int i = 0; i < plog.ccds().size() && ccd == null; i++) {
                    if (plog.ccds().get(i).rows() > 0) {
                        ccd = plog.ccds().get(i);
                        index = i;
                    }
                }
            }
            choice = String.format(Locale.ROOT, "highest eclipse S/N (%.0f) of %d CCDs", bestSnr, candidates);
        }
        if (ccd == null) {
            throw new BadInputException("the log has no data lines", Location.of(spec.log().toString()));
        }
        List<String> comps = new ArrayList<>(ccd.apertureLabels());
        comps.remove(copts.targetLabel());
        if (comps.isEmpty()) {
            throw new BadInputException("CCD " + ccd.ccd() + " has no comparison aperture (aperture "
                    + copts.targetLabel() + " is the target)", Location.of(spec.log().toString()));
        }
        String band = index < p.bands().size() ? p.bands().get(index) : "ccd" + ccd.ccd();
        boolean calibrated = p.extractData() && p.fluxCalibrate();
        ComparisonMagnitudes m = calibrated ? quiet.resolve(p, spec, index, ccd.ccd(), band, comps,
                Pipeline.observationDate(ccd), new RunLog(null))
                : ComparisonMagnitudes.unitComparison(ccd.ccd(), band, comps);
        CalibratedLightcurve lc = services.calibrator().calibrate(ccd, m, copts,
                p.extractData() ? Warnings.IGNORE : warnings);
        TimeRequest request = new TimeRequest(p.site(), job.target(), p.airmassFormula());
        double[] bmjd = services.time().correct(request, lc.mjdUtc(), warnings).bmjdTdb();
        return calibrated
                ? new Curve(ccd.ccd(), band, bmjd, lc.fluxMjy(), lc.fluxErrMjy(), "Flux (mJy)", "flux_mjy " + band,
                        choice)
                : new Curve(ccd.ccd(), band, bmjd, lc.ratio(), lc.ratioErr(), "Target / comparison count ratio",
                        "count_ratio " + band, choice);
    }
}
