// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.ephemeris.Ephemeris;
import org.calphot.ephemeris.EphemerisFitFile;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.pipeline.RunFigures;
import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.Pipeline;
import org.calphot.pipeline.PipelineServices;
import org.calphot.pipeline.RunOptions;
import org.calphot.pipeline.RunResult;
import org.calphot.time.TimeServices;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eclipse timing on real and simulated logs: {@code calphot eclipse-times} on the ULTRASPEC DP Leo
 * log against the published ephemeris, and {@code get eclipse times} / {@code fit ephemeris} inside
 * a run on the bundled synthetic log, whose true mid-eclipse time is known.
 */
class EclipseTimesTest {

    // the real DP Leo logs are unlicensed reference data: tests that read them skip without them (fail in CI)
    static final Path USPEC = ReferenceData.referenceFolder().resolve("logs/hipercam_ultraspec_dpleo_2015-03-19")
            .toAbsolutePath().normalize();
    static final Path DEMO = Path.of("../../examples/demo").toAbsolutePath().normalize();
    static final double DAY = 86400;
    /** Beuermann et al. (2011) eq. 1, BJD 2454914.8322920(20) + 0.06236285648(90) E, as BMJD(TDB). */
    static final Ephemeris BEUERMANN = new Ephemeris(54914.3322920, 0.06236285648);

    static EclipseTimesTool tool() {
        return new EclipseTimesTool(LogIo.defaultReaders(), PhotometryServices.fluxCalibrator(),
                TimeServices.corrector(), TimeServices.siteRegistry(), EclipseTimer.create(), RunFigures.standard());
    }

    @Test
    void ultraspecDpLeoEclipseAgainstThePublishedEphemeris(@TempDir Path dir) throws Exception {
        ReferenceData.unlicensed("logs/hipercam_ultraspec_dpleo_2015-03-19");
        Path log = USPEC.resolve("2015_03_19_dpleo_run032_normal_gaussian_I.log");
        assertTrue(Files.isRegularFile(log), "reference log missing: " + log);
        StringWriter text = new StringWriter();
        List<String> warnings = new ArrayList<>();
        EclipseTimesTool.Args a = new EclipseTimesTool.Args(List.of(log), "11:17:15.99 +17:57:40.9", "TNO", BEUERMANN,
                Double.NaN, Double.NaN, null, dir, 1);
        assertEquals(0, tool().run(a, new PrintWriter(text), null, (l, m) -> warnings.add(m)));
        EclipseTimeTable t = EclipseTimesFile.read(dir.resolve("EPHEMERIS/eclipse_times.txt"), Warnings.IGNORE);
        assertEquals(1, t.size(), text.toString());
        // 2015-03-19 is cycle 35058 of the 2009 ephemeris
        assertEquals(35058, t.cycles()[0]);
        double oc = (t.bmjdTdb()[0] - BEUERMANN.predict(35058)) * DAY;
        double err = t.errors()[0] * DAY;
        System.out.printf("DP Leo 2015-03-19 (ULTRASPEC): BMJD(TDB) %.8f +- %.2f s, O-C %.2f s against Beuermann+2011%n",
                t.bmjdTdb()[0], err, oc);
        // a sanity check, not a measurement test: the period error alone extrapolates to 3 s, and a third-body
        // light-travel time of tens of seconds is possible
        assertTrue(Math.abs(oc) < 60, "O-C " + oc + " s");
        assertTrue(err > 0.1 && err < 5, "error " + err + " s");
        assertTrue(Files.isRegularFile(dir.resolve("EPHEMERIS/2015_03_19_dpleo_run032_normal_gaussian_I_E35058.png")));
        assertEquals(log.toString(), t.sourceName(0));

        // the same log again replaces its row; another log becomes source 1; ids stay
        EclipseTimesTool.Args b = new EclipseTimesTool.Args(List.of(log,
                USPEC.resolve("2015_03_19_dpleo_run032_normal_gaussian_II.log")), "11:17:15.99 +17:57:40.9", "TNO",
                null, Double.NaN, Double.NaN, "1", dir, 2);
        tool().run(b, new PrintWriter(new StringWriter()), null, Warnings.IGNORE);
        EclipseTimeTable t2 = EclipseTimesFile.read(dir.resolve("EPHEMERIS/eclipse_times.txt"), Warnings.IGNORE);
        assertEquals(2, t2.size());
        assertEquals(0, t2.sourceId(log.toString()));
        assertEquals(1, t2.sourceId(USPEC.resolve("2015_03_19_dpleo_run032_normal_gaussian_II.log").toString()));
        // no --ephemeris and one cycle in the file: no prior, cycle 0 as cal_phot wrote
        for (int c : t2.cycles()) {
            assertTrue(c == 0 || c == 35058, "cycle " + c);
        }
        // the two extractions of the same frames agree within their errors
        assertEquals(t2.bmjdTdb()[0], t2.bmjdTdb()[1], 3 * Math.max(t2.errors()[0], t2.errors()[1]));
    }

