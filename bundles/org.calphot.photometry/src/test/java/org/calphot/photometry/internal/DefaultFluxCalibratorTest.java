// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.LogFlags;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.core.photometry.CalibrationOptions;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.photometry.MagnitudeSource;
import org.calphot.io.LogIo;
import org.junit.jupiter.api.Test;

class DefaultFluxCalibratorTest {

    private final DefaultFluxCalibrator cal = new DefaultFluxCalibrator();

    static CcdTable dpLeo() throws Exception {
        PhotometryLog log = LogIo.defaultReaders().read(TestTables.dpLeoI(), Warnings.IGNORE);
        return log.ccds().get(0);
    }

    /** Config magnitudes 14.0 and 16.5 for apertures 2 and 3; 4 and 5 without magnitude (left out). */
    static ComparisonMagnitudes configMags() {
        return new ComparisonMagnitudes("1", "KG5", List.of("2", "3", "4", "5"),
                new double[] {14.0, 16.5, Double.NaN, Double.NaN}, new double[] {0.02, 0.03, 0, 0}, 0, 0,
                MagnitudeSource.CONFIG, "test");
    }

    @Test
    void realFramesByHand() throws Exception {
        CalibratedLightcurve lc = cal.calibrate(dpLeo(), configMags(), CalibrationOptions.DEFAULTS, Warnings.IGNORE);
        // DP Leo run032 log I: MJDok = 0 on frames 1, 2 and 332 (rows 0, 1, 331); nothing flagged or NaN.
        assertEquals(3, lc.rejections().timeNotOk());
        assertEquals(329, lc.rejections().kept());
        assertEquals(329, lc.size());
        assertEquals(2, lc.frameRow()[0]);
        // Hand computation, frame 3 (row 2) of the log:
        //   target   counts_1 = 821.6   countse_1 = 70.8
        //   comp 2   counts_2 = 27114.6 countse_2 = 158.6   mag 14.0 -> 3631e3 * 10^-5.6 = 9.120660 mJy
        //   comp 3   counts_3 = 1711.3  countse_3 = 77.7    mag 16.5 -> 3631e3 * 10^-6.6 = 0.912066 mJy
        //   C = 27114.6 + 1711.3 = 28825.9; sigma_C^2 = 158.6^2 + 77.7^2 = 31191.25
        //   R = 821.6 / 28825.9 = 0.02850215
        //   sigma_R = sqrt(70.8^2 + R^2 * 31191.25) / 28825.9 = sqrt(5012.64 + 25.339) / 28825.9 = 0.002462325
        //   F_comp = 9.120660 + 0.912066 = 10.032726 mJy
        //   F = R F_comp = 0.2859542 mJy, sigma_F = 0.02470383 mJy
        // Tolerance 1e-6 relative: the log's 1-decimal counts are stored as float (7 digits).
        assertEquals(0.02850215, lc.ratio()[0], 1e-6 * 0.0285);
        assertEquals(0.002462325, lc.ratioErr()[0], 1e-6 * 0.00246);
        assertEquals(10.032726, lc.comparisonFluxMjy(), 1e-6);
        assertEquals(0.2859542, lc.fluxMjy()[0], 1e-6 * 0.286);
        assertEquals(0.02470383, lc.fluxErrMjy()[0], 1e-6 * 0.0247);
        // Frame 4 (row 3): T = 905.7 +- 67.5, C = 26749.8 + 1532.5 = 28282.3, sigma_C^2 = 157.6^2 + 72.5^2 = 30094.01
        //   R = 0.03202356, sigma_R = sqrt(67.5^2 + R^2 30094.01) / 28282.3 = 0.002394721
        //   F = 0.3212836 mJy, sigma_F = 0.02402558 mJy
        assertEquals(0.3212836, lc.fluxMjy()[1], 1e-6 * 0.321);
        assertEquals(0.02402558, lc.fluxErrMjy()[1], 1e-6 * 0.024);
        assertEquals(2, lc.comparisonsInFrame()[0]);
        assertEquals(List.of("2", "3"), lc.comparisonLabels());
    }

