// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.core.photometry.AbMagnitudes;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.time.TimeServices;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cal_phot config in SDSS mode: comparison magnitudes come from the catalogue for the stars of the
 * log's .coords file; a second run with --offline is answered by the on-disk cache alone, gives the
 * same numbers, and provenance lists every star's query, match distance, magnitudes and flags.
 */
class CatalogueModeTest {

    // a real log (unlicensed reference data): the tests that read it skip without it (fail in CI)
    static final Path LOG = ReferenceData.referenceFolder().resolve(
            "logs/hipercam_ultraspec_dpleo_2015-03-19/2015_03_19_dpleo_run032_normal_gaussian_I.log")
            .toAbsolutePath().normalize();

    /** A stand-in for SkyServer: one star 0.4" from each position, g = 15 + i/10, r = g - 0.4. */
    static final class FakeSdss implements Catalogue {
        final AtomicInteger calls = new AtomicInteger();
        final boolean fail;

        FakeSdss(boolean fail) {
            this.fail = fail;
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
            return true; // remote catalogues go through the cache
        }

        @Override
        public List<String> bands() {
            return List.of("u", "g", "r", "i", "z");
        }

        @Override
        public String queryText(ConeQuery cone, QueryOptions options) {
            return "cone " + cone.describe();
        }

        @Override
        public CatalogueResult query(ConeQuery cone, QueryOptions options) throws CalphotException {
            if (fail) {
                throw new CatalogueException(CatalogueException.Kind.UNREACHABLE, "network used in offline mode",
                        queryText(cone, options));
            }
            int i = calls.getAndIncrement();
            double g = 15.0 + 0.1 * i;
            CatalogueStar s = new CatalogueStar("star" + i, cone.raDeg(), cone.decDeg() + 0.4 / 3600, 0.4,
                    new double[] {g + 1.2, g, g - 0.4, g - 0.6, g - 0.7},
                    new double[] {0.03, 0.01, 0.01, 0.01, 0.02}, List.of("CLEAN"), Map.of());
            return new CatalogueResult("sdss", queryText(cone, options), cone, "SDSS", bands(), List.of(s),
                    "2026-11-27T00:00:00Z", false);
        }
    }

    static CatalogueRegistry registry(Catalogue c) {
        return new CatalogueRegistry() {
            @Override
            public List<String> names() {
                return List.of(c.name());
            }

            @Override
            public Optional<Catalogue> find(String name) {
                return name.equals(c.name()) ? Optional.of(c) : Optional.empty();
            }
        };
    }

    @TempDir
    Path dir;

    @Test
    void offlineRerunIsAnsweredByTheCacheAndRecorded() throws Exception {
        ReferenceData.unlicensed("logs/hipercam_ultraspec_dpleo_2015-03-19");
        Files.writeString(dir.resolve("run032.coords"), """
                # comparison stars of DP Leo, ULTRASPEC (KG5)
                KG5

                11:17:20.00 +17:58:01.0
                11:17:12.50 +17:56:30.0
                11:17:25.10 +17:59:10.0
                11:17:05.00 +17:57:00.0
                """);
        Files.writeString(dir.resolve("calphot.yaml"), """
                target coords: 11:17:15.99 +17:57:40.9
                period: 0.06236285648
                T0: 54914.3322920
                SDSS: 1
                directory: out
                extract:
                  dpleo:
                    observatory: TNO
                    inst: uspec
                    phase range: [-0.5, 0.5]
                    oname: DPLeo
                    logfiles:
                      %s: run032.coords
                """.formatted(LOG));
        CalphotJob job = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(dir.resolve("calphot.yaml"));
        Path cache = dir.resolve("cache");
        FakeSdss online = new FakeSdss(false);
        RunResult first = run(job, online, cache, false);
        assertEquals(4, online.calls.get());

        // offline: a catalogue that would fail if asked; the cache must answer every star
        RunResult second = run(job, new FakeSdss(true), cache, true);
        double[] f1 = first.logs().get(0).ccds().get(0).lightcurve().fluxMjy();
        double[] f2 = second.logs().get(0).ccds().get(0).lightcurve().fluxMjy();
        assertEquals(f1.length, f2.length);
        for (int i = 0; i < f1.length; i++) {
            assertEquals(f1[i], f2[i], 0.0, "identical numbers from the cache");
        }
        // KG5 = g - 0.2240 (g-r)^2 - 0.3590 (g-r) + 0.0460 with g-r = 0.4: g - 0.1224 (hand computed)
        double[] kg5 = new double[4];
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            kg5[i] = 15.0 + 0.1 * i - 0.2240 * 0.16 - 0.3590 * 0.4 + 0.0460;
            sum += AbMagnitudes.toMilliJansky(kg5[i]);
        }
        assertEquals(sum, second.logs().get(0).ccds().get(0).lightcurve().comparisonFluxMjy(), 1e-12 * sum);
        String prov = Files.readString(second.outputDir().resolve("provenance.json"));
        assertTrue(prov.contains("\"match_distance_arcsec\": 0.4"), prov);
        assertTrue(prov.contains("\"chosen\": \"star3\""), prov);
        assertTrue(prov.contains("\"flags\": [\n"), prov);
        assertTrue(prov.contains("\"query\"") || prov.contains("cone ra="), prov);
        assertTrue(prov.contains("\"offline\": true"), prov);

