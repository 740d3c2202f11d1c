// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.PhotometryLog;
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
import org.calphot.testing.LightcurveAssert;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's BMJD(TDB), phase and airmass of every calibrated frame against the simulator's truth, which does
 * not come from calphot's time service ({@code SkyTruth.independent()}: an astropy table of the Earth's barycentric
 * position and the simulator's own precession and sidereal time; 36 microseconds and 0.04 % from astropy's vectors,
 * see {@code IndependentSkyTest}).
 * <p>
 * Tolerances: 5 ms in time (the log prints MJD to 1e-8 d or better = 0.9 ms; the truth is good to 0.04 ms), so a 1 s
 * error fails by 200 times the bound; 0.2 % in airmass (the truth leaves out nutation and aberration, 0.04 % seen at
 * 15 degrees altitude), so a 1 % error fails by 5 times the bound.
 */
class TimeTruthTest {

    @TempDir
    Path tmp;

    @Test
    void hipercam() throws Exception {
        check(SimulationSpec.defaults(Instrument.HIPERCAM).seed(11).frames(200).exposureS(10).build());
    }

    @Test
    void ultracamWithCoadds() throws Exception {
        check(SimulationSpec.defaults(Instrument.ULTRACAM).seed(12).frames(300).exposureS(5).build());
    }

    @Test
    void ultraspecUlog() throws Exception {
        check(SimulationSpec.defaults(Instrument.ULTRASPEC).format(LogFormat.ULOG).seed(13).frames(200)
                .exposureS(10).build());
    }

    private void check(SimulationSpec spec) throws Exception {
        Path dir = tmp.resolve(spec.instrument().id());
        Simulator sim = Truth.simulator();
        assertTrue(sim.truth().source().startsWith("independent"), sim.truth().source());
        Simulator.Result r = sim.write(spec, dir, false, null, Warnings.IGNORE);
        assertTrue(Files.readString(r.truthJson()).contains("\"time_truth\": \"independent"),
                "the truth file says where its times come from");
        Map<String, double[]> truth = new HashMap<>();
        sim.generate(spec, l -> truth.put(l.ccdLabel + "/" + l.nframe, new double[] {l.bmjdTdb, l.airmass, l.phase}),
                null, Warnings.IGNORE);

        CalphotJob job = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(r.config());
        PipelineServices services = new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), null, null);
        RunResult run = new Pipeline(services).run(job, new RunOptions(dir.resolve("out"), true, dir, null, 1, "test"),
                null, Warnings.IGNORE);
        PhotometryLog log = LogIo.defaultReaders().read(r.log(), Warnings.IGNORE);
        List<LogResult> logs = run.logs();
        assertEquals(1, logs.size());
        int compared = 0;
        for (CcdResult c : logs.get(0).ccds()) {
            CcdTable table = log.ccd(c.ccd());
            int[] nframe = table.nframe();
            int n = c.lightcurve().size();
            double[] bTrue = new double[n];
            double[] xTrue = new double[n];
            double[] phTrue = new double[n];
            double[] phRun = new double[n];
            for (int i = 0; i < n; i++) {
                double[] t = truth.get(c.ccd() + "/" + nframe[c.lightcurve().frameRow()[i]]);
                bTrue[i] = t[0];
                xTrue[i] = t[1];
                phTrue[i] = t[2];
                // the run's phase counts from its own eclipse; the truth's from the nearest one
                phRun[i] = c.phase()[i] - Math.rint(c.phase()[i]);
            }
            double[] dtS = new double[n];
            double[] zero = new double[n];
            for (int i = 0; i < n; i++) {
                dtS[i] = (c.bmjdTdb()[i] - bTrue[i]) * 86400;
            }
            LightcurveAssert.assertAllClose(spec.instrument().id() + " CCD " + c.ccd() + " BMJD(TDB) - truth [s]", zero,
                    dtS, 5e-3);
            LightcurveAssert.assertAllRelative(spec.instrument().id() + " CCD " + c.ccd() + " airmass", xTrue,
                    c.airmass(), 2e-3);
            // 5 ms in phase units of the 84-min orbit
            LightcurveAssert.assertAllClose(spec.instrument().id() + " CCD " + c.ccd() + " phase", phTrue, phRun,
                    5e-3 / 86400 / spec.periodDays());
            double worstT = 0;
            double worstX = 0;
            for (int i = 0; i < n; i++) {
                worstT = Math.max(worstT, Math.abs(dtS[i]));
                worstX = Math.max(worstX, Math.abs(c.airmass()[i] / xTrue[i] - 1));
            }
            System.out.printf("%s CCD %s: %d frames, worst |BMJD - truth| %.2e s, worst |X/X_true - 1| %.2e%n",
                    spec.instrument().id(), c.ccd(), n, worstT, worstX);
            compared += n;
        }
        assertTrue(compared >= 190, "frames compared: " + compared);
    }
}
