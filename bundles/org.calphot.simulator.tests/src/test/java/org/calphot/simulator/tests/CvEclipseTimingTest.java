// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.time.Site;
import org.calphot.core.time.SkyPosition;
import org.calphot.core.time.TimeRequest;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EclipseTimers;
import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.Ephemeris;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.LogFormat;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.time.TimeServices;
import org.calphot.tools.EclipseTimesTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eclipse times of simulated cataclysmic variables with a bright spot and flickering, end to end: the simulator
 * writes ULTRASPEC logs (its own eclipse model: a white dwarf with linear ramps, a bright spot eclipsed 45 s later at
 * ingress and 91 s later at egress whose light follows the orbital hump, red-noise flickering of index 1.5; none of
 * it the timers' code), calphot reads them and makes the count-ratio lightcurve with BMJD(TDB) from its own time
 * service ({@code eclipse-times}' path), and each model times every eclipse the true ephemeris predicts. The truth is
 * the white dwarf's mid-eclipse, T0 + E P, also written per eclipse in the truth JSON.
 * <p>
 * 34 runs (seeds 1901-1934) of 4 h at 3 s cadence with T0 spread over the cadence and the run, 3 eclipses each:
 * 102 eclipses (white dwarf g = 18.5, ratio S/N about 45 per point in the white dwarf's depth, as in
 * {@code CvTimingStatisticsTest}). Bounds, as the issue states them: the white-dwarf models' mean pull
 * (measured - true) / reported error within 0.1 plus twice its standard error (about 0.2 here: the mean of 102
 * pulls cannot resolve 0.1 better), and the rms reported error within 20 % of the scatter of (measured - true) (the
 * scatter of 102 values is known to 7 %). The symmetric model's bias on the same eclipses is printed and must be
 * large (it is why the white-dwarf models exist).
 * <p>
 * Found with this test (2026-12-05): the white-dwarf models' errors were 3.0 (wd-contacts) and 9.7 (wd-bright-spot)
 * times the scatter, because in a third of the eclipses the derivative missed the bright spot's egress and the
 * white dwarf + spot fit (the prayer bead's residuals, wd-bright-spot's MCMC start) converged to an optimum with the
 * spot's contacts on the white dwarf's (reduced chi2 about 20). The fit now also starts from the best of a grid of
 * spot lags; every eclipse then fits with reduced chi2 0.8-1.4.
 */
class CvEclipseTimingTest {

    static final double DAY = 86400;
    static final int RUNS = 34;
    static final int STEPS = 600;

    @TempDir
    static Path tmp;

    /** One simulated night: its log, the true ephemeris and the truth JSON's WD mid-eclipse times by cycle. */
    record Night(Path log, Ephemeris truth, Map<Long, Double> wdMid, SimulationSpec spec) {
    }

    static final List<Night> NIGHTS = new ArrayList<>();

    static SimulationSpec spec(int k) throws Exception {
        SimulationSpec.Builder b = SimulationSpec.defaults(Instrument.ULTRASPEC);
        double start = 60384.62;
        // T0 spread over 0.01 d so the sampling phase of the eclipses differs from night to night
        double t0 = start + 0.02 + 0.01 * ((k * 0.6180339887) % 1.0);
        return b.format(LogFormat.HIPERCAM).frames(4800).exposureS(3.0).seed(1900 + k).runName("cv" + k)
                .startMjdUtc(start).t0BmjdTdb(t0).brightSpot(0.6).flickerRms(0.02).flickerIndex(1.5)
                .junkFraction(0).nanFraction(0).badTimeFraction(0).build();
    }

    @BeforeAll
    static void simulate() throws Exception {
        Simulator sim = Truth.simulator();
        Pattern mid = Pattern.compile("\"cycle\"\\s*:\\s*(-?\\d+),\\s*\"wd_mid_bmjd_tdb\"\\s*:\\s*([-0-9.eE]+)");
        for (int k = 1; k <= RUNS; k++) {
            SimulationSpec s = spec(k);
            Simulator.Result r = sim.write(s, tmp.resolve("n" + k), false, null, Warnings.IGNORE);
            Map<Long, Double> wd = new LinkedHashMap<>();
            Matcher m = mid.matcher(Files.readString(r.truthJson()));
            while (m.find()) {
                wd.put(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)));
            }
            NIGHTS.add(new Night(r.log(), new Ephemeris(s.t0BmjdTdb(), s.periodDays()), wd, s));
        }
    }

    /** Per model: (measured - true) and reported errors, seconds. */
    record Stats(String model, int n, int notTimed, double meanS, double sdS, double rmsErrS, double meanPull,
            double pullSe, double meanWhiteS, double meanRedS) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-15s n=%d (not timed %d): bias %+.2f s (%+.3f sigma +- %.3f),"
                    + " scatter %.2f s, rms reported error %.2f s (ratio %.2f), mean white %.2f s, mean red %.2f s",
                    model, n, notTimed, meanS, meanPull, pullSe, sdS, rmsErrS, rmsErrS / sdS, meanWhiteS, meanRedS);
        }
    }

    static final Map<String, Stats> STATS = new LinkedHashMap<>();

    /** Each model's statistics once (the bias and the error tests share them). */
    static synchronized Stats stats(String model) throws Exception {
        Stats s = STATS.get(model);
        if (s == null) {
            s = time(model);
            STATS.put(model, s);
        }
        return s;
    }

    static Stats time(String model) throws Exception {
        EclipseTimer timer = EclipseTimers.byName(model, null);
        EclipseTimesTool tool = new EclipseTimesTool(LogIo.defaultReaders(), PhotometryServices.fluxCalibrator(),
                TimeServices.corrector(), TimeServices.siteRegistry(), EclipseTimer.create(), null);
        List<double[]> rows = new ArrayList<>();
        int notTimed = 0;
        for (Night night : NIGHTS) {
            Site site = TimeServices.siteRegistry().lookup(night.spec().site(), Location.NONE, Warnings.IGNORE);
            SkyPosition target = SkyPosition.parse(night.spec().targetCoords(), Location.NONE);
            EclipseTimesTool.Curve c = tool.countRatio(night.log(), "1", new TimeRequest(site, target),
                    Warnings.IGNORE);
            EclipseTimer.Survey s = timer.survey(c.bmjdTdb(), c.ratio(), c.ratioErr(), night.truth(),
                    EclipseTimer.Options.defaults().withSampler(16, STEPS, night.spec().seed()), null);
            notTimed += s.notTimed().size();
            for (EclipseTiming t : s.timed()) {
                long cycle = night.truth().nearestCycle(t.midBmjdTdb());
                Double truth = night.wdMid().get(cycle);
                assertTrue(truth != null, "the truth JSON lists cycle " + cycle + ": " + night.wdMid());
                // the truth JSON's time is the ephemeris' (to the JSON's 17 digits)
                assertEquals(night.truth().predict(cycle), truth, 1e-9);
                rows.add(new double[] {(t.midBmjdTdb() - truth) * DAY, t.error() * DAY, t.errWhite() * DAY,
                    t.errRed() * DAY});
                if (Boolean.getBoolean("cv.verbose")) {
                    System.out.printf(Locale.ROOT, "%s seed %d cycle %d: dt %+.2f s white %.2f red %.2f chi2 %.2f%n",
                            model, night.spec().seed(), cycle, (t.midBmjdTdb() - truth) * DAY, t.errWhite() * DAY,
                            t.errRed() * DAY, t.reducedChi2());
                }
            }
        }
        int n = rows.size();
        double mean = 0;
        double pull = 0;
        double e2 = 0;
        double mw = 0;
        double mr = 0;
        for (double[] r : rows) {
            mean += r[0] / n;
            pull += r[0] / r[1] / n;
            e2 += r[1] * r[1] / n;
            mw += r[2] / n;
            mr += Double.isFinite(r[3]) ? r[3] / n : 0;
        }
        double var = 0;
        double pvar = 0;
        for (double[] r : rows) {
            var += (r[0] - mean) * (r[0] - mean) / (n - 1);
            pvar += (r[0] / r[1] - pull) * (r[0] / r[1] - pull) / (n - 1);
        }
        Stats st = new Stats(model, n, notTimed, mean, Math.sqrt(var), Math.sqrt(e2), pull, Math.sqrt(pvar / n), mw,
                mr);
        System.out.println("simulated CV eclipses (bright spot 0.6, flicker 0.02, index 1.5): " + st);
        return st;
    }

    /** Measured: bias -0.09 s (-0.15 +- 0.11 sigma), every eclipse timed. */
    @Test
    void wdContactsUnbiased() throws Exception {
        Stats s = stats("wd-contacts");
        assertTrue(s.n() >= 100, s.toString());
        assertEquals(0, s.notTimed(), s.toString());
        assertEquals(0, s.meanPull(), 0.1 + 2 * s.pullSe(), s.toString());
    }

    /** Measured: bias +0.03 s (+0.15 +- 0.11 sigma), every eclipse timed. */
    @Test
    void wdBrightSpotUnbiased() throws Exception {
        Stats s = stats("wd-bright-spot");
        assertTrue(s.n() >= 100, s.toString());
        assertEquals(0, s.notTimed(), s.toString());
        assertEquals(0, s.meanPull(), 0.1 + 2 * s.pullSe(), s.toString());
    }

    /** Measured: rms reported error 0.48 s, 0.86 x the scatter (0.56 s). */
    @Test
    void wdContactsErrorsMatchTheScatter() throws Exception {
        Stats s = stats("wd-contacts");
        assertEquals(1.0, s.rmsErrS() / s.sdS(), 0.2, s.toString());
    }

    /** Measured: rms reported error 0.28 s, 0.90 x the scatter (0.31 s). */
    @Test
    void wdBrightSpotErrorsMatchTheScatter() throws Exception {
        Stats s = stats("wd-bright-spot");
        assertEquals(1.0, s.rmsErrS() / s.sdS(), 0.2, s.toString());
    }

    /**
     * The symmetric model on the same eclipses: late, because the bright spot trails the white dwarf. Measured:
     * +22.3 s, scatter 0.57 s.
     */
    @Test
    void symmetricModelIsBiasedByTheBrightSpot() throws Exception {
        Stats s = stats("symmetric");
        assertTrue(s.meanS() > 10, s.toString());
        assertTrue(Math.abs(s.meanPull()) > 3, s.toString());
    }
}
