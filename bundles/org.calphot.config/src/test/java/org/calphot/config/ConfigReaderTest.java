// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.photometry.MagnitudeSource;
import org.calphot.core.time.AirmassFormula;
import org.calphot.core.time.Site;
import org.calphot.core.time.SiteRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config contract: cal_phot's two example configs (calphot-original section 2.3) parse
 * unchanged, and every bad-config case is reported, located, all at once.
 */
class ConfigReaderTest {

    /** Knows two astropy site names; the real registry lives in org.calphot.time. */
    static final SiteRegistry SITES = new SiteRegistry() {
        final Site laSilla = new Site("lasilla", -29.2567, -70.73, 2347, "test");
        final Site tno = new Site("TNO", 18.5906, 98.4867, 0, "test");

        @Override
        public Site lookup(String text, Location where, Warnings warnings) throws BadInputException {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("lasilla") || t.equals("la silla observatory")) {
                return laSilla;
            }
            if (t.equals("18:35:26, 98:29:12")) {
                return tno;
            }
            throw new BadInputException("unknown site '" + text + "'", where);
        }

        @Override
        public List<Site> sites() {
            return List.of(laSilla, tno);
        }

        @Override
        public List<String> namesOf(Site site) {
            return List.of(site.name());
        }

        @Override
        public SiteRegistry withSites(List<Site> userSites) {
            return this;
        }
    };

    @TempDir
    Path dir;

    @BeforeEach
    void logs() throws IOException {
        for (String f : List.of("REDUCED/ucam/2019_09_28/run032.log", "REDUCED/ucam/2019_09_30/run017.log",
                "REDUCED/uspec/2017-01-22/run010.log", "REDUCED/uspec/2017-01-22/run010.coords",
                "REDUCED/uspec/2017-02-15/run010.log", "REDUCED/uspec/2017-02-15/run010.coords")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "# test file\n");
        }
    }

    private CalphotJob read(String yaml) throws CalphotException, IOException {
        Path cfg = dir.resolve("config.yaml");
        Files.writeString(cfg, yaml);
        return new ConfigReader(SITES, Warnings.IGNORE).read(cfg);
    }

    private ConfigException fails(String yaml) {
        return assertThrows(ConfigException.class, () -> read(yaml));
    }

    static final String NO_SDSS = """
            # comparison star apparent magnitudes, in CCD order (i.e., CCD1, CCD2, CCD3)
            target coords: 05:22:10 -35:05:30
            period: 0.06219388
            T0: 58755.36436103
            SDSS: 0
            directory: '.'
            fit ephemeris: false
            overplot: true
            overplot filename: "SSS111126"
            extract:
              data_1:
                observatory: lasilla
                inst: ucam
                phase range: [-0.5, 0.5]
                oname: SSS111126_ucam
                logfiles:
                  REDUCED/ucam/2019_09_28/run032.log: {r: [16.443,15.750], g: [16.638,16.261,17.627], u: [17.297,16.644]}
                  REDUCED/ucam/2019_09_30/run017.log: {r: [14.448,15.750], g: [15.202,16.638], u: [17.297,none]}
                get eclipse times: false
                flux calibrate: true
                extract data: true
            """;

    static final String SDSS = """
            target coords: 07:48:59.56 +31:25:12.7
            period: 0.0583110795
            T0: 57808.63029759
            SDSS: 1
            directory: 'KG5_ONLY'
            fit ephemeris: false
            overplot filename: SDSS0748_KG5
            overplot: true
            extract:
              data_1:
                observatory: 18:35:26, 98:29:12
                inst: uspec
                bands: [kg5]
                phase range: [-0.5, 0.5]
                oname: SDSS0748
                logfiles:
                  REDUCED/uspec/2017-01-22/run010.log: REDUCED/uspec/2017-01-22/run010.coords
                  REDUCED/uspec/2017-02-15/run010.log: REDUCED/uspec/2017-02-15/run010.coords # KG5
                get eclipse times: false
                flux calibrate: 1
                extract data: true
            """;

    @Test
    void originalNonSdssExampleParses() throws Exception {
        CalphotJob job = read(NO_SDSS);
        assertEquals(0.06219388, job.period(), 0);
        assertEquals(58755.36436103, job.t0(), 0);
        // 05:22:10 = 5.369444 h = 80.541667 deg; -35:05:30 = -35.091667 deg
        assertEquals(80.5416667, job.target().raDeg(), 1e-6);
        assertEquals(-35.0916667, job.target().decDeg(), 1e-6);
        assertFalse(job.sdss());
        assertEquals(dir.toAbsolutePath().normalize(), job.directory());
        Payload p = job.payloads().get(0);
        assertEquals(Instrument.UCAM, p.instrument());
        assertEquals(MagnitudeSource.CONFIG, p.magnitudeSource());
        assertEquals(List.of("r", "g", "u"), p.bands());
        assertEquals("lasilla", p.site().name());
        assertEquals(2, p.logs().size());
        LogSpec first = p.logs().get(0);
        assertEquals(dir.resolve("REDUCED/ucam/2019_09_28/run032.log").toAbsolutePath().normalize(), first.log());
        assertArrayEquals(new double[] {16.638, 16.261, 17.627}, first.bandMagnitudes().get("g"), 0);
        // 'none' is not a number: that comparison is left out (NaN), as the original's float() did
        double[] u2 = p.logs().get(1).bandMagnitudes().get("u");
        assertEquals(17.297, u2[0], 0);
        assertTrue(Double.isNaN(u2[1]));
        assertEquals(-0.5, p.phaseLow(), 0);
        assertEquals(0.5, p.phaseHigh(), 0);
        assertEquals(AirmassFormula.PLANE_PARALLEL, p.airmassFormula());
        assertEquals(4, job.outputFormats().size());
    }

    @Test
    void originalSdssExampleParses() throws Exception {
        CalphotJob job = read(SDSS);
        assertTrue(job.sdss());
        assertEquals(dir.resolve("KG5_ONLY").toAbsolutePath().normalize(), job.directory());
        Payload p = job.payloads().get(0);
        assertEquals(MagnitudeSource.CATALOGUE, p.magnitudeSource());
        assertEquals(List.of("kg5"), p.bands());
        assertEquals("TNO", p.site().name());
        assertEquals(dir.resolve("REDUCED/uspec/2017-02-15/run010.coords").toAbsolutePath().normalize(),
                p.logs().get(1).coords());
        assertEquals("SDSS0748_KG5", job.overplotFilename());
    }

    @Test
    void topLevelKeysAreCaseInsensitiveAndOverplotIsOptional() throws Exception {
        CalphotJob job = read(NO_SDSS.replace("T0:", "t0:").replace("SDSS: 0", "sdss: false")
                .replace("overplot: true\n", "").replace("period:", "PERIOD:"));
        assertEquals(58755.36436103, job.t0(), 0);
        assertFalse(job.overplot());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsLine() {
        String bad = NO_SDSS.replace("period: 0.06219388", "perod: 0.06219388")
                .replace("T0: 58755.36436103", "T0: soon")
                .replace("inst: ucam", "inst: ultracam")
                .replace("observatory: lasilla", "observatory: atlantis")
                .replace("phase range: [-0.5, 0.5]", "phase range: [0.5, -0.5]")
                .replace("target coords: 05:22:10 -35:05:30", "target coords: 25:22:10 -35:05:30")
                .replace("REDUCED/ucam/2019_09_30/run017.log", "REDUCED/ucam/2019_09_30/run099.log");
        ConfigException e = fails(bad);
        String all = e.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
        assertEquals(2, e.exitCode());
        assertTrue(all.contains(":3 key 'perod': unknown key (did you mean 'period'?)"), all);
        assertTrue(all.contains("missing required key 'period'"), all);
        assertTrue(all.contains(":4 key 't0': 't0' must be a number, got 'soon'"), all);
        assertTrue(all.contains(":13 key 'extract.data_1.inst': unknown instrument 'ultracam'"), all);
        assertTrue(all.contains("unknown site 'atlantis'"), all);
        assertTrue(all.contains(":14 key 'extract.data_1.phase range': 'phase range' must increase"), all);
        assertTrue(all.contains("log file not found"), all);
        assertTrue(all.contains("run099.log"), all);
        assertTrue(all.contains(":2"), all); // the RA hours field 25 is out of range, on line 2
        assertTrue(e.problems().size() >= 8, all);
        assertTrue(e.describe().startsWith(dir.resolve("config.yaml") + ": "), e.describe());
    }

    @Test
    void payloadKeysAreExactWithAHint() {
        ConfigException e = fails(NO_SDSS.replace("oname:", "Oname:"));
        assertEquals("unknown payload key (payload keys are case-sensitive: write 'oname')", e.problems().get(0).message());
        assertEquals("extract.data_1.Oname", e.problems().get(0).where().key());
        assertEquals(15, e.problems().get(0).where().line());
    }

    @Test
    void missingCoordsFileAndMissingMagnitudes() throws IOException {
        Files.delete(dir.resolve("REDUCED/uspec/2017-01-22/run010.coords"));
        ConfigException e = fails(SDSS);
        assertTrue(e.problems().get(0).message().startsWith("coords file not found"), e.describe());
        ConfigException m = fails(NO_SDSS.replace("{r: [14.448,15.750], g: [15.202,16.638], u: [17.297,none]}", "x"));
        assertTrue(m.problems().get(0).message().startsWith("with SDSS: false each log needs its comparison magnitudes"),
                m.describe());
    }

    @Test
    void ultraspecWithoutBandTakesItFromTheCoordsFile() throws Exception {
        // cal_phot asked for the ULTRASPEC filter interactively; an unchanged config must still run: in SDSS mode
        // the band comes from each .coords file (read by the pipeline), so the payload has no bands of its own
        CalphotJob job = read(SDSS.replace("    bands: [kg5]\n", ""));
        assertEquals(List.of(), job.payloads().get(0).bands());
    }

    @Test
    void observingLogStaysInsideTheOutputFolder() {
        ConfigException e = fails(NO_SDSS.replace("overplot: true", "overplot: true\nobserving_log_fname: /etc/obs.csv"));
        assertTrue(e.getMessage().contains("'observing_log_fname' is a file name inside 'directory'"), e.getMessage());
        assertEquals("observing_log_fname", e.problems().get(0).where().key());
    }

    @Test
    void notYamlIsLocated() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("period: [1, 2\nT0: 3\n"));
        assertTrue(e.getMessage().startsWith("not valid YAML"), e.getMessage());
        assertTrue(e.location().line() >= 2, e.describe());
    }

    @Test
    void newKeysAndFlagNames() throws Exception {
        CalphotJob job = read(NO_SDSS.replace("fit ephemeris: false", "fit ephemeris: false\noutput formats: [calib, fits]\n"
                + "airmass formula: young-irvine\nseed: 7")
                .replace("    extract data: true", "    extract data: true\n    flags: [4, TARGET_SATURATED]"));
        assertEquals(2, job.outputFormats().size());
        assertTrue(job.outputFormats().contains(OutputFormat.FITS));
        assertEquals(7, job.seed());
        assertEquals(AirmassFormula.YOUNG_IRVINE_1967, job.payloads().get(0).airmassFormula());
        assertEquals(4 | 16, job.payloads().get(0).ignoreFlags());
        assertNull(job.payloads().get(0).logs().get(0).coords());
    }

    @Test
    void colourTermKeys() throws Exception {
        CalphotJob plain = read(SDSS);
        assertTrue(plain.colourTerms());
        assertNull(plain.filterSystem());
        assertNull(plain.payloads().get(0).filterSystem());

        CalphotJob off = read(SDSS.replace("SDSS: 1", "SDSS: 1\nColour Terms: false"));
        assertFalse(off.colourTerms());

        // top level for every payload, a payload's own key wins; names are case-insensitive
        CalphotJob top = read(SDSS.replace("SDSS: 1", "SDSS: 1\nfilter system: Ultracam-Super"));
        assertEquals("ultracam-super", top.filterSystem());
        assertEquals("ultracam-super", top.payloads().get(0).filterSystem());
        assertEquals("filter system", top.payloads().get(0).filterSystemAt().key());
        assertEquals(5, top.payloads().get(0).filterSystemAt().line());
        CalphotJob own = read(SDSS.replace("SDSS: 1", "SDSS: 1\nfilter system: ultracam-super")
                .replace("    bands: [kg5]\n", "    bands: [kg5]\n    filter system: none\n"));
        assertTrue(own.payloads().get(0).noFilterSystem());
        assertEquals("extract.data_1.filter system", own.payloads().get(0).filterSystemAt().key());

        ConfigException e = fails(SDSS.replace("SDSS: 1", "SDSS: 1\ncolour terms: maybe\nfilter system: [a, b]"));
        assertEquals(2, e.problems().size(), e.describe());
        assertTrue(e.problems().get(0).message().contains("'colour terms' must be true or false"), e.describe());
        assertTrue(e.problems().get(1).message().contains("'filter system' must be text"), e.describe());
        ConfigException typo = fails(SDSS.replace("SDSS: 1", "SDSS: 1\ncolor terms: false"));
        assertTrue(typo.problems().get(0).message().contains("did you mean 'colour terms'"), typo.describe());
    }

    /**
     * Issue 15 item 4: cal_phot read target coords with SkyCoord(s, unit=(hourangle, deg)), so a decimal RA is hours.
     * 10.5 h = 10.5 x 15 = 157.5 deg (by hand); before, calphot read 157.5 deg as 10.5 deg.
     */
    @Test
    void decimalRaInTheConfigIsHoursAsCalPhot() throws Exception {
        CalphotJob job = read(NO_SDSS.replace("target coords: 05:22:10 -35:05:30", "target coords: 10.5 -35.0916667"));
        assertEquals(157.5, job.target().raDeg(), 1e-12);
        assertEquals(-35.0916667, job.target().decDeg(), 1e-12);
        // an explicit unit wins: 157.5d is degrees
        assertEquals(157.5, read(NO_SDSS.replace("target coords: 05:22:10 -35:05:30", "target coords: 157.5d -35.0"))
                .target().raDeg(), 1e-12);
        ConfigException e = fails(NO_SDSS.replace("target coords: 05:22:10 -35:05:30", "target coords: 157.5 -35.0"));
        assertTrue(e.describe().contains("RA in hours must be in [0, 24)"), e.describe());
    }

    /** Issue 15 item 10: the config takes the flag values --flags takes: hipercam's uint32 mask up to ANY_FLAG. */
    @Test
    void flagValuesUpToAnyFlagAsOnTheCommandLine() throws Exception {
        CalphotJob any = read(NO_SDSS.replace("    extract data: true", "    extract data: true\n    flags: [4294967295]"));
        assertEquals(0xFFFFFFFF, any.payloads().get(0).ignoreFlags());
        CalphotJob named = read(NO_SDSS.replace("    extract data: true", "    extract data: true\n    flags: [ANY_FLAG]"));
        assertEquals(0xFFFFFFFF, named.payloads().get(0).ignoreFlags());
        // 2^31 = 4096 * 524288: bit 31 alone, refused before ('must be < 2^31')
        CalphotJob top = read(NO_SDSS.replace("    extract data: true", "    extract data: true\n    flags: [2147483648, 4096]"));
        assertEquals(0x80001000, top.payloads().get(0).ignoreFlags());
        ConfigException e = fails(NO_SDSS.replace("    extract data: true", "    extract data: true\n    flags: [4294967296]"));
        assertTrue(e.describe().contains("unknown flag '4294967296'"), e.describe());
    }

    /** Issue 15 item 9: NOT_CLEAN catalogue stars are left out unless 'keep not clean: true'. */
    @Test
    void keepNotCleanKey() throws Exception {
        assertFalse(read(SDSS).keepNotClean());
        assertTrue(read(SDSS.replace("SDSS: 1", "SDSS: 1\nkeep not clean: true")).keepNotClean());
    }
}