    @Test
    void badArgumentsAreBadInput(@TempDir Path dir) {
        ReferenceData.unlicensed("logs/hipercam_ultraspec_dpleo_2015-03-19");
        Path log = USPEC.resolve("2015_03_19_dpleo_run032_normal_gaussian_I.log");
        assertThrows(BadInputException.class, () -> tool().run(new EclipseTimesTool.Args(List.of(log),
                "11:17:15.99 +17:57:40.9", "TNO", BEUERMANN, Double.NaN, Double.NaN, "3", dir, 1),
                new PrintWriter(new StringWriter()), null, Warnings.IGNORE));
        // a window with no eclipse: nothing timed, the file is not written
        BadInputException e = assertThrows(BadInputException.class, () -> tool().run(new EclipseTimesTool.Args(
                List.of(log), "11:17:15.99 +17:57:40.9", "TNO", BEUERMANN, 57100.636, 57100.645, null, dir, 1),
                new PrintWriter(new StringWriter()), null, Warnings.IGNORE));
        assertTrue(e.getMessage().startsWith("no eclipse was timed"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("EPHEMERIS/eclipse_times.txt")));
    }

    static CalphotJob demoJob(Path dir, boolean fit) throws Exception {
        Files.copy(DEMO.resolve("run001.log"), dir.resolve("run001.log"));
        String cfg = Files.readString(DEMO.resolve("calphot.yaml")).replace("get eclipse times: false",
                "get eclipse times: true").replace("fit ephemeris: false", "fit ephemeris: " + fit);
        Files.writeString(dir.resolve("calphot.yaml"), cfg);
        return new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(dir.resolve("calphot.yaml"));
    }

    static PipelineServices services() {
        return new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), null, RunFigures.standard());
    }

    @Test
    void runTimesTheEclipseThenFitsAndFoldsOnTheFit(@TempDir Path dir) throws Exception {
        CalphotJob job = demoJob(dir, true);
        double t0 = job.t0();
        double p = job.period();
        // earlier eclipse times in the output folder, 2 s errors, on the true ephemeris
        Path eph = dir.resolve("calphot_out/EPHEMERIS");
        Files.createDirectories(eph);
        Files.writeString(eph.resolve("eclipse_times.txt"), String.format(java.util.Locale.ROOT,
                "#archive,3\n-1000,%.10f,2.3e-05,3\n-500,%.10f,2.3e-05,3\n500,%.10f,2.3e-05,3\n", t0 - 1000 * p + 1.5 / DAY,
                t0 - 500 * p - 2.0 / DAY, t0 + 500 * p + 0.7 / DAY));
        RunResult r = new Pipeline(services()).run(job, RunOptions.defaults(), null, Warnings.IGNORE);
        Path out = r.outputDir();
        EclipseTimeTable t = EclipseTimesFile.read(out.resolve("EPHEMERIS/eclipse_times.txt"), Warnings.IGNORE);
        assertEquals(4, t.size());
        assertEquals(3, t.sourceId("archive"));
        int id = t.sourceId("run001.log");
        assertEquals(4, id);
        int k = 0;
        while (t.sourceIds()[k] != id) {
            k++;
        }
        assertEquals(0, t.cycles()[k]);
        // the simulator's true mid-eclipse time is T0 (run001.truth.json)
        double pull = (t.bmjdTdb()[k] - t0) / t.errors()[k];
        System.out.printf("demo eclipse: %.3f s from the truth, error %.3f s%n", (t.bmjdTdb()[k] - t0) * DAY,
                t.errors()[k] * DAY);
        assertTrue(Math.abs(pull) < 4, "pull " + pull);
        assertTrue(t.errors()[k] * DAY < 1.0, "error " + t.errors()[k] * DAY);

        EphemerisFitFile.Contents fit = EphemerisFitFile.read(out.resolve("EPHEMERIS/ephemeris_fit.txt"));
        assertEquals(t0, fit.t0(), 4 * fit.t0Err());
        assertEquals(p, fit.period(), 4 * fit.periodErr());
        for (String f : List.of("ephemeris_chain.txt", "ephemeris_scatter.pdf", "ephemeris_scatter.png",
                "ephemeris_corner_plot.pdf", "ephemeris_corner_plot.png", "ephemeris_traces.pdf",
                "ephemeris_traces.png", "SIMCV_run001_E0.png")) {
            assertTrue(Files.size(out.resolve("EPHEMERIS").resolve(f)) > 1000, f);
        }
        // the fitted ephemeris folds the lightcurves and is recorded
        LogResult lr = r.logs().get(0);
        assertEquals(fit.t0(), lr.eclipseBmjd(), 1e-9);
        String prov = Files.readString(out.resolve("provenance.json"));
        assertTrue(prov.contains("\"from\": \"fit ephemeris\""), prov);
        assertTrue(prov.contains("\"seed\": 42"), prov);
        try (Stream<Path> s = Files.walk(out)) {
            assertTrue(s.noneMatch(f -> f.toString().contains("staging")));
        }
    }

    @Test
    void fitEphemerisWithoutEnoughTimesIsBadInputAndWritesNothing(@TempDir Path dir) throws Exception {
        CalphotJob job = demoJob(dir, true);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new Pipeline(services()).run(job, RunOptions.defaults(), null, Warnings.IGNORE));
        assertTrue(e.getMessage().contains("at least 3 eclipse times"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("calphot_out/EPHEMERIS/eclipse_times.txt")));
    }
}
