// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.core.filters.ColourTermCoefficient;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.photometry.AbMagnitudes;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.filters.CamFilterSystems;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour terms in the catalogue mode, end to end: a simulated HiPERCAM night whose two comparison stars have known
 * SDSS magnitudes; the simulator observes them in the instrument's own bands (AB, super-SDSS), computed from the
 * SDSS magnitudes by hipercam-super's relation {@code m_band = m_sdss - offset - c (A - B)}. A fake catalogue
 * answers the SDSS magnitudes.
 * <p>
 * Star 1 (a K star): u 17.60 g 15.00 r 14.20 i 13.95 z 13.85 (g-r = 0.80); star 2: u 17.25 g 16.10 r 15.90
 * i 15.84 z 15.83 (g-r = 0.20). Hand computation for gs (CCD 2; c = +0.0527, offset = +0.0099, colour g-r):
 * star 1 gs = 15.00 - 0.0099 - 0.0527 * 0.80 = 15.00 - 0.05206; star 2 gs = 16.10 - 0.0099 - 0.0527 * 0.20
 * = 16.10 - 0.02044. The comparison flux, and so every calibrated flux (target counts / comparison counts x
 * comparison flux), changes by (10^(0.4 * 0.05206) + 10^(-0.4 * 1.10) 10^(0.4 * 0.02044)) / (1 + 10^(-0.4 * 1.10))
 * = (1.049117 + 0.363078 * 1.019004) / 1.363078 = 1.419095 / 1.363078 = 1.041096 over taking the stars' SDSS g
 * as their gs (calphot before filter systems). The other CCDs (same recipe): rs 1.000709, is 1.014937.
 * <p>
 * The terms were fitted to AB magnitudes (Gaia-SPSS synthetic SDSS), so u and z first go onto AB (u - 0.04,
 * z + 0.02; issue 15 item 3). us (c = +0.1271, offset -0.0033, colour u-g): star 1 us = 17.56 + 0.0033
 * - 0.1271 * 2.56 = 17.237924, star 2 us = 17.21 + 0.0033 - 0.1271 * 1.11 = 17.072219; factor over the SDSS u
 * magnitudes (10^(-0.4 * 17.237924) + 10^(-0.4 * 17.072219)) / (10^(-0.4 * 17.60) + 10^(-0.4 * 17.25))
 * = 1.269456 (it was 1.229281 without the AB offset: 3.3 % too faint). zs (c = +0.0601, offset -0.0003, colour
 * i-z): star 1 zs = 13.87 + 0.0003 - 0.0601 * 0.08 = 13.865492, star 2 zs = 15.85 + 0.0003 - 0.0601 * (-0.01)
 * = 15.850901; factor 0.985152 (1.004579 without the offset).
 */
class ColourTermRunTest {

    static final double[] STAR1 = {17.60, 15.00, 14.20, 13.95, 13.85};
    static final double[] STAR2 = {17.25, 16.10, 15.90, 15.84, 15.83};
    static final List<String> SDSS = List.of("u", "g", "r", "i", "z");

    /** SDSS magnitudes on AB: u - 0.04, z + 0.02 (what the filter systems' terms were fitted to). */
    static double[] ab(double[] sdss) {
        return new double[] {sdss[0] - 0.04, sdss[1], sdss[2], sdss[3], sdss[4] + 0.02};
    }

    /** Star 1 is 60" from the target in Dec, star 2 120": the catalogue answers by declination. */
    static final class FakeSdss implements Catalogue {
        final double targetDecDeg;

        FakeSdss(double targetDecDeg) {
            this.targetDecDeg = targetDecDeg;
        }

        @Override
        public String name() {
            return "sdss";
        }

        @Override
        public String description() {
            return "test double";
        }

        @Override
        public boolean remote() {
            return false;
        }

        @Override
        public List<String> bands() {
            return SDSS;
        }

        @Override
        public String queryText(ConeQuery cone, QueryOptions options) {
            return "cone " + cone.describe();
        }

        @Override
        public CatalogueResult query(ConeQuery cone, QueryOptions options) throws CalphotException {
            boolean first = Math.abs(cone.decDeg() - targetDecDeg) * 3600 < 90;
            double[] m = first ? STAR1 : STAR2;
            CatalogueStar s = new CatalogueStar(first ? "star1" : "star2", cone.raDeg(), cone.decDeg(), 0.2, m,
                    new double[] {0.03, 0.01, 0.01, 0.01, 0.02}, List.of("CLEAN"), Map.of());
            return new CatalogueResult("sdss", queryText(cone, options), cone, "SDSS", SDSS, List.of(s),
                    "2026-11-27T00:00:00Z", false);
        }
    }

