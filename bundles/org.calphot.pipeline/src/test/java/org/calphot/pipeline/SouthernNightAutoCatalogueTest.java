// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calphot.catalogue.gaia.GaiaCatalogues;
import org.calphot.catalogue.panstarrs.PanstarrsCatalogues;
import org.calphot.catalogue.sdss.SdssCatalogues;
import org.calphot.catalogue.sdss.SdssSettings;
import org.calphot.catalogue.skymapper.SkymapperCatalogues;
import org.calphot.catalogue.vo.VoSettings;
import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.catalogue.SkyCoordinates;
import org.calphot.core.photometry.AbMagnitudes;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.testing.RecordedHttpServer;
import org.calphot.testing.VoTables;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance run: a simulated ULTRACAM night at La Silla on a Dec -37 field in catalogue mode with
 * {@code catalogue: auto} (the default) and all four survey catalogues installed (the real clients). SDSS and
 * Pan-STARRS lie north of the field, SkyMapper gives no SDSS band, so auto must take Gaia's synthetic SDSS
 * photometry; the Gaia archive is a server on 127.0.0.1 answering each ADQL cone with the simulator's comparison
 * magnitudes in GSPC's column layout (1% flux errors). The SDSS, Pan-STARRS and SkyMapper services point at a
 * closed port or fail the test when asked, so the run also proves they are never queried. A second run is
 * offline, from the cache alone, with the server gone, and gives the same fluxes.
 */
class SouthernNightAutoCatalogueTest {

    static final String TARGET = "10:00:00.00 -37:00:00.0";
    /** SDSS-named bands of the ULTRACAM CCDs rs, gs, us (no filter system installed: super-SDSS taken as SDSS). */
    static final String[] SDSS_OF_CCD = {"r", "g", "u"};

    @TempDir
    Path dir;

    /** The ADQL of each request a replay server received (its decoded QUERY parameter). */
    static List<String> queries(RecordedHttpServer server) {
        return server.requests().stream().map(r -> RecordedHttpServer.params(r).getOrDefault("QUERY", "")).toList();
    }

    /** Answers each request with {@code reply(QUERY)} as a VOTable. */
    static RecordedHttpServer.Reply byQuery(Function<String, String> reply) {
        return ex -> RecordedHttpServer.votable(reply.apply(RecordedHttpServer.params("?" + ex.getRequestURI()
                .getRawQuery()).getOrDefault("QUERY", ""))).send(ex);
    }

    static final Pattern CIRCLE = Pattern.compile("CIRCLE\\('ICRS', ([-0-9.]+), ([-0-9.]+), ([0-9.]+)\\)");

    /** A GSPC reply for the comparison nearest the cone (the truth magnitudes as SDSS u g r; i z unused). */
    static String gspcReply(String adql, double[][] stars, double[][] sdssMags) {
        Matcher m = CIRCLE.matcher(adql);
        assertTrue(m.find(), adql);
        double ra = Double.parseDouble(m.group(1));
        double dec = Double.parseDouble(m.group(2));
        List<String> fields = new ArrayList<>(List.of("source_id:long", "ra:double", "dec:double",
                "phot_g_mean_mag:float"));
        for (String b : List.of("u", "g", "r", "i", "z")) {
            fields.addAll(List.of(b + "_sdss_mag:double", b + "_sdss_flux:double", b + "_sdss_flux_error:double",
                    b + "_sdss_flag:unsignedByte"));
        }
        List<Object[]> rows = new ArrayList<>();
        for (int s = 0; s < stars.length; s++) {
            if (SkyCoordinates.separationArcsec(ra, dec, stars[s][0], stars[s][1]) > 3) {
                continue;
            }
            // the catalogue position 0.3" from the .coords one, as a real match would be
            List<Object> row = new ArrayList<>(List.of(5500000000000000001L + s, stars[s][0],
                    stars[s][1] + 0.3 / 3600, 15.0));
            for (int k = 0; k < 5; k++) {
                double mag = sdssMags[s][k];
                double flux = Math.pow(10, -0.4 * (mag + 56.1));
                row.addAll(List.of(mag, flux, flux * 0.01, 1));
            }
            rows.add(row.toArray());
        }
        return VoTables.table(fields, rows);
    }

    static CatalogueRegistry registry(Catalogue... cats) {
        return new CatalogueRegistry() {
            @Override
            public List<String> names() {
                return java.util.Arrays.stream(cats).map(Catalogue::name).sorted().toList();
            }

            @Override
            public Optional<Catalogue> find(String name) {
                return java.util.Arrays.stream(cats).filter(c -> c.name().equals(name)).findFirst();
            }
        };
    }

