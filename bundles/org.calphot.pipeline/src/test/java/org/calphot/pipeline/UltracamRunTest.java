// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigException;
import org.calphot.config.ConfigReader;
import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.time.SkyPosition;
import org.calphot.core.time.TimeCorrector;
import org.calphot.core.time.TimeRequest;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.time.TimeServices;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;

/**
 * The main job end to end on the two real ULTRACAM logs of ASASSN-16kr (magnitudes in the YAML, as
 * cal_phot's non-SDSS example), checked against an independent computation of every .calib row:
 * count ratio times the comparisons' AB flux, BMJD from the time service, phase from the ephemeris.
 */
class UltracamRunTest {

    // the real logs are unlicensed reference data: the class skips without them (fails in CI)
    static final Path LOGS = ReferenceData.referenceFolder().resolve("logs/hipercam_ultracam_asassn16kr_2018-10").toAbsolutePath()
            .normalize();
    static final double T0 = 58404.12;
    static final double P = 0.0612;
    static final double[] R_MAGS = {15.1, 15.9};

    @TempDir
    static Path dir;
    static RunResult result;
    static CalphotJob job;

    static String config() {
        return """
                # cal_phot's non-SDSS example adapted to the ULTRACAM logs of ASASSN-16kr
                target coords: 20:21:14.40 -15:36:29.0
                period: %s
                T0: %s
                SDSS: 0
                directory: out
                fit ephemeris: false
                overplot: false
                extract:
                  data_1:
                    observatory: lasilla
                    inst: ucam
                    phase range: [-0.5, 0.5]
                    oname: ASASSN-16kr
                    logfiles:
                      %s: {r: [15.1, 15.9], g: [15.6, 16.3], u: [17.0, 17.5]}
                      %s: {r: [15.1, 15.9], g: [15.6, 16.3], u: [17.0, 17.5]}
                    get eclipse times: false
                    flux calibrate: true
                    extract data: true
                """.formatted(P, T0, LOGS.resolve("2018_10_12.log").toAbsolutePath(),
                LOGS.resolve("2018_10_15.log").toAbsolutePath());
    }