    @TempDir
    Path dir;

    /** The instrument-band magnitude of a star by a filter system's relation (what the simulator observes). */
    static double bandMag(FilterSystem s, String band, double[] sdss, java.time.LocalDate date) throws Exception {
        Map<String, Double> m = new HashMap<>();
        for (int k = 0; k < SDSS.size(); k++) {
            m.put(SDSS.get(k), sdss[k]);
        }
        return s.magnitude(band, m, date);
    }

    @Test
    void hipercamColourTermsChangeTheFluxByTheExpectedFactor() throws Exception {
        FilterSystem hcam = CamFilterSystems.hipercamSuper();
        String[] bands = {"us", "gs", "rs", "is", "zs"};
        double[][] comp = new double[5][];
        for (int k = 0; k < 5; k++) {
            comp[k] = new double[] {bandMag(hcam, bands[k], ab(STAR1), null),
                bandMag(hcam, bands[k], ab(STAR2), null)};
        }
        SimulationSpec spec = SimulationSpec.defaults(Instrument.HIPERCAM).seed(11).frames(300).compMags(comp)
                .junkFraction(0).build();
        Path cfg = simulate(spec, "u g r i z", "");
        Path cfgOff = write("off.yaml", Files.readString(cfg).replace("SDSS: 1", "SDSS: 1\ncolour terms: false"));

        RunResult today = run(cfg, List.of(), "today");
        RunResult on = run(cfg, CamFilterSystems.all(), "on");
        RunResult off = run(cfgOff, CamFilterSystems.all(), "off");

        double[] expected = {1.269456, 1.041096, 1.000709, 1.014937, 0.985152}; // hand computed, class comment
        for (int k = 0; k < 5; k++) {
            ColourTermCoefficient t = hcam.colourTerm(bands[k], null).orElseThrow();
            CalibratedLightcurve lt = today.logs().get(0).ccds().get(k).lightcurve();
            CalibratedLightcurve lon = on.logs().get(0).ccds().get(k).lightcurve();
            CalibratedLightcurve loff = off.logs().get(0).ccds().get(k).lightcurve();
            // today: the SDSS magnitudes as they are
            double sdssSum = AbMagnitudes.toMilliJansky(STAR1[k]) + AbMagnitudes.toMilliJansky(STAR2[k]);
            assertEquals(sdssSum, lt.comparisonFluxMjy(), 1e-12 * sdssSum);
            // the factor from the filter system's own numbers
            double[] ab1 = ab(STAR1);
            double[] ab2 = ab(STAR2);
            double a1 = ab1[SDSS.indexOf(t.colourA())] - ab1[SDSS.indexOf(t.colourB())];
            double a2 = ab2[SDSS.indexOf(t.colourA())] - ab2[SDSS.indexOf(t.colourB())];
            double factor = (AbMagnitudes.toMilliJansky(ab1[k] - t.offset() - t.coefficient() * a1)
                    + AbMagnitudes.toMilliJansky(ab2[k] - t.offset() - t.coefficient() * a2)) / sdssSum;
            assertEquals(expected[k], factor, 1e-6, bands[k]);
            assertEquals(lt.size(), lon.size());
            assertTrue(lt.size() > 250, "frames " + lt.size());
            for (int i = 0; i < lt.size(); i++) {
                assertEquals(factor, lon.fluxMjy()[i] / lt.fluxMjy()[i], 1e-12, bands[k] + " frame " + i);
                // colour terms: false gives today's numbers exactly
                assertEquals(lt.fluxMjy()[i], loff.fluxMjy()[i], 0.0);
                assertEquals(lt.fluxErrMjy()[i], loff.fluxErrMjy()[i], 0.0);
            }
        }

        // provenance: per star the system, coefficient, colour and the magnitude before and after
        List<Map<String, Object>> queries = queries(on);
        assertEquals(10, queries.size());
        Map<String, Object> gs1 = queries.stream().filter(q -> q.get("ccd").equals("2") && q.get("chosen")
                .equals("star1")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> ct = (Map<String, Object>) gs1.get("colour_term");
        assertEquals(true, ct.get("applied"));
        assertEquals("hipercam-super", ct.get("system"));
        assertEquals("gs", ct.get("band"));
        assertEquals(0.0527, (Double) ct.get("coefficient"), 0.0);
        assertEquals(0.0099, (Double) ct.get("offset"), 0.0);
        assertEquals("g-r", ct.get("colour"));
        assertEquals(0.80, (Double) ct.get("colour_value"), 1e-12);
        assertEquals(15.00, (Double) ct.get("mag_before"), 0.0);
        assertEquals(15.00 - 0.05206, (Double) ct.get("mag_after"), 1e-12);
        Map<String, Object> us1 = queries.stream().filter(q -> q.get("ccd").equals("1") && q.get("chosen")
                .equals("star1")).findFirst().orElseThrow();
        assertEquals(17.56, (Double) us1.get("mag"), 1e-12, "u on AB before the colour term");
        assertTrue(String.valueOf(us1.get("ab_offsets")).startsWith("sdss-ab-offsets (automatic"), us1.toString());
        String prov = Files.readString(on.outputDir().resolve("provenance.json"));
        assertTrue(prov.contains("\"colour_term\": {"), prov);
        assertTrue(prov.contains("colour terms of filter system hipercam-super (gs = g -0.0527 (g - r) -0.0099)"),
                prov);
        String calib = Files.readString(on.outputDir().resolve("Calibration.txt"));
        assertTrue(calib.contains("filter system hipercam-super, band gs: gs = g - 0.0099 - 0.0527 (g - r)"), calib);
        assertTrue(calib.contains("colour term: g 15.0000 -> gs 14.9479"), calib);
        // off: recorded as off, no star changed
        String provOff = Files.readString(off.outputDir().resolve("provenance.json"));
        assertTrue(provOff.contains("\"reason\": \"colour terms: false in the config\""), provOff);
        assertFalse(provOff.contains("\"applied\": true"), provOff);
        assertFalse(Files.readString(today.outputDir().resolve("provenance.json")).contains("\"applied\": true"));

        // with the terms the comparisons' fluxes are the simulated ones (to the simulator's 0.001 mag rounding)
        for (int k = 0; k < 5; k++) {
            double truth = AbMagnitudes.toMilliJansky(spec.compMags()[k][0])
                    + AbMagnitudes.toMilliJansky(spec.compMags()[k][1]);
            double got = on.logs().get(0).ccds().get(k).lightcurve().comparisonFluxMjy();
            assertEquals(1.0, got / truth, 1e-3, bands[k]);
        }
    }

    /**
     * ULTRACAM before the 2019-09-24 optics change: cal_phot's band names r g u choose ultracam-regular;
     * {@code filter system: ultracam-super} forces the super-SDSS system and its pre-change terms (gs: c = +0.0380,
     * offset +0.0092: star 1 gs = 15.00 - 0.0092 - 0.0380 * 0.80 = 14.9604).
     */
    @Test
    void ultracamNamedSystemAndDate() throws Exception {
        FilterSystem sup = CamFilterSystems.ultracamSuper();
        java.time.LocalDate night = java.time.LocalDate.of(2018, 3, 17); // MJD 58194
        String[] bands = {"rs", "gs", "us"};
        int[] sdss = {2, 1, 0};
        double[][] comp = new double[3][];
        for (int k = 0; k < 3; k++) {
            comp[k] = new double[] {bandMag(sup, bands[k], ab(STAR1), night),
                bandMag(sup, bands[k], ab(STAR2), night)};
        }
        SimulationSpec spec = SimulationSpec.defaults(Instrument.ULTRACAM).seed(12).frames(200).compMags(comp)
                .startMjdUtc(58194.10).t0BmjdTdb(58194.1312345).junkFraction(0).build();
        Path auto = simulate(spec, "r g u", "");
        Path forced = write("forced.yaml", Files.readString(auto).replace("SDSS: 1",
                "SDSS: 1\nfilter system: ultracam-super"));
        RunResult a = run(auto, CamFilterSystems.all(), "auto");
        RunResult f = run(forced, CamFilterSystems.all(), "forced");
        Map<String, Object> ga = starRecord(a, "2", "star1");
        Map<String, Object> gf = starRecord(f, "2", "star1");
        assertEquals("ultracam-regular", ga.get("system"));
        // issue 15 item 5: 2018-03-17 is after the super filters arrived (2017-05-01): 'g' is read as the regular
        // filter by the product's one rule, said in Calibration.txt and recorded with the choice
        assertTrue(Files.readString(a.outputDir().resolve("Calibration.txt")).contains(
                "band 'g' is taken as the regular SDSS filter (ultracam-regular)"));
        assertTrue(Files.readString(a.outputDir().resolve("provenance.json")).contains("\"ultracam_filters\""));
        assertEquals(0.0885, (Double) ga.get("coefficient"), 0.0); // regular g, before the change
        assertEquals("ultracam-super", gf.get("system"));
        assertEquals("gs", gf.get("band"));
        assertEquals(0.0380, (Double) gf.get("coefficient"), 0.0); // super gs, before the change
        assertEquals(15.00 - 0.0092 - 0.0380 * 0.80, (Double) gf.get("mag_after"), 1e-12);
        for (int k = 0; k < 3; k++) {
            double sum = AbMagnitudes.toMilliJansky(bandMag(sup, bands[k], ab(STAR1), night))
                    + AbMagnitudes.toMilliJansky(bandMag(sup, bands[k], ab(STAR2), night));
            assertEquals(sum, f.logs().get(0).ccds().get(k).lightcurve().comparisonFluxMjy(), 1e-12 * sum,
                    "SDSS " + SDSS.get(sdss[k]));
        }

        // a system that is not installed, or of another instrument: bad input before any work
        Path missing = write("missing.yaml", Files.readString(auto).replace("SDSS: 1", "SDSS: 1\nfilter system: ucam-x"));
        BadInputException e = assertThrows(BadInputException.class, () -> run(missing, CamFilterSystems.all(), "m"));
        assertTrue(e.getMessage().contains("no filter system 'ucam-x' is installed"), e.getMessage());
        assertEquals("filter system", e.location().key());
        Path wrong = write("wrong.yaml", Files.readString(auto).replace("SDSS: 1", "SDSS: 1\nfilter system: ultraspec"));
        e = assertThrows(BadInputException.class, () -> run(wrong, CamFilterSystems.all(), "w"));
        assertTrue(e.getMessage().contains("is for ultraspec"), e.getMessage());
    }

    private Path simulate(SimulationSpec spec, String coordsBands, String extra) throws Exception {
        Simulator sim = new Simulator(TimeServices.corrector(), TimeServices.siteRegistry());
        Simulator.Result r = sim.write(spec, dir, false, null, Warnings.IGNORE);
        // star 1 60" from the target in Dec, star 2 120" (away from the equator), on every CCD
        String[] t = spec.targetCoords().split(" ");
        String ra = t[0];
        String dec = t[1].substring(0, 1) + t[1].substring(1, 4);
        StringBuilder coords = new StringBuilder("# simulated comparisons\n" + coordsBands + "\n\n");
        int nccd = spec.instrument().nccd();
        for (int k = 0; k < nccd; k++) {
            coords.append(ra).append(' ').append(dec).append("01:00.0\n");
            coords.append(ra).append(' ').append(dec).append("02:00.0\n");
            if (k < nccd - 1) {
                coords.append('\n');
            }
        }
        Files.writeString(dir.resolve("run.coords"), coords);
        return write("calphot.yaml", """
                target coords: %s
                period: %s
                T0: %s
                SDSS: 1
                directory: out
                %s
                extract:
                  sim:
                    observatory: %s
                    inst: %s
                    phase range: [-0.5, 0.5]
                    oname: SIM
                    logfiles:
                      %s: run.coords
                """.formatted(spec.targetCoords(), spec.periodDays(), spec.t0BmjdTdb(), extra, spec.site(),
                spec.instrument().calphotInst(), r.log().getFileName()));
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private RunResult run(Path config, List<FilterSystem> systems, String out) throws CalphotException {
        CalphotJob job = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(config);
        FakeSdss cat = new FakeSdss(job.target().decDeg());
        PipelineServices s = new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), CatalogueModeTest.registry(cat), null, systems);
        return new Pipeline(s).run(job, new RunOptions(dir.resolve(out), false, dir.resolve("cache"), null, 1, "test"),
                null, Warnings.IGNORE);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> queries(RunResult r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<Object>) r.provenance().get("catalogue_queries")) {
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> starRecord(RunResult r, String ccd, String star) {
        return (Map<String, Object>) queries(r).stream().filter(q -> q.get("ccd").equals(ccd)
                && q.get("chosen").equals(star)).findFirst().orElseThrow().get("colour_term");
    }
}
