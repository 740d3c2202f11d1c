// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.calphot.catalogue.sdss.SdssCatalogues;
import org.calphot.catalogue.sdss.SdssSettings;
import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.photometry.AbMagnitudes;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.testing.RecordedHttpServer;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 items 1 and 9, end to end: a simulated ULTRASPEC KG5 night in catalogue mode whose three comparison
 * stars are answered by the real SkyServer client from recorded-format replies served on 127.0.0.1.
 * <p>
 * Star A (aperture 2) is clean: g = 15.30 +- 0.010, r = 14.90 +- 0.010. Star B (aperture 3) is saturated in r
 * (SkyServer's saturated_r = 1): its catalogue r = 13.20 is 0.30 mag too faint (the true r is 12.90). Star C
 * (aperture 4) has clean = 0 (NOT_CLEAN): its catalogue g is 0.30 mag too faint. The simulator observes each star
 * at KG5 = g - 0.2240 (g-r)^2 - 0.3590 (g-r) + 0.0460 of its TRUE g and r (cal_phot's convert_kg5). Worked by hand:
 * A: g-r = 0.40, KG5 = 15.30 - 0.03584 - 0.1436 + 0.0460 = 15.16656; B (true g 13.90, r 12.90): g-r = 1.00,
 * KG5 = 13.90 - 0.2240 - 0.3590 + 0.0460 = 13.3630; C (true g 14.70, r 14.20): g-r = 0.50, KG5 = 14.70 - 0.0560
 * - 0.1795 + 0.0460 = 14.5105.
 * <p>
 * Both bad stars must be left out with a warning naming each, so the comparison flux is star A's alone and the
 * target's flux matches the simulator's truth within its error; used, star B alone (catalogue KG5 = 13.20 -
 * 0.2240 (0.7)^2 - 0.3590 (0.7) + 0.0460 = 13.58494 vs the true 13.3630) would make the comparison flux
 * 0.22 mag too faint. The KG5 error of star A through the transform's derivatives: dKG5/dg = 1 - 0.448 (g-r)
 * - 0.359 = 0.4618, dKG5/dr = 0.448 (g-r) + 0.359 = 0.5382, so sigma = 0.01 sqrt(0.4618^2 + 0.5382^2) = 0.0070917
 * (hypot(sigma_g, sigma_r) = 0.0141421 was used before).
 */
class CatalogueQualityRunTest {

    static final double KG5_A = 15.16656;
    static final double KG5_B = 13.3630;
    static final double KG5_C = 14.5105;

    // SkyServer x_results.aspx CSV layout (as in SkyServerCatalogueTest, from astroquery's recorded xid_im.txt),
    // carrying the columns calphot's query selects; one star per reply. Values made up as described above.
    static final String HEADER = "#Table1\n"
            + "objID,ra,dec,type,clean,flags,psfMag_u,psfMagErr_u,psfMag_g,psfMagErr_g,psfMag_r,psfMagErr_r,"
            + "psfMag_i,psfMagErr_i,psfMag_z,psfMagErr_z,saturated_u,saturated_g,saturated_r,saturated_i,"
            + "saturated_z,distance\n";
    static final String STAR_A = "1237660000000000001,150.00000,20.01667,6,1,268435456,16.700,0.010,15.300,0.010,"
            + "14.900,0.010,14.750,0.010,14.700,0.020,0,0,0,0,0,0.0010\n";
    static final String STAR_B = "1237660000000000002,150.00000,20.03333,6,1,268697600,15.600,0.010,13.900,0.010,"
            + "13.200,0.010,12.900,0.010,12.800,0.010,0,0,1,0,0,0.0010\n";
    static final String STAR_C = "1237660000000000003,150.00000,20.05000,6,0,268435456,16.300,0.010,15.000,0.010,"
            + "14.200,0.010,14.000,0.010,13.900,0.010,0,0,0,0,0,0.0010\n";

    @TempDir
    Path dir;

    private RecordedHttpServer server;

    @BeforeEach
    void start() {
        // one reply per star, chosen by the Dec of the cone (the SQL carries fGetNearbyObjEq(ra, dec, radius)), so
        // the answer does not depend on the order in which the pipeline asks
        server = RecordedHttpServer.start().serve(ex -> {
            String sql = RecordedHttpServer.params(ex.getRequestURI().getRawPath() + "?"
                    + ex.getRequestURI().getRawQuery()).get("cmd");
            String star = sql.contains(", 20.01666") ? STAR_A : sql.contains(", 20.03333") ? STAR_B : STAR_C;
            RecordedHttpServer.ok(HEADER + star).send(ex);
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Collects warnings as text. */
    static final class Collect implements Warnings {
        final List<String> all = new CopyOnWriteArrayList<>();

        @Override
        public void warn(Location location, String message) {
            all.add(message);
        }
    }

    @Test
    void saturatedAndNotCleanComparisonsAreLeftOutAndTheFluxMatchesTheTruth() throws Exception {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.ULTRASPEC).seed(15).frames(400)
                .compMags(new double[][] {{KG5_A, KG5_B, KG5_C}}).junkFraction(0).build();
        Simulator.Result sim = new Simulator(TimeServices.corrector(), TimeServices.siteRegistry())
                .write(spec, dir, true, null, Warnings.IGNORE);
        assertEquals("10:00:00.00 +20:00:00.0", spec.targetCoords());
        Files.writeString(dir.resolve("run.coords"), """
                # ULTRASPEC comparisons, 1', 2' and 3' north of the target
                KG5

                10:00:00.00 +20:01:00.0
                10:00:00.00 +20:02:00.0
                10:00:00.00 +20:03:00.0
                """);
        String cfg = """
                target coords: %s
                period: %s
                T0: %s
                SDSS: 1
                directory: %s
                %s
                extract:
                  sim:
                    observatory: %s
                    inst: %s
                    phase range: [-0.5, 0.5]
                    oname: SIM
                    logfiles:
                      %s: run.coords
                """;
        Files.writeString(dir.resolve("default.yaml"), cfg.formatted(spec.targetCoords(), spec.periodDays(),
                spec.t0BmjdTdb(), "out", "", spec.site(), spec.instrument().calphotInst(), sim.log().getFileName()));
        Files.writeString(dir.resolve("keep.yaml"), cfg.formatted(spec.targetCoords(), spec.periodDays(),
                spec.t0BmjdTdb(), "keep", "keep not clean: true", spec.site(), spec.instrument().calphotInst(),
                sim.log().getFileName()));

        Collect warnings = new Collect();
        RunResult r = run(dir.resolve("default.yaml"), warnings, "c1");
        assertEquals(3, server.requests().size(), "one SkyServer query per star");
        CalibratedLightcurve lc = r.logs().get(0).ccds().get(0).lightcurve();
        assertEquals("KG5", r.logs().get(0).ccds().get(0).band());

        // both bad stars left out, each named in a warning
        assertEquals(List.of("2"), lc.comparisonLabels());
        assertTrue(warnings.all.stream().anyMatch(w -> w.contains("1237660000000000002") && w.contains("saturated")
                && w.contains("KG5")), warnings.all.toString());
        assertTrue(warnings.all.stream().anyMatch(w -> w.contains("1237660000000000003") && w.contains("NOT_CLEAN")),
                warnings.all.toString());
        assertEquals(AbMagnitudes.toMilliJansky(KG5_A), lc.comparisonFluxMjy(), 1e-4 * lc.comparisonFluxMjy());

        // the target's flux against the simulator's truth: weighted mean of flux / truth within 3 sigma of 1
        double[] truth = truthTargetFlux(sim.truthCsv());
        double sw = 0;
        double swr = 0;
        for (int i = 0; i < lc.size(); i++) {
            double t = truth[lc.frameRow()[i]];
            double ratio = lc.fluxMjy()[i] / t;
            double w = Math.pow(t / lc.fluxErrMjy()[i], 2);
            sw += w;
            swr += w * ratio;
        }
        double mean = swr / sw;
        double err = 1 / Math.sqrt(sw);
        assertTrue(lc.size() > 350, "frames " + lc.size());
        assertTrue(Math.abs(mean - 1) < 3 * err, "flux / truth = " + mean + " +- " + err);
        assertTrue(err < 0.01, "the test can tell a 0.22 mag (20 %) error: sigma " + err);

        // issue 15 item 7: the budget carries the catalogue's own calibration. One star: independent part
        // 0.4 ln10 x 0.0070917 = 0.0065317 of the flux; common part 0.4 ln10 x hypot(0.01 SDSS g/r zero point,
        // 0.01 AB offset) = 0.0130254; no scatter with one star: systematic = hypot(0.0065317, 0.0130254) = 0.0145713
        // (before: 0.0065317, the catalogue calibration left out)
        assertEquals(0.0145713, lc.budget().systematic(), 2e-7);
        assertEquals(0.0145713, lc.budget().comparisonMags(), 2e-7);

        // provenance: the decision per star, KG5 error through the derivatives
        List<Map<String, Object>> q = queries(r);
        assertEquals("used", q.get(0).get("decision"));
        assertEquals(0.0070917, (Double) q.get(0).get("mag_err"), 1e-6);
        assertEquals(KG5_A, (Double) q.get(0).get("mag"), 1e-9);
        assertTrue(String.valueOf(q.get(1).get("decision")).startsWith("excluded: saturated"), q.get(1).toString());
        assertTrue(String.valueOf(q.get(2).get("decision")).startsWith("excluded: NOT_CLEAN"), q.get(2).toString());

        // 'keep not clean: true' keeps star C, recorded as kept; the saturated star stays out
        Collect w2 = new Collect();
        RunResult k = run(dir.resolve("keep.yaml"), w2, "c2");
        CalibratedLightcurve lk = k.logs().get(0).ccds().get(0).lightcurve();
        assertEquals(List.of("2", "4"), lk.comparisonLabels());
        assertTrue(String.valueOf(queries(k).get(2).get("decision")).startsWith("kept: NOT_CLEAN"));
        assertFalse(w2.all.stream().anyMatch(w -> w.contains("NOT_CLEAN")), w2.all.toString());
    }

    private RunResult run(Path config, Warnings warnings, String cache) throws CalphotException {
        CalphotJob job = new ConfigReader(TimeServices.siteRegistry(), warnings).read(config);
        Catalogue sdss = SdssCatalogues.create(SdssSettings.defaults()
                .withBaseUrl(server.baseUrl())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(4))
                .withRetries(0, Duration.ofMillis(1)));
        PipelineServices s = new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), CatalogueModeTest.registry(sdss), null);
        return new Pipeline(s).run(job, new RunOptions(null, false, dir.resolve(cache), null, 1, "test"), null,
                warnings);
    }

    /** flux_mjy_1 of every truth row (one per log line; ULTRASPEC has one CCD, so row = frame row). */
    static double[] truthTargetFlux(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<Double> out = new ArrayList<>();
        int col = -1;
        for (String l : lines) {
            if (l.startsWith("#")) {
                continue;
            }
            String[] f = l.split(",");
            if (col < 0) {
                col = List.of(f).indexOf("flux_mjy_1");
                continue;
            }
            out.add(Double.parseDouble(f[col]));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> queries(RunResult r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<Object>) r.provenance().get("catalogue_queries")) {
            out.add((Map<String, Object>) o);
        }
        return out;
    }
}