    static PipelineServices services() {
        return new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), null, null);
    }

    @BeforeAll
    static void run() throws Exception {
        ReferenceData.unlicensed("logs/hipercam_ultracam_asassn16kr_2018-10");
        Path cfg = dir.resolve("calphot.yaml");
        Files.writeString(cfg, config());
        job = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(cfg);
        result = new Pipeline(services()).run(job, RunOptions.defaults(), null, Warnings.IGNORE);
    }

    @Test
    void writesEveryOutput() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(out, result.outputDir());
        List<String> names;
        // through the output names (links into the run in use), as a reader sees the folder
        try (Stream<Path> s = Files.walk(out, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            names = s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())
                    .filter(n -> !n.startsWith(".calphot-")).sorted().toList();
        }
        // 2 logs x 3 CCDs x 4 formats + observing log + Calibration.txt + provenance.json
        assertEquals(27, names.size(), names.toString());
        assertTrue(names.contains("Calibration.txt"));
        assertTrue(names.contains("provenance.json"));
        assertTrue(names.contains("observing_log.csv"));
        assertEquals(6, names.stream().filter(n -> n.matches(
                "MCMC_LIGHTCURVES/ASASSN-16kr_2018-10-1[36]@\\d\\dh\\d\\dm_[rgu]\\.calib")).count(), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.contains("staging")), names.toString());
        String obs = Files.readString(out.resolve("observing_log.csv"));
        assertTrue(obs.startsWith("Instrument,Telescope,Date,Filter(s),Observation start (UTC),"
                + "Observation end (UTC),Tecl,Cycle No.\nucam,lasilla,2018-10-13,r-g-u,02:34,03:15,"), obs);
        String cal = Files.readString(out.resolve("Calibration.txt"));
        assertTrue(cal.startsWith("#".repeat(37) + "    COPY OF INPUT FILE    " + "#".repeat(37) + "\n# cal_phot"), cal);
        assertTrue(cal.contains("BEGIN CALIBRATION OUTPUT"));
        String prov = Files.readString(out.resolve("provenance.json"));
        assertTrue(prov.contains("\"config_sha256\""), prov);
        assertTrue(prov.contains("\"comparison_not_measured\""), prov);
    }

    /** Every .calib row of the r band of 2018-10-12 against a computation that shares no code with the pipeline. */
    @Test
    void calibRowsMatchAnIndependentComputation() throws Exception {
        PhotometryLog log = LogIo.defaultReaders().read(LOGS.resolve("2018_10_12.log"), Warnings.IGNORE);
        CcdTable ccd = log.ccd("1");
        double[] mjd = ccd.mjdUtc();
        boolean[] ok = ccd.mjdOk();
        ApertureTable t = ccd.aperture("1");
        ApertureTable c2 = ccd.aperture("2");
        ApertureTable c3 = ccd.aperture("3");
        // comparison flux: 3631 Jy x 10^(-0.4 m), in mJy, summed over the two r-band comparisons
        double fcomp = 3631e3 * Math.pow(10, -0.4 * R_MAGS[0]) + 3631e3 * Math.pow(10, -0.4 * R_MAGS[1]);

        TimeCorrector tc = TimeServices.corrector();
        SkyPosition target = SkyPosition.parse("20:21:14.40 -15:36:29.0", null);
        TimeRequest req = new TimeRequest(job.payloads().get(0).site(), target);
        double[] bmjd = tc.correct(req, mjd, Warnings.IGNORE).bmjdTdb();
        // cycle rule of cal_phot on CCD 1: E = rint((mean - T0)/P), moved into the data span
        double mean = 0;
        for (double b : bmjd) {
            mean += b / bmjd.length;
        }
        long e = Math.round((mean - T0) / P);
        while (T0 + e * P < bmjd[0]) {
            e++;
        }
        while (T0 + e * P > bmjd[bmjd.length - 1]) {
            e--;
        }
        double ecl = T0 + e * P;

        List<double[]> expected = new ArrayList<>();
        for (int i = 0; i < mjd.length; i++) {
            double ct = t.counts().value(i);
            double et = t.countsError().value(i);
            double a = c2.counts().value(i);
            double ea = c2.countsError().value(i);
            double b = c3.counts().value(i);
            double eb = c3.countsError().value(i);
            double flags = t.flags().value(i) + c2.flags().value(i) + c3.flags().value(i);
            boolean good = ok[i] && Double.isFinite(ct + et + a + ea + b + eb) && et > 0 && ea > 0 && eb > 0
                    && flags == 0;
            double phase = (bmjd[i] - ecl) / P;
            if (!good || !(phase > -0.5 && phase < 0.5)) {
                continue;
            }
            double c = a + b;
            double ec = Math.sqrt(ea * ea + eb * eb);
            double ratio = ct / c;
            double eratio = Math.sqrt(et * et + ratio * ratio * ec * ec) / c;
            expected.add(new double[] {phase, ratio * fcomp, eratio * fcomp});
        }

        Path calib = result.logs().get(0).ccds().get(0).calibFile();
        List<double[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (String line : Files.readAllLines(calib)) {
            if (line.startsWith("#") || line.isBlank()) {
                header.add(line);
                continue;
            }
            String[] f = line.trim().split("\\s+");
            rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        assertEquals(expected.size(), rows.size());
        assertTrue(rows.size() > 800, "only " + rows.size() + " rows");
        for (int i = 0; i < rows.size(); i++) {
            // phase: the same double computation; 1e-12 cycles = 5 ns
            assertEquals(expected.get(i)[0], rows.get(i)[0], 1e-12, "phase of row " + i);
            // flux and error: same formula, summation order may differ -> relative 1e-12
            assertEquals(expected.get(i)[1], rows.get(i)[1], 1e-12 * Math.abs(expected.get(i)[1]), "flux of row " + i);
            assertEquals(expected.get(i)[2], rows.get(i)[2], 1e-12 * Math.abs(expected.get(i)[2]), "error of row " + i);
        }
        assertEquals("# This is data from the file " + LOGS.resolve("2018_10_12.log").toAbsolutePath() + " CCD 1",
                header.get(0));
        assertTrue(header.contains("# Comparison star mags: [15.100, 15.900]"), header.toString());
        assertTrue(header.contains("# I also sliced out the phase -0.5 -> 0.5!!"), header.toString());
        assertEquals("# Phase, Flux, Err_Flux", header.get(header.size() - 1));
        assertTrue(header.contains(String.format(java.util.Locale.ROOT, "# Sum apparent Flux: %.3f mJy", fcomp)),
                header.toString());
    }

    @Test
    void fitsTableHoldsBarycentricTimes() throws Exception {
        Path calib = result.logs().get(0).ccds().get(1).calibFile();
        Path fitsPath = Path.of(calib.toString().replace(".calib", ".fits"));
        try (Fits f = new Fits(fitsPath.toFile())) {
            BinaryTableHDU hdu = (BinaryTableHDU) f.getHDU(1);
            assertEquals("TDB", hdu.getHeader().getStringValue("TIMESYS"));
            assertEquals("SOLARSYSTEM", hdu.getHeader().getStringValue("TIMEREF"));
            assertEquals("BMJD_TDB", hdu.getColumnName(0));
            assertEquals("FLUX_MJY", hdu.getColumnName(3));
            assertEquals("mJy", hdu.getHeader().getStringValue("TUNIT4"));
            double[] t = (double[]) hdu.getColumn("BMJD_TDB");
            CcdResult c = result.logs().get(0).ccds().get(1);
            assertEquals(c.keptInPhase(), t.length);
            int k = 0;
            for (int i = 0; i < c.phase().length; i++) {
                if (c.inPhaseRange()[i]) {
                    assertEquals(c.bmjdTdb()[i], t[k++], 0.0);
                }
            }
        }
    }

    @Test
    void rerunOfTheSameConfigReusesTheFolderAndAnotherConfigGetsANewOne() throws Exception {
        Path cfg2 = dir.resolve("other.yaml");
        Files.writeString(cfg2, config().replace("T0: " + T0, "T0: " + (T0 + P)));
        CalphotJob other = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(cfg2);
        RunResult r2 = new Pipeline(services()).run(other,
                new RunOptions(null, false, null, java.util.Set.of(org.calphot.config.OutputFormat.CALIB), 1, "test"),
                null, Warnings.IGNORE);
        assertTrue(r2.newRunFolder());
        assertEquals(dir.resolve("out/run-2"), r2.outputDir());
        RunResult again = new Pipeline(services()).run(job, RunOptions.defaults(), null, Warnings.IGNORE);
        assertFalse(again.newRunFolder());
    }

    @Test
    void onlyTheChosenFormatsAreWritten() throws Exception {
        RunResult csvOnly = new Pipeline(services()).run(job, new RunOptions(dir.resolve("csv-only"), false, null,
                java.util.Set.of(org.calphot.config.OutputFormat.CSV), 1, "test"), null, Warnings.IGNORE);
        List<String> names;
        try (Stream<Path> s = Files.list(csvOnly.outputDir().resolve(Pipeline.LIGHTCURVE_FOLDER))) {
            names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(6, names.size(), names.toString());
        assertTrue(names.stream().allMatch(n -> n.endsWith(".csv")), names.toString());
    }

    @Test
    void logListenerGetsEveryCalibrationLineAsWrittenWithTheLogNamed() throws Exception {
        Path cfg = dir.resolve("listener/calphot.yaml");
        Files.createDirectories(cfg.getParent());
        Files.writeString(cfg, config());
        CalphotJob j = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(cfg);
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        RunResult r = new Pipeline(services()).run(j, new RunOptions(null, false, null,
                java.util.Set.of(org.calphot.config.OutputFormat.CALIB), 1, "test").withLogListener(heard::add), null,
                Warnings.IGNORE);
        String cal = Files.readString(r.outputDir().resolve("Calibration.txt"));
        List<String> written = cal.substring(cal.indexOf(" BEGIN CALIBRATION OUTPUT ")).lines().skip(1).toList();
        // one thread: the live lines are the file's lines in order, each log's lines carrying the log's name
        List<String> stripped = heard.stream().map(l -> l.replaceFirst("^\\[2018_10_1[25]\\.log\\] ?", "")).toList();
        assertEquals(written, stripped);
        assertTrue(heard.stream().anyMatch(l -> l.startsWith("[2018_10_12.log] Reading ")), heard.toString());
        assertTrue(heard.stream().anyMatch(l -> l.startsWith("[2018_10_15.log] Reading ")), heard.toString());
        assertTrue(heard.get(0).contains("BEGIN BATCH CALIBRATION"), heard.get(0));
    }

    @Test
    void invalidConfigWritesNothing() throws IOException {
        Path bad = dir.resolve("bad/calphot.yaml");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, config().replace("inst: ucam", "inst: ucma").replace("period:", "periood:"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(bad));
        assertEquals(2, e.exitCode());
        String all = e.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
        assertTrue(all.contains("did you mean 'period'"), all);
        assertTrue(all.contains("unknown instrument 'ucma'"), all);
        try (Stream<Path> s = Files.list(bad.getParent())) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void cancelStopsTheRunAndLeavesNoOutput() throws Exception {
        Path cfg = dir.resolve("cancel/calphot.yaml");
        Files.createDirectories(cfg.getParent());
        Files.writeString(cfg, config());
        CalphotJob j = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(cfg);
        java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
        org.calphot.core.ProgressMonitor cancelAfterFirstLog = new org.calphot.core.ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int work) {
                steps.addAndGet(work);
            }

            @Override
            public void subTask(String name) {
            }

            @Override
            public boolean isCanceled() {
                return steps.get() >= 1;
            }
        };
        assertThrows(org.calphot.core.CancelledException.class, () -> new Pipeline(services()).run(j,
                new RunOptions(null, false, null, null, 1, "test"), cancelAfterFirstLog, Warnings.IGNORE));
        Path out = cfg.getParent().resolve("out");
        assertFalse(Files.exists(out), "a cancelled first run leaves nothing, not even its output folder");
    }

    @Test
    void cycleRuleOfTheOriginal() {
        // data from 10.2 to 10.6 periods after T0: the rounded mean (10) lies before the data -> 11 is too late -> 10?
        double[] t = {10.2, 10.4, 10.6};
        assertEquals(10, Pipeline.cycleNumber(t, 0, 1)); // moved up to 11 (>= 10.2) then down to 10 (<= 10.6)
        double[] t2 = {4.9, 5.1, 5.3};
        assertEquals(5, Pipeline.cycleNumber(t2, 0, 1));
        // MJD 58404 is 2018-10-13 (the log of the night of 12 October ends after midnight UTC)
        assertEquals("2018-10-13@02h52m", Pipeline.eclipseStamp(58404.119755));
    }
}
