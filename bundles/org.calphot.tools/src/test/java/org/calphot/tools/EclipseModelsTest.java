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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.Ephemeris;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eclipse-times --model ... --json} on the ULTRASPEC DP Leo log of 2015-03-19 (cycle 35058 of
 * Beuermann et al. 2011): each model's mid-eclipse time and O-C, pinned to the value measured when
 * the models were written (README "Timing eclipses") within the time's own error; and a predicted
 * eclipse half outside the data reported as not timed, with its reason, in the JSON.
 */
class EclipseModelsTest {

    static final Path SHARED = Path.of(System.getProperty("calphot.shared", "../../../shared"));
    static final Path USPEC = SHARED.resolve("data/reference/logs/hipercam_ultraspec_dpleo_2015-03-19")
            .toAbsolutePath().normalize();
    static final Path LOG = USPEC.resolve("2015_03_19_dpleo_run032_normal_gaussian_I.log");
    static final double DAY = 86400;
    /** Beuermann et al. (2011) eq. 1, BJD 2454914.8322920(20) + 0.06236285648(90) E, as BMJD(TDB). */
    static final Ephemeris BEUERMANN = new Ephemeris(54914.3322920, 0.06236285648);
    static final String TARGET = "11:17:15.99 +17:57:40.9";

    static String run(Path log, String model, Path dir, List<String> warnings) throws Exception {
        EclipseTimesTool tool = new EclipseTimesTool(LogIo.defaultReaders(), PhotometryServices.fluxCalibrator(),
                TimeServices.corrector(), TimeServices.siteRegistry(), EclipseTimer.create(), null);
        StringWriter out = new StringWriter();
        tool.run(new EclipseTimesTool.Args(List.of(log), TARGET, "TNO", BEUERMANN, Double.NaN, Double.NaN, null, dir,
                1, model, true), new PrintWriter(out), null, (l, m) -> warnings.add(m));
        return out.toString();
    }

    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    static String text(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1);
    }

    @Test
    void dpLeoEachModel(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(LOG), "reference log missing: " + LOG);
        // pinned BMJD(TDB) of each model (measured 2026-12-05; README "Timing eclipses")
        String[] models = {"symmetric", "wd-contacts", "wd-bright-spot"};
        double[] pinned = {PIN_SYMMETRIC, PIN_CONTACTS, PIN_SPOT};
        double[] times = new double[3];
        double[] errors = new double[3];
        for (int k = 0; k < models.length; k++) {
            List<String> w = new ArrayList<>();
            String json = run(LOG, models[k], dir.resolve(models[k]), w);
            assertTrue(json.strip().startsWith("{\"eclipses\":"), json);
            assertEquals(models[k], text(json, "model"));
            assertEquals(35058, (int) number(json, "cycle"));
            double t = number(json, "bmjd_tdb");
            double err = number(json, "err_s");
            double white = number(json, "err_white_s");
            double oc = (t - BEUERMANN.predict(35058)) * DAY;
            assertEquals(oc, number(json, "oc_s"), 1e-3);
            System.out.printf("DP Leo 2015-03-19 %-15s BMJD(TDB) %.7f +- %.2f s (white %.2f s, red %s s, %s),"
                    + " O-C %+.2f s, chi2_nu %.2f%s%n", models[k], t, err, white,
                    json.contains("\"err_red_s\":null") ? "-" : String.format("%.2f", number(json, "err_red_s")),
                    text(json, "err_method"), oc, number(json, "chi2_nu"), json.contains("wd_width_s")
                            ? String.format(", WD width %.2f s", number(json, "wd_width_s")) : "");
            assertTrue(err >= white - 1e-9, "the used error is the larger");
            assertEquals(pinned[k], t, err / DAY, models[k]);
            if (!models[k].equals("symmetric")) {
                assertTrue(number(json, "egress_bmjd_tdb") > number(json, "ingress_bmjd_tdb"));
            }
            times[k] = t;
            errors[k] = err;
        }
        // DP Leo is a polar: no disc, no bright spot, so the white dwarf's (accretion spot's) eclipse is
        // symmetric and the symmetric model and the contact points must agree within their errors (2 sigma)
        assertEquals(times[0], times[1], 2 * Math.hypot(errors[0], errors[1]) / DAY, "symmetric vs wd-contacts");
    }

    /*
     * Pinned BMJD(TDB) of each model, measured 2026-12-05 (seed 1; README "Timing eclipses"); each test
     * tolerance is the time's own reported error. O-C against Beuermann et al. (2011) eq. 1: +13.3, +11.6
     * and +11.6 s, with 2.6 s from their period's error extrapolated over 35058 cycles on top.
     */
    static final double PIN_SYMMETRIC = 57100.6494685; // +- 0.81 s (MCMC)
    static final double PIN_CONTACTS = 57100.6494488; // +- 1.08 s (propagated; prayer bead 1.01 s)
    static final double PIN_SPOT = 57100.6494483; // +- 20.7 s (MCMC: on a polar the spot term is unconstrained)

    @Test
    void halfCoveredEclipseIsListedAsNotTimed(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(LOG), "reference log missing: " + LOG);
        // the log cut after frame 185 (UTC MJD 57100.64436, 92 s after the white dwarf's mid-eclipse and 15 s
        // before its mid-egress, both from wd-contacts on the whole log): the data stop inside the egress
        List<String> lines = Files.readAllLines(LOG);
        int data = 0;
        for (String l : lines) {
            data += l.startsWith("#") || l.isBlank() ? 0 : 1;
        }
        List<String> cut = new ArrayList<>();
        int kept = 0;
        for (String l : lines) {
            boolean isData = !(l.startsWith("#") || l.isBlank());
            if (isData && ++kept > data - CUT_FRAMES) {
                continue;
            }
            cut.add(l);
        }
        Path log = dir.resolve("cut.log");
        Files.write(log, cut);
        StringWriter out = new StringWriter();
        EclipseTimesTool tool = new EclipseTimesTool(LogIo.defaultReaders(), PhotometryServices.fluxCalibrator(),
                TimeServices.corrector(), TimeServices.siteRegistry(), EclipseTimer.create(), null);
        List<String> w = new ArrayList<>();
        BadInputException e = assertThrows(BadInputException.class, () -> tool.run(new EclipseTimesTool.Args(
                List.of(log), TARGET, "TNO", BEUERMANN, Double.NaN, Double.NaN, null, dir, 1, "wd-contacts", true),
                new PrintWriter(out), null, (l, m) -> w.add(m)));
        assertTrue(e.getMessage().startsWith("no eclipse was timed"), e.getMessage());
        String json = out.toString();
        System.out.println("cut log: " + json.strip());
        assertTrue(json.contains("\"eclipses\":[]"), json);
        assertEquals(35058, (int) number(json, "cycle"));
        assertTrue(text(json, "reason").startsWith("partly covered"), json);
        assertTrue(w.stream().anyMatch(m -> m.contains("not timed: partly covered")), w.toString());
        assertTrue(!Files.exists(dir.resolve("EPHEMERIS/eclipse_times.txt")));
    }

    /** 332 data lines, frames 186-332 dropped. */
    static final int CUT_FRAMES = 147;

    static final Path UCAM = SHARED.resolve("data/reference/logs/hipercam_ultracam_asassn16kr_2018-10/2018_10_12.log")
            .toAbsolutePath().normalize();

    /**
     * {@code --ccd all} on the ULTRACAM ASASSN-16kr log (three CCDs, one eclipse, no prior: cycle 0):
     * each CCD's time is the one {@code --ccd C} gives alone, and the file holds the weighted mean of
     * the three, recomputed here from the per-band JSON values (sum w t / sum w, w = 1/err^2, the
     * error 1/sqrt(sum w) times max(1, sqrt(chi2/2))).
     */
    @Test
    void everyCcdGivesTheBandsWeightedMean(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(UCAM), "reference log missing: " + UCAM);
        String json = runCcd(UCAM, "all", dir.resolve("all"));
        System.out.println("--ccd all: " + json.strip());
        Matcher m = Pattern.compile("\"ccd\":\"([0-9])\",\"band\":\"[^\"]*\",\"model\":\"[^\"]*\",\"cycle\":"
                + "[^,]*,\"bmjd_tdb\":([0-9.]+),.*?\"err_s\":([0-9.eE+-]+)").matcher(json);
        double sw = 0;
        double swt = 0;
        double t0 = Double.NaN;
        List<double[]> bands = new ArrayList<>();
        while (m.find()) {
            double t = Double.parseDouble(m.group(2));
            double e = Double.parseDouble(m.group(3)) / DAY;
            t0 = Double.isNaN(t0) ? t : t0;
            sw += 1 / (e * e);
            swt += (t - t0) / (e * e);
            bands.add(new double[] {t, e});
            // the same CCD alone gives the same time (same data, same seed)
            double alone = number(runCcd(UCAM, m.group(1), dir.resolve("ccd" + m.group(1))), "bmjd_tdb");
            assertEquals(alone, t, 1e-9, "CCD " + m.group(1));
        }
        assertEquals(3, bands.size(), json);
        double mean = t0 + swt / sw;
        double chi2 = 0;
        for (double[] b : bands) {
            chi2 += (b[0] - mean) * (b[0] - mean) / (b[1] * b[1]);
        }
        String means = json.substring(json.indexOf("\"band_means\""));
        assertEquals(mean, number(means, "bmjd_tdb"), 1e-9);
        assertEquals(Math.sqrt(1 / sw) * Math.max(1, Math.sqrt(chi2 / 2)) * DAY, number(means, "err_s"), 1e-3);
        org.calphot.ephemeris.EclipseTimeTable file = org.calphot.ephemeris.EclipseTimesFile.read(
                dir.resolve("all").resolve("EPHEMERIS/eclipse_times.txt"), Warnings.IGNORE);
        assertEquals(1, file.size(), "one row: the mean, not one per band");
        assertEquals(mean, file.bmjdTdb()[0], 1e-9);
    }

    static String runCcd(Path log, String ccd, Path dir) throws Exception {
        EclipseTimesTool tool = new EclipseTimesTool(LogIo.defaultReaders(), PhotometryServices.fluxCalibrator(),
                TimeServices.corrector(), TimeServices.siteRegistry(), EclipseTimer.create(), null);
        StringWriter out = new StringWriter();
        tool.run(new EclipseTimesTool.Args(List.of(log), "20:21:14.40 -15:36:29.0", "ntt", null, Double.NaN,
                Double.NaN, ccd, dir, 1, "wd-contacts", true), new PrintWriter(out), null, (l, w) -> { });
        return out.toString();
    }

    @Test
    void unknownModelIsBadInput(@TempDir Path dir) {
        Assumptions.assumeTrue(Files.isRegularFile(LOG), "reference log missing: " + LOG);
        BadInputException e = assertThrows(BadInputException.class, () -> run(LOG, "wd", dir, new ArrayList<>()));
        assertTrue(e.getMessage().contains("unknown eclipse model 'wd'"), e.getMessage());
        Warnings.IGNORE.warn(null, "");
    }
}