    static VoSettings fast(String url) {
        return VoSettings.of(url).withTimeouts(Duration.ofMillis(1000), Duration.ofMillis(2000),
                Duration.ofMillis(4000)).withRetries(0, Duration.ofMillis(1));
    }

    @Test
    void autoPicksGaiaAndTheFluxesMatchTheTruth() throws Exception {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.ULTRACAM).targetCoords(TARGET).seed(2026).frames(400)
                .secAmplitude(0).junkFraction(0).build();
        Simulator.Result sim = new Simulator(TimeServices.corrector(), TimeServices.siteRegistry()).write(spec, dir,
                false, null, Warnings.IGNORE);
        // comparisons 1' and 2' south of the target; their SDSS u g r are the simulated AB magnitudes of us gs rs
        SkyCoordinates.Position t = SkyCoordinates.parse(TARGET, null);
        double[][] stars = {{t.raDeg(), t.decDeg() - 1 / 60.0}, {t.raDeg(), t.decDeg() - 2 / 60.0}};
        double[][] sdss = new double[2][5];
        for (int s = 0; s < 2; s++) {
            java.util.Arrays.fill(sdss[s], 14.0);
            for (int ccd = 0; ccd < 3; ccd++) {
                sdss[s][List.of("u", "g", "r", "i", "z").indexOf(SDSS_OF_CCD[ccd])] = spec.compMags()[ccd][s];
            }
        }
        StringBuilder coords = new StringBuilder("# southern field\nr g u\n\n");
        for (int ccd = 0; ccd < 3; ccd++) {
            coords.append("10:00:00.00 -37:01:00.0\n10:00:00.00 -37:02:00.0\n").append(ccd < 2 ? "\n" : "");
        }
        Files.writeString(dir.resolve("run.coords"), coords);
        Path cfg = dir.resolve("calphot.yaml");
        Files.writeString(cfg, """
                target coords: %s
                period: %s
                T0: %s
                SDSS: 1
                directory: out
                extract:
                  south:
                    observatory: %s
                    inst: %s
                    phase range: [-0.5, 0.5]
                    oname: SOUTH
                    logfiles:
                      %s: run.coords
                """.formatted(TARGET, spec.periodDays(), spec.t0BmjdTdb(), spec.site(),
                spec.instrument().calphotInst(), sim.log().getFileName()));
        CalphotJob job = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(cfg);
        assertEquals("auto", job.catalogue(), "auto is the default with SDSS: 1");

        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + closed;
        Path cache = dir.resolve("cache");
        RunResult online;
        List<String> gaiaQueries;
        String gaiaUrl;
        String skymapperUrl;
        try (RecordedHttpServer gaia = RecordedHttpServer.start().serve(byQuery(q -> gspcReply(q, stars, sdss)));
                RecordedHttpServer skymapper = RecordedHttpServer.start().serve(byQuery(q -> {
                    throw new AssertionError("SkyMapper must not be asked: it gives no SDSS band");
                }))) {
            gaiaUrl = gaia.baseUrl();
            skymapperUrl = skymapper.baseUrl();
            online = run(job, cache, false, gaiaUrl, skymapperUrl, dead);
            gaiaQueries = queries(gaia);
            assertEquals(0, skymapper.requests().size());
        }
        assertEquals(2, gaiaQueries.size(), "one ADQL cone per comparison star: " + gaiaQueries);
        assertTrue(gaiaQueries.get(0).contains("gaiadr3.synthetic_photometry_gspc"), gaiaQueries.get(0));

        // the choice and every candidate's reason, in provenance and Calibration.txt
        @SuppressWarnings("unchecked")
        Map<String, Object> choice = ((List<Map<String, Object>>) online.provenance().get("catalogue_choices")).get(0);
        assertEquals("gaia", choice.get("chosen"));
        assertEquals(List.of("u", "g", "r"), choice.get("sdss_bands_needed"));
        String calib = Files.readString(online.outputDir().resolve("Calibration.txt"));
        assertTrue(calib.contains("catalogue auto for run.coords (RA 150.00000, Dec -37.01667; SDSS bands u g r): gaia"),
                calib);
        assertTrue(calib.contains("- sdss: field at Dec -37.02 is outside its footprint"), calib);
        assertTrue(calib.contains("- panstarrs: field at Dec -37.02 is outside its footprint"), calib);
        assertTrue(calib.contains("- skymapper: gives no SDSS u g r (it gives no SDSS band at all)"), calib);
        assertTrue(calib.contains("* gaia: footprint whole sky (G < 17.65 only); gives SDSS u g r"), calib);

