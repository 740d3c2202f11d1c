// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.pipeline.CcdResult;
import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.Pipeline;
import org.calphot.pipeline.PipelineServices;
import org.calphot.pipeline.RunOptions;
import org.calphot.pipeline.RunResult;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.LogFormat;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job checks itself against truth: {@code calphot run}'s pipeline (public factories, no figures) on
 * simulated logs and the simulator's config. Out of eclipse, the pulls (calibrated - true) / error must have
 * mean 0 +- 0.1 and spread 1.0 +- 0.1, and each CCD's flux level must match the truth within its stated
 * error: the budget's systematic and the statistical error of the mean in quadrature, at 3.5 sigma because
 * 21 CCD levels are checked (1 % chance of a false alarm over all of them; the config's magnitudes are the
 * true ones, so the level error here is almost all statistical).
 * <p>
 * Fixed seed sets, so the test is deterministic: HiPERCAM seeds 101, 102, 103 (thin clouds 0.3 mag, 400
 * frames of 5 s each;
 * worst level seen -3.2 sigma, seed 102 g); ULTRACAM seed 201 (500 frames of 3 s, u co-added 3x); ULTRASPEC seed 301 in the ulog
 * format. Each seed set pools every CCD's out-of-eclipse frames (about 2000 for HiPERCAM), so the mean's
 * 1-sigma error is ~0.02 and the spread's ~0.015: the +-0.1 bounds are 5-7 sigma for a correct pipeline.
 */
class PipelineAccuracyTest {

    @TempDir
    Path tmp;

    /** Pull statistics of one seed set. */
    record Pulls(int n, double mean, double spread, List<String> levels) {
    }

    @Test
    void hipercamWithCloudsRecoversTrueFlux() throws Exception {
        List<SimulationSpec> specs = new ArrayList<>();
        for (long seed : new long[] {101, 102, 103}) {
            specs.add(SimulationSpec.defaults(Instrument.HIPERCAM).seed(seed).frames(400).exposureS(5)
                    .cloudDepthMag(0.3).runName("run" + seed).build());
        }
        check(specs, 1500);
    }

    @Test
    void ultracamCoaddsRecoverTrueFlux() throws Exception {
        check(List.of(SimulationSpec.defaults(Instrument.ULTRACAM).seed(201).frames(500).build()), 1000);
    }

    @Test
    void ultraspecUlogRecoversTrueFlux() throws Exception {
        // one CCD: fewer frames pooled, so a longer run
        check(List.of(SimulationSpec.defaults(Instrument.ULTRASPEC).format(LogFormat.ULOG).seed(301).frames(1200)
                .build()), 1000);
    }

    private void check(List<SimulationSpec> specs, int minFrames) throws Exception {
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        List<String> report = new ArrayList<>();
        for (SimulationSpec spec : specs) {
            Path dir = tmp.resolve(spec.instrument().id() + "-" + spec.seed());
            Simulator.Result sim = Truth.simulator().write(spec, dir, false, null, Warnings.IGNORE);
            Truth truth = new Truth(spec);
            CalphotJob job = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(sim.config());
            PipelineServices services = new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                    PhotometryServices.fluxCalibrator(), null, null);
            RunResult run = new Pipeline(services).run(job, new RunOptions(dir.resolve("out"), true, dir, null, 1,
                    "test"), null, Warnings.IGNORE);
            PhotometryLog log = LogIo.defaultReaders().read(sim.log(), Warnings.IGNORE);
            assertEquals(1, run.logs().size());
            LogResult lr = run.logs().get(0);
            assertEquals(spec.instrument().nccd(), lr.ccds().size());
            // out of eclipse: beyond first/last contact plus half the longest exposure
            double edge = spec.eclipseWidthPhase() / 2 + 30.0 / 86400 / spec.periodDays();
            for (CcdResult c : lr.ccds()) {
                CalibratedLightcurve lc = c.lightcurve();
                CcdTable table = log.ccd(c.ccd());
                int[] nframe = table.nframe();
                double lsum = 0;
                double lw = 0;
                int used = 0;
                for (int i = 0; i < lc.size(); i++) {
                    Truth.Line t = truth.get(c.ccd(), nframe[lc.frameRow()[i]]);
                    if (t == null || t.junk() || c.flags()[i] != 0 || Math.abs(t.phase()) < edge) {
                        continue;
                    }
                    double pull = (lc.fluxMjy()[i] - t.targetMjy()) / lc.fluxErrMjy()[i];
                    sum += pull;
                    sum2 += pull * pull;
                    n++;
                    // fractional level, inverse-variance weighted
                    double frac = lc.fluxMjy()[i] / t.targetMjy() - 1;
                    double ef = lc.fluxErrMjy()[i] / t.targetMjy();
                    lsum += frac / (ef * ef);
                    lw += 1 / (ef * ef);
                    used++;
                }
                double level = lsum / lw;
                double statOfMean = 1 / Math.sqrt(lw);
                double sys = lc.budget().systematic();
                double allowed = 3.5 * Math.hypot(Double.isFinite(sys) ? sys : 0, statOfMean);
                String line = String.format(Locale.ROOT, "%s seed %d CCD %s: %d frames, level %+.5f, systematic %.5f,"
                        + " stat of mean %.5f", spec.instrument().id(), spec.seed(), c.ccd(), used, level, sys,
                        statOfMean);
                report.add(line + (used > 50 && Math.abs(level) < allowed ? "" : "  <-- FAILS"));
            }
        }
        double mean = sum / n;
        double spread = Math.sqrt(sum2 / n - mean * mean);
        String summary = String.format(Locale.ROOT, "%d pulls: mean %+.4f, spread %.4f%n  %s", n, mean, spread,
                String.join("\n  ", report));
        System.out.println(summary);
        assertTrue(n >= minFrames, summary);
        assertTrue(report.stream().noneMatch(l -> l.endsWith("FAILS")), summary);
        assertEquals(0.0, mean, 0.1, summary);
        assertEquals(1.0, spread, 0.1, summary);
    }
}