        // offline with an empty cache: the miss is an error naming the query
        CalphotException e = assertThrows(CalphotException.class,
                () -> run(job, new FakeSdss(true), dir.resolve("empty-cache"), true));
        assertTrue(e.getMessage().contains("cone ra=169.3333333"), e.getMessage());
    }

    @Test
    void namedCatalogueTransformIsAppliedAndRecorded() throws Exception {
        ReferenceData.unlicensed("logs/hipercam_ultraspec_dpleo_2015-03-19");
        Files.writeString(dir.resolve("u.coords"), "u\n\n11:17:20.00 +17:58:01.0\n11:17:12.50 +17:56:30.0\n");
        String cfg = """
                target coords: 11:17:15.99 +17:57:40.9
                period: 0.06236285648
                T0: 54914.3322920
                SDSS: 1
                directory: %s
                %s
                extract:
                  dpleo:
                    observatory: TNO
                    inst: uspec
                    oname: DPLeo
                    logfiles:
                      %s: u.coords
                """;
        Files.writeString(dir.resolve("plain.yaml"), cfg.formatted("plain", "", LOG));
        Files.writeString(dir.resolve("ab.yaml"), cfg.formatted("ab", "catalogue transforms: [sdss-ab-offsets]", LOG));
        ConfigReader reader = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE);
        RunResult plain = run(reader.read(dir.resolve("plain.yaml")), new FakeSdss(false), dir.resolve("c1"), false);
        RunResult ab = run(reader.read(dir.resolve("ab.yaml")), new FakeSdss(false), dir.resolve("c2"), false);
        double f0 = plain.logs().get(0).ccds().get(0).lightcurve().comparisonFluxMjy();
        double f1 = ab.logs().get(0).ccds().get(0).lightcurve().comparisonFluxMjy();
        // u_AB = u_SDSS - 0.04 for every star: the comparison flux grows by 10^(0.4 x 0.04) = 1.0375284 (hand computed)
        assertEquals(Math.pow(10, 0.016), f1 / f0, 1e-12);
        assertEquals("u", ab.logs().get(0).ccds().get(0).band(), "band named from the .coords file");
        // issue 15 item 3: without a filter system the magnitudes stay SDSS (as cal_phot) and Calibration.txt says so
        assertTrue(Files.readString(plain.outputDir().resolve("Calibration.txt")).contains(
                "the u magnitudes are SDSS magnitudes, not AB"));
        assertFalse(Files.readString(ab.outputDir().resolve("Calibration.txt")).contains("not AB"));
        String prov = Files.readString(ab.outputDir().resolve("provenance.json"));
        assertTrue(prov.contains("\"catalogue_transforms\": [\n"), prov);
        assertTrue(prov.contains("sdss-ab-offsets"), prov);
        Files.writeString(dir.resolve("bad.yaml"), cfg.formatted("bad", "catalogue transforms: [vega]", LOG));
        org.calphot.config.ConfigException e = assertThrows(org.calphot.config.ConfigException.class,
                () -> reader.read(dir.resolve("bad.yaml")));
        assertTrue(e.getMessage().contains("unknown catalogue transform 'vega' (use prime-to-sdss-tucker2006"),
                e.getMessage());
    }

    private static RunResult run(CalphotJob job, Catalogue c, Path cache, boolean offline) throws CalphotException {
        PipelineServices s = new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), registry(c), null);
        return new Pipeline(s).run(job, new RunOptions(null, offline, cache, null, 1, "test"), null, Warnings.IGNORE);
    }
}