        for (int ccd = 0; ccd < 3; ccd++) {
            CalibratedLightcurve lc = online.logs().get(0).ccds().get(ccd).lightcurve();
            // the comparison flux is the simulated one: the catalogue answered the truth (double columns)
            double compTruth = AbMagnitudes.toMilliJansky(spec.compMags()[ccd][0])
                    + AbMagnitudes.toMilliJansky(spec.compMags()[ccd][1]);
            assertEquals(1.0, lc.comparisonFluxMjy() / compTruth, 1e-12, "CCD " + (ccd + 1));
            // out of eclipse the target is the white dwarf plus the constant rest of the system
            double truth = AbMagnitudes.toMilliJansky(spec.wdMag()[ccd]) + AbMagnitudes.toMilliJansky(spec.secMag()[ccd]);
            double[] phase = online.logs().get(0).ccds().get(ccd).phase();
            double sum = 0;
            double var = 0;
            int n = 0;
            for (int i = 0; i < lc.size(); i++) {
                double ph = phase[i] - Math.rint(phase[i]);
                if (Math.abs(ph) > 0.1 && Double.isFinite(lc.fluxMjy()[i])) {
                    sum += lc.fluxMjy()[i];
                    var += lc.fluxErrMjy()[i] * lc.fluxErrMjy()[i];
                    n++;
                }
            }
            assertTrue(n > 100, "out-of-eclipse frames " + n);
            double mean = sum / n;
            double statFrac = Math.sqrt(var) / n / mean;
            double sysFrac = lc.budget().systematic(); // from Gaia's 1% flux errors: ~0.0109 mag / sqrt 2 per CCD
            assertTrue(sysFrac > 0.005 && sysFrac < 0.02, "systematic " + sysFrac);
            double within = Math.sqrt(statFrac * statFrac + sysFrac * sysFrac);
            System.out.printf(java.util.Locale.ROOT, "southern night CCD %d: mean/truth %.5f, stat %.5f, sys %.5f,"
                    + " %d frames%n", ccd + 1, mean / truth, statFrac, sysFrac, n);
            assertEquals(1.0, mean / truth, 3 * within, "CCD " + (ccd + 1) + " mean " + mean + " truth " + truth);
            // the catalogue's magnitudes are the truth, so only noise remains: 3 sigma of the mean alone
            assertEquals(1.0, mean / truth, 3 * statFrac + 1e-3, "CCD " + (ccd + 1));
        }

        // offline, from the cache alone (same service URLs: they are part of the cached query), servers gone
        RunResult offline = run(job, cache, true, gaiaUrl, skymapperUrl, dead);
        for (int ccd = 0; ccd < 3; ccd++) {
            assertTrue(java.util.Arrays.equals(online.logs().get(0).ccds().get(ccd).lightcurve().fluxMjy(),
                    offline.logs().get(0).ccds().get(ccd).lightcurve().fluxMjy()), "CCD " + (ccd + 1));
        }
        String prov = Files.readString(offline.outputDir().resolve("provenance.json"));
        assertTrue(prov.contains("\"from_cache\": true"), "offline answers come from the cache");
        assertTrue(prov.contains("\"chosen\": \"gaia\""), prov.substring(0, Math.min(prov.length(), 2000)));
    }

    private RunResult run(CalphotJob job, Path cache, boolean offline, String gaia, String skymapper, String dead)
            throws CalphotException {
        List<Catalogue> cats = new ArrayList<>();
        cats.add(SdssCatalogues.create(SdssSettings.defaults().withBaseUrl(dead).withRetries(0, Duration.ofMillis(1))));
        cats.add(PanstarrsCatalogues.create(fast(dead)));
        cats.add(SkymapperCatalogues.create(fast(skymapper + "/public/tap")));
        cats.add(GaiaCatalogues.create(fast(gaia + "/tap-server/tap")));
        PipelineServices s = new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), registry(cats.toArray(Catalogue[]::new)), null, List.of());
        return new Pipeline(s).run(job, new RunOptions(dir.resolve(offline ? "out-offline" : "out-online"), offline,
                cache, null, 1, "test"), null, Warnings.IGNORE);
    }
}
