// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.PhotometryLog;
import org.calphot.io.LogIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trip through the io readers, reproducibility, and the physics against the truth. */
class SimulatorTest {

    @TempDir
    Path tmp;

    /** A copy of the values of one simulated line. */
    record Row(int ccd, int nframe, double mjd, boolean ok, double exptim, double bmjd, double airmass,
            double[] counts, double[] countse, int[] flag, double[] x, double[] trueMjy, double[] expected) {
        static Row of(SimulatedLine l) {
            return new Row(l.ccdIndex, l.nframe, l.mjdUtc, l.mjdOk, l.exptimS, l.bmjdTdb, l.airmass, l.counts.clone(),
                    l.countse.clone(), l.flag.clone(), l.x.clone(), l.trueMjy.clone(), l.expectedCounts.clone());
        }
    }

    static List<Row> rows(SimulationSpec spec) throws Exception {
        List<Row> out = new ArrayList<>();
        LogFormatTest.simulator().generate(spec, l -> out.add(Row.of(l)), ProgressMonitor.NULL, Warnings.IGNORE);
        return out;
    }

    /** Printed-precision tolerance: half a unit in the last printed decimal, plus float32 storage. */
    private static double tol(double v, int decimals) {
        return 0.5 * Math.pow(10, -decimals) + Math.ulp((float) v);
    }