    @Test
    void budgetByHand() throws Exception {
        CalibratedLightcurve lc = cal.calibrate(dpLeo(), configMags(), CalibrationOptions.DEFAULTS, Warnings.IGNORE);
        // independent magnitude errors weighted by flux share:
        //   sqrt((9.120660 * 0.02)^2 + (0.912066 * 0.03)^2) / 10.032726 = sqrt(0.0332742 + 0.000748678) / 10.032726
        //   = 0.1844523 / 10.032726 = 0.01838506; times 0.4 ln10 = 0.9210340 -> 0.01693326
        assertEquals(0.01693326, lc.budget().comparisonMags(), 2e-7);
        assertEquals(0.0, lc.budget().extinction(), 0.0);
        assertTrue(lc.budget().systematic() >= lc.budget().comparisonMags());
        double s = lc.budget().systematic();
        double st = lc.budget().statisticalMedian();
        assertEquals(s * s / (s * s + st * st), lc.budget().systematicShare(), 1e-12);
    }

    @Test
    void unitComparisonGivesCountRatio() throws Exception {
        CcdTable c = dpLeo();
        ComparisonMagnitudes unit = ComparisonMagnitudes.unitComparison("1", "KG5", List.of("2", "3", "4", "5"));
        // flux2mag(1/4 mJy) = 2.5 log10(3631e3) + 2.5 log10(4) = 16.400065 + 1.505150 = 17.905215;
        // four of them sum to 1 mJy
        assertEquals(17.905215, unit.mag(0), 1e-6);
        CalibratedLightcurve lc = cal.calibrate(c, unit, CalibrationOptions.DEFAULTS, Warnings.IGNORE);
        assertEquals(1.0, lc.comparisonFluxMjy(), 1e-12);
        for (int i = 0; i < lc.size(); i++) {
            assertEquals(lc.ratio()[i], lc.fluxMjy()[i], 1e-12 * Math.abs(lc.ratio()[i]) + 1e-15);
        }
        // frame 3: C = 27114.6 + 1711.3 + 722.3 + 498.7 = 30046.9; R = 821.6 / 30046.9 = 0.02734392
        assertEquals(0.02734392, lc.ratio()[0], 1e-6 * 0.0273);
        assertEquals(0.0, lc.budget().systematic(), 0.0);
    }