    @Test
    void roundTripThroughTheReadersInEachFormat() throws Exception {
        Object[][] cases = {
            {Instrument.HIPERCAM, LogFormat.HIPERCAM},
            {Instrument.ULTRACAM, LogFormat.HIPERCAM_OLD},
            {Instrument.ULTRACAM, LogFormat.ULOG},
            {Instrument.ULTRASPEC, LogFormat.HIPERCAM}};
        for (Object[] c : cases) {
            Instrument inst = (Instrument) c[0];
            LogFormat fmt = (LogFormat) c[1];
            // raised bad-point rates so every kind of bad value occurs in a short run
            SimulationSpec spec = SimulationSpec.defaults(inst).format(fmt).frames(300).seed(11).nanFraction(0.02)
                    .junkFraction(0.03).badTimeFraction(0.03).build();
            List<Row> sim = rows(spec);
            Path log = LogFormatTest.simulator().write(spec, tmp.resolve(inst + "_" + fmt), false,
                    ProgressMonitor.NULL, Warnings.IGNORE).log();
            PhotometryLog read = LogIo.defaultReaders().read(log, Warnings.IGNORE);
            boolean ulog = fmt == LogFormat.ULOG;
            assertEquals(ulog ? "ultracam-ulog" : "hipercam-ascii", read.header().format());
            int[] seen = new int[inst.nccd()];
            int nanSeen = 0;
            int flagged = 0;
            for (Row r : sim) {
                CcdTable t = read.ccds().get(r.ccd());
                // ulog rows: every frame; hipercam rows: only frames the CCD was read out
                int i = ulog ? r.nframe() - 1 : seen[r.ccd()]++;
                assertEquals(r.nframe(), t.nframe()[i]);
                assertEquals(r.mjd(), t.mjdUtc()[i], ulog ? 1e-10 : 1e-13, "MJD printed to 10 / 14 decimals");
                assertEquals(r.ok(), t.mjdOk()[i]);
                assertEquals(r.exptim(), t.exposure().value(i), 1e-6 * r.exptim() + 1e-7);
                for (int a = 0; a < r.counts().length; a++) {
                    String ap = Integer.toString(a + 1);
                    double got = t.aperture(ap).counts().value(i);
                    double gotE = t.aperture(ap).countsError().value(i);
                    if (Double.isNaN(r.counts()[a])) {
                        assertTrue(Double.isNaN(got) && Double.isNaN(gotE), "bad point read as NaN");
                        nanSeen++;
                    } else {
                        assertEquals(r.counts()[a], got, tol(r.counts()[a], 1));
                        assertEquals(r.countse()[a], gotE, tol(r.countse()[a], 1));
                    }
                    assertEquals(r.x()[a], t.aperture(ap).column("x").value(i), tol(r.x()[a], 4));
                    int want = r.flag()[a];
                    if (ulog) {
                        // the ULTRACAM error code keeps one cause: failed > saturated > non-linear > junk
                        want = Double.isNaN(r.counts()[a]) ? 64 : (want & 16) != 0 ? 16 : (want & 32) != 0 ? 32
                                : (want & 512) != 0 ? 512 : 0;
                    }
                    int gotFlag = (int) t.aperture(ap).flags().value(i);
                    assertEquals(want, gotFlag, inst + " " + fmt + " flag frame " + r.nframe() + " ap " + ap);
                    if (gotFlag != 0) {
                        flagged++;
                    }
                }
            }
            assertTrue(nanSeen > 5 && flagged > 5, "bad values were exercised: " + nanSeen + " nan, " + flagged);
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.HIPERCAM).frames(400).seed(42).cloudDepthMag(0.3)
                .build();
        Simulator sim = LogFormatTest.simulator();
        Simulator.Result a = sim.write(spec, tmp.resolve("a"), true, ProgressMonitor.NULL, Warnings.IGNORE);
        Simulator.Result b = sim.write(spec, tmp.resolve("b"), true, ProgressMonitor.NULL, Warnings.IGNORE);
        for (String f : List.of("run001.log", "run001.truth.csv", "run001.truth.json", "calphot.yaml")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b")
                    .resolve(f)), f);
        }
        assertTrue(a.logBytes() > 100_000);
        SimulationSpec other = SimulationSpec.defaults(Instrument.HIPERCAM).frames(400).seed(43).cloudDepthMag(0.3)
                .build();
        sim.write(other, tmp.resolve("c"), false, ProgressMonitor.NULL, Warnings.IGNORE);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(b.log()),
                Files.readAllBytes(tmp.resolve("c").resolve("run001.log"))));
    }

    /**
     * The target/comparison count ratio scatters about the true flux ratio as its stated error says:
     * mean pull 0 +- 0.05 and RMS 1 +- 0.05 over ~5000 lines (statistical 1-sigma 0.014 and 0.010;
     * fixed seed 2024). Clouds are grey, so they must cancel in the ratio.
     */
    @Test
    void countRatioMatchesTruthWithinItsErrors() throws Exception {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.HIPERCAM).frames(1000).seed(2024)
                .cloudDepthMag(0.5).junkFraction(0).nanFraction(0).badTimeFraction(0).build();
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        for (Row r : rows(spec)) {
            double c1 = r.counts()[0];
            double c2 = r.counts()[1];
            double ratio = c1 / c2;
            double err = Math.abs(ratio) * Math.hypot(r.countse()[0] / c1, r.countse()[1] / c2);
            double pull = (ratio - r.trueMjy()[0] / r.trueMjy()[1]) / err;
            sum += pull;
            sum2 += pull * pull;
            n++;
        }
        double mean = sum / n;
        double rms = Math.sqrt(sum2 / n - mean * mean);
        assertEquals(5000, n);
        assertEquals(0, mean, 0.05, "mean pull");
        assertEquals(1, rms, 0.05, "pull RMS");
    }

    /**
     * With clear sky, -2.5 log10(counts / texp) - k X + ZP recovers each comparison's AB magnitude:
     * the truth file's ZP and k are the ones the counts were made with. Tolerance 5 mmag against a
     * statistical error of < 1 mmag (1000 lines of >= 1e4 counts; fixed seed 7).
     */
    @Test
    void zeroPointAndExtinctionRecoverComparisonMagnitudes() throws Exception {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.ULTRACAM).frames(1000).seed(7).junkFraction(0)
                .nanFraction(0).build();
        double[][] sum = new double[3][2];
        int[] n = new int[3];
        for (Row r : rows(spec)) {
            if (r.nframe() == 1) {
                continue; // the 0.0005-s junk frame has no extraction
            }
            int c = r.ccd();
            for (int j = 0; j < 2; j++) {
                sum[c][j] += -2.5 * Math.log10(r.counts()[j + 1] / r.exptim()) - spec.extinction()[c] * r.airmass()
                        + spec.zeroPoints()[c];
            }
            n[c]++;
        }
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(spec.compMags()[c][j], sum[c][j] / n[c], 0.005, "CCD " + (c + 1) + " comparison " + j);
            }
        }
    }

    /**
     * The eclipse in the counts sits at the true mid-eclipse time: scanning the model's T0 by +-30 s
     * against target/comparison x comparison flux, chi^2 is least within 2 s of the truth (ingress 25 s,
     * 3-s exposures, g-band SNR ~150; fixed seed 99).
     */
    @Test
    void eclipseIsAtTheTrueTime() throws Exception {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.HIPERCAM).frames(1000).seed(99).junkFraction(0)
                .nanFraction(0).build();
        int g = 1;
        List<Row> rows = new ArrayList<>();
        for (Row r : rows(spec)) {
            if (r.ccd() == g) {
                rows.add(r);
            }
        }
        double wd = EclipseModel.abToMilliJansky(spec.wdMag()[g]);
        double sec = EclipseModel.abToMilliJansky(spec.secMag()[g]);
        double comp = EclipseModel.abToMilliJansky(spec.compMags()[g][0]);
        double best = Double.NaN;
        double bestChi = Double.POSITIVE_INFINITY;
        for (int k = -300; k <= 300; k++) {
            double shift = k * 0.1 / 86400;
            double chi = 0;
            for (Row r : rows) {
                double f = r.counts()[0] / r.counts()[1] * comp;
                double e = Math.abs(f) * Math.hypot(r.countse()[0] / r.counts()[0], r.countse()[1] / r.counts()[1]);
                double m = EclipseModel.targetMilliJansky(r.bmjd(), r.exptim(), spec.t0BmjdTdb() + shift,
                        spec.periodDays(), spec.eclipseWidthPhase(), spec.ingressPhase(), wd, sec,
                        spec.secAmplitude(), spec.humpPhase());
                chi += (f - m) * (f - m) / (e * e);
            }
            if (chi < bestChi) {
                bestChi = chi;
                best = k * 0.1;
            }
        }
        assertEquals(0, best, 2.0, "best-fit eclipse offset, seconds");
        // and the run does contain that eclipse
        Simulator.Result res = LogFormatTest.simulator().write(spec, tmp, false, ProgressMonitor.NULL,
                Warnings.IGNORE);
        assertEquals(List.of(spec.t0BmjdTdb()), res.eclipseBmjdTdb());
    }

    /** The analytic exposure mean of the eclipse profile equals a brute-force average (1e-6). */
    @Test
    void eclipseProfileMeanMatchesNumericAverage() {
        double w = 0.04;
        double in = 0.005;
        double[][] spans = {{-0.03, -0.01}, {-0.0205, -0.0195}, {-0.019, 0.0}, {0.0149, 0.0201}, {-0.1, 0.1},
            {0.3, 0.31}};
        for (double[] s : spans) {
            int n = 200000;
            double acc = 0;
            for (int i = 0; i < n; i++) {
                double x = s[0] + (i + 0.5) * (s[1] - s[0]) / n;
                double ax = Math.abs(x);
                double dip = ax >= w / 2 ? 0 : ax <= w / 2 - in ? 1 : (w / 2 - ax) / in;
                acc += 1 - dip;
            }
            assertEquals(acc / n, EclipseModel.visibleFraction(s[0], s[1], w, in), 1e-6);
        }
        assertEquals(1.0, EclipseModel.secondaryFactor(0.1, 1.1, 0.2, 0.85), 1e-12, "a full cycle averages out");
        assertEquals(1.2, EclipseModel.secondaryFactor(0.85, 0.85, 0.2, 0.85), 1e-12);
    }

    @Test
    void configFollowsCalphotYamlWithMagnitudesInCcdOrder() throws Exception {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.ULTRACAM).frames(50).seed(1).build();
        Simulator.Result r = LogFormatTest.simulator().write(spec, tmp, false, ProgressMonitor.NULL,
                Warnings.IGNORE);
        List<String> y = Files.readAllLines(r.config());
        assertTrue(y.contains("SDSS: 0"));
        assertTrue(y.contains("T0: 60384.1312345"));
        assertTrue(y.contains("period: 0.0583110795"));
        assertTrue(y.contains("target coords: 10:00:00.00 -20:00:00.0"));
        assertTrue(y.contains("    observatory: lasilla"));
        assertTrue(y.contains("    inst: ucam"));
        assertTrue(y.contains("    phase range: [-0.5, 0.5]"));
        // ULTRACAM CCD 1, 2, 3 = r, g, u
        assertTrue(y.contains("      run001.log: {r: [14.731, 16.405], g: [15.102, 16.912], u: [16.214, 17.953]}"),
                String.join("\n", y));
        assertTrue(y.contains("overplot: false"));
    }
}