    /**
     * Rules on a table built from frames 3 and 4 of the real log, with bad values put in: each frame is counted
     * under the first rule it fails and the kept frames carry the hand-computed flux.
     */
    @Test
    void rejectionRulesAndInvertedNanFilterFixed() throws Exception {
        int n = 8;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 57100.6362 + i * 4.5e-5;
        }
        boolean[] ok = TestTables.allOk(n);
        double[][] tc = {{821.6, 70.8}, {905.7, 67.5}};
        double[][] c2 = {{27114.6, 158.6}, {26749.8, 157.6}};
        double[][] c3 = {{1711.3, 77.7}, {1532.5, 72.5}};
        double[] tgt = new double[n];
        double[] tgte = new double[n];
        double[] a2 = new double[n];
        double[] a2e = new double[n];
        double[] a3 = new double[n];
        double[] a3e = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i % 2 == 0 ? 0 : 1;
            tgt[i] = tc[k][0];
            tgte[i] = tc[k][1];
            a2[i] = c2[k][0];
            a2e[i] = c2[k][1];
            a3[i] = c3[k][0];
            a3e[i] = c3[k][1];
        }
        int[] f1 = new int[n];
        int[] f2 = new int[n];
        int[] f3 = new int[n];
        // row 0: good (frame 3 values)
        ok[1] = false; // row 1: bad time
        tgt[2] = Double.NaN; // row 2: target not measured
        f1[3] = LogFlags.TARGET_SATURATED; // row 3: target flagged
        a3[5] = Double.NaN; // row 5 (frame-4 values): one comparison NaN -> the original crashed here
        f3[6] = LogFlags.CLOUDS; // row 6: comparison flagged
        f2[7] = LogFlags.SKY_AT_EDGE; // row 7: flagged with a flag the user ignores -> kept
        CcdTable table = TestTables.table("1", t, ok, TestTables.filled(n, 3.85), List.of(
                new TestTables.Ap("1", tgt, tgte, f1), new TestTables.Ap("2", a2, a2e, f2),
                new TestTables.Ap("3", a3, a3e, f3)));
        ComparisonMagnitudes m = new ComparisonMagnitudes("1", "KG5", List.of("2", "3"), new double[] {14.0, 16.5},
                null, 0, 0, MagnitudeSource.CONFIG, "test");
        CalibrationOptions opt = CalibrationOptions.DEFAULTS.withIgnoreFlags(LogFlags.SKY_AT_EDGE);
        CalibratedLightcurve lc = cal.calibrate(table, m, opt, Warnings.IGNORE);
        var r = lc.rejections();
        assertEquals(1, r.timeNotOk());
        assertEquals(1, r.targetNotMeasured());
        assertEquals(1, r.targetFlagged());
        assertEquals(1, r.comparisonNotMeasured());
        assertEquals(1, r.comparisonFlagged());
        assertEquals(3, r.kept());
        assertEquals(r.total() - r.kept(), r.timeNotOk() + r.targetNotMeasured() + r.targetFlagged()
                + r.comparisonNotMeasured() + r.comparisonFlagged());
        assertEquals(List.of(0, 4, 7), List.of(lc.frameRow()[0], lc.frameRow()[1], lc.frameRow()[2]));
        assertEquals(0.2859542, lc.fluxMjy()[0], 1e-6 * 0.286);
        assertEquals(0.3212836, lc.fluxMjy()[2], 1e-6 * 0.321);

        // option: leave the bad comparison out of that frame only, flux scale = comparison 2's flux alone.
        // Row 5 (frame-4 values, comp 3 NaN): R = 905.7 / 26749.8 = 0.03385820,
        //   sigma_R = sqrt(67.5^2 + R^2 157.6^2) / 26749.8 = 0.002531256; F = R * 9.120660 = 0.3088091 mJy,
        //   sigma_F = 0.02308672 mJy. Row 6 (frame-3 values, comp 3 flagged): R = 821.6 / 27114.6.
        CalibratedLightcurve lc2 = cal.calibrate(table, m, opt.withDropComparisonPerFrame(true), Warnings.IGNORE);
        assertEquals(5, lc2.rejections().kept());
        assertEquals(2, lc2.rejections().comparisonLeftOut());
        assertEquals(0, lc2.rejections().comparisonNotMeasured() + lc2.rejections().comparisonFlagged());
        int row5 = 2;
        assertEquals(5, lc2.frameRow()[row5]);
        assertEquals(1, lc2.comparisonsInFrame()[row5]);
        assertEquals(0.3088091, lc2.fluxMjy()[row5], 1e-6 * 0.309);
        assertEquals(0.02308672, lc2.fluxErrMjy()[row5], 1e-6 * 0.0231);
        assertEquals(821.6 / 27114.6 * 9.120660, lc2.fluxMjy()[row5 + 1], 1e-6 * 0.276);
    }

    /** Config magnitudes: null/text (NaN) and saturated (infinite) entries leave the aperture out of both sums. */
    @Test
    void configMagnitudesSkipNanAndInfinite() throws Exception {
        ComparisonMagnitudes m = ComparisonMagnitudes.fromConfig("1", "KG5", List.of("2", "3", "4", "5"),
                new double[] {14.0, 16.5, Double.NaN, Double.POSITIVE_INFINITY}, "logfiles[run032].KG5");
        assertEquals(MagnitudeSource.CONFIG, m.source());
        CalibratedLightcurve lc = cal.calibrate(dpLeo(), m, CalibrationOptions.DEFAULTS, Warnings.IGNORE);
        assertEquals(List.of("2", "3"), lc.comparisonLabels());
        // same numbers as realFramesByHand: only apertures 2 and 3 are summed
        assertEquals(0.2859542, lc.fluxMjy()[0], 1e-6 * 0.286);
    }

    @Test
    void allComparisonsBadDropsFrameEvenWithOption() throws Exception {
        double[] t = {1, 2, 3};
        CcdTable table = TestTables.table("1", t, TestTables.allOk(3), TestTables.filled(3, 1), List.of(
                new TestTables.Ap("1", new double[] {10, 10, 10}, new double[] {1, 1, 1}, null),
                new TestTables.Ap("2", new double[] {100, Double.NaN, 100}, new double[] {1, 1, 1}, null)));
        ComparisonMagnitudes m = ComparisonMagnitudes.unitComparison("1", "g", List.of("2"));
        CalibratedLightcurve lc = cal.calibrate(table, m, CalibrationOptions.DEFAULTS.withDropComparisonPerFrame(true),
                Warnings.IGNORE);
        assertEquals(2, lc.size());
        assertEquals(1, lc.rejections().comparisonNotMeasured());
    }

    @Test
    void badInputIsLocatedNotThrownUnchecked() throws Exception {
        CcdTable c = dpLeo();
        ComparisonMagnitudes none = new ComparisonMagnitudes("1", "g", List.of("2"), new double[] {Double.NaN}, null, 0,
                0, MagnitudeSource.CONFIG, "");
        BadInputException e = assertThrows(BadInputException.class,
                () -> cal.calibrate(c, none, CalibrationOptions.DEFAULTS, Warnings.IGNORE));
        assertTrue(e.getMessage().contains("no comparison"), e.getMessage());
        ComparisonMagnitudes missing = new ComparisonMagnitudes("1", "g", List.of("9"), new double[] {15}, null, 0, 0,
                MagnitudeSource.CONFIG, "");
        e = assertThrows(BadInputException.class,
                () -> cal.calibrate(c, missing, CalibrationOptions.DEFAULTS, Warnings.IGNORE));
        assertTrue(e.getMessage().contains("'9'"), e.getMessage());
    }

    /** A comparison that fades 10 % over the run is named; the real DP Leo comparisons raise no warning. */
    @Test
    void diagnosticsNameDriftingComparison() throws Exception {
        int n = 200;
        double[] t = new double[n];
        double[][] c = new double[3][n];
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            t[i] = 58000 + i * 1e-3;
            c[0][i] = 50000 * (1 + 0.003 * rnd.nextGaussian());
            c[1][i] = 40000 * (1 + 0.003 * rnd.nextGaussian());
            c[2][i] = 30000 * (1 - 0.10 * i / (n - 1.0)) * (1 + 0.003 * rnd.nextGaussian());
        }
        List<TestTables.Ap> aps = new ArrayList<>();
        aps.add(new TestTables.Ap("1", TestTables.filled(n, 1000), TestTables.filled(n, 30), null));
        for (int k = 0; k < 3; k++) {
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = 0.003 * c[k][i];
            }
            aps.add(new TestTables.Ap(String.valueOf(k + 2), c[k], e, null));
        }
        CcdTable table = TestTables.table("1", t, TestTables.allOk(n), TestTables.filled(n, 1), aps);
        List<String> warned = new ArrayList<>();
        CalibratedLightcurve lc = cal.calibrate(table,
                ComparisonMagnitudes.unitComparison("1", "g", List.of("2", "3", "4")), CalibrationOptions.DEFAULTS,
                (l, msg) -> warned.add(msg));
        assertEquals(List.of("4"), lc.diagnostics().suspects());
        assertEquals(1, warned.size());
        assertTrue(warned.get(0).contains("comparison 4"), warned.get(0));
        assertEquals(3, lc.diagnostics().pairs().size());
        var p24 = lc.diagnostics().pairs().get(1);
        assertEquals("2", p24.labelA());
        assertEquals("4", p24.labelB());
        // ratio 2/4 grows by 1/0.9 - 1 = 11 % relative to its start; normalised to its mean (~1.053 of the start)
        // the fitted change over the run is about 0.111 / 1.053 = 0.105 (noise 0.4 % per point -> tolerance 0.01)
        assertEquals(0.105, p24.drift(), 0.01);

        List<String> real = new ArrayList<>();
        cal.calibrate(dpLeo(), ComparisonMagnitudes.unitComparison("1", "KG5", List.of("2", "3", "4", "5")),
                CalibrationOptions.DEFAULTS, (l, msg) -> real.add(msg));
        assertEquals(List.of(), real);
    }
}
