// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.calphot.core.log.CcdTable;
import org.calphot.core.log.LogFlags;
import org.calphot.core.photometry.ColourTerm;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.core.photometry.InstrumentalMagnitude;
import org.calphot.core.photometry.ZeroPoint;
import org.calphot.core.photometry.ZeroPointOptions;
import org.junit.jupiter.api.Test;

class DefaultZeroPointCalculatorTest {

    private final DefaultZeroPointCalculator calc = new DefaultZeroPointCalculator();

    /**
     * Six frames, exposure 2 s, airmass 1.2 for all, k = 0.1:
     * counts 2000 (row 0, junk first frame), 1000, 1000, 1100 (flagged CLOUDS), 1000, 9000 (last frame).
     * m = -2.5 log10(1000 / 2) - 0.12 = -6.747425 - 0.12 = -6.867425 for rows 1, 2, 4.
     * Row 0 and the last row are left out (first/last frame), row 3 by its flag unless CLOUDS is ignored:
     * with it, m3 = -2.5 log10(550) - 0.12 = -6.850908 - 0.12 = -6.970908; 3-sigma clipping keeps all 4
     * (population sd 0.0448, the largest deviation from the median -6.867425 is 0.1035 < 0.134):
     * mean = (3 * -6.867425 - 6.970908) / 4 = -6.893296.
     */
    @Test
    void clippedMeanByHandWithFlagsAndFirstLast() throws Exception {
        double[] c = {2000, 1000, 1000, 1100, 1000, 9000};
        double[] e = TestTables.filled(6, 10);
        int[] f = {0, 0, 0, LogFlags.CLOUDS, 0, 0};
        CcdTable t = TestTables.table("1", new double[] {1, 2, 3, 4, 5, 6}, TestTables.allOk(6),
                TestTables.filled(6, 2.0), List.of(new TestTables.Ap("1", c, e, f)));
        double[] x = TestTables.filled(6, 1.2);
        InstrumentalMagnitude im = calc.instrumental(t, "1", x, 0.1, ZeroPointOptions.DEFAULTS);
        assertEquals(3, im.n());
        assertEquals(3, im.masked());
        assertEquals(-6.867425, im.mean(), 1e-6);
        assertEquals(0.0, im.std(), 1e-9);
        InstrumentalMagnitude im2 = calc.instrumental(t, "1", x, 0.1,
                new ZeroPointOptions(LogFlags.CLOUDS, 3.0, true));
        assertEquals(4, im2.n());
        assertEquals(-6.893296, im2.mean(), 1e-6);
        assertEquals(1.2, im2.meanAirmass(), 1e-12);
    }

    /**
     * Frames 3-7 (rows 2-6) of the real DP Leo log, aperture 2, airmass set to 1.3 and k = 0.1; the first and last
     * of these five are left out, leaving frames 4, 5, 6:
     *   counts 26749.8, 26900.6, 26781.8 over Exptim 3.851591, 3.851591, 3.8515916 s
     *   m = -2.5 log10(counts / exptim) - 0.13 = -9.734201, -9.740305, -9.735499 (frame 6's longer exposure moves
     *   it by 2e-7 mag) -> mean -9.736668; population sd 0.002626, 3 sd = 0.0079 > largest deviation 0.0048.
     */
    @Test
    void realFramesByHand() throws Exception {
        CcdTable log = org.calphot.io.LogIo.defaultReaders().read(TestTables.dpLeoI(),
                org.calphot.core.Warnings.IGNORE).ccds().get(0);
        int n = 5;
        double[] t = new double[n];
        double[] exp = new double[n];
        double[] c = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = log.mjdUtc()[2 + i];
            exp[i] = log.exposure().value(2 + i);
            c[i] = log.aperture("2").counts().value(2 + i);
            e[i] = log.aperture("2").countsError().value(2 + i);
        }
        CcdTable five = TestTables.table("1", t, TestTables.allOk(n), exp, List.of(new TestTables.Ap("2", c, e, null)));
        InstrumentalMagnitude im = calc.instrumental(five, "2", TestTables.filled(n, 1.3), 0.1,
                ZeroPointOptions.DEFAULTS);
        assertEquals(3, im.n());
        // tolerance 1e-6 mag: the counts are floats (7 digits)
        assertEquals(-9.736668, im.mean(), 1e-6);
        assertEquals(0.002626, im.std(), 1e-6);
        assertEquals(0.002626 / Math.sqrt(2), im.errorOfMean(), 1e-6);
    }

    /** Frames of one star: m_true above the atmosphere, zero point zp, extinction k, Poisson-like noise. */
    static double[] star(Random rnd, double mTrue, double zp, double k, double[] x, double exp, double[] errOut) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double truth = exp * Math.pow(10, -0.4 * (mTrue - zp + k * x[i]));
            double s = Math.sqrt(truth + 200);
            c[i] = truth + s * rnd.nextGaussian();
            errOut[i] = s;
        }
        return c;
    }

    /**
     * Generated standard (r = 12.000, catalogue error 0.01) at X 1.3-1.5 and a field at X 1.1-1.2 with comparisons of
     * known magnitudes; zero point 25.3, k = 0.12, given to the calculator as a draw from 0.12 +- 0.02. The comparison magnitudes come back within 3 of their
     * total errors, and over 40 seeds the pulls (m - m_true) / sigma have rms 1 within 35 % (40 x 3 pulls,
     * all sharing the zero point error within a seed, so the effective sample is small).
     */
    @Test
    void standardGivesBackComparisonMagnitudes() throws Exception {
        double zpTrue = 25.3;
        double k = 0.12;
        double[] mComp = {14.2, 15.7, 17.1};
        double s2 = 0;
        int np = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random rnd = new Random(500 + seed);
            int n = 80;
            double[] xs = new double[n];
            double[] xf = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = 1.3 + 0.2 * i / (n - 1);
                xf[i] = 1.1 + 0.1 * i / (n - 1);
                t[i] = i;
            }
            double[] es = new double[n];
            double[] cs = star(rnd, 12.0, zpTrue, k, xs, 5.0, es);
            CcdTable std = TestTables.table("1", t, TestTables.allOk(n), TestTables.filled(n, 5.0),
                    List.of(new TestTables.Ap("1", cs, es, null)));
            List<TestTables.Ap> aps = new ArrayList<>();
            double[] et = new double[n];
            aps.add(new TestTables.Ap("1", star(rnd, 16.0, zpTrue, k, xf, 10.0, et), et, null));
            for (int j = 0; j < mComp.length; j++) {
                double[] e = new double[n];
                aps.add(new TestTables.Ap(String.valueOf(j + 2), star(rnd, mComp[j], zpTrue, k, xf, 10.0, e), e, null));
            }
            CcdTable field = TestTables.table("1", t, TestTables.allOk(n), TestTables.filled(n, 10.0), aps);
            // the catalogue magnitude itself is off by its error: draw it
            double mCat = 12.0 + 0.01 * rnd.nextGaussian();
            // ... and so is the extinction coefficient the user measured
            double kUsed = k + 0.02 * rnd.nextGaussian();
            InstrumentalMagnitude im = calc.instrumental(std, "1", xs, kUsed, ZeroPointOptions.DEFAULTS);
            ZeroPoint zp = calc.zeroPoint("r", im, mCat, 0.01, kUsed, 0.02, null, Double.NaN);
            ComparisonMagnitudes cm = calc.comparisonMagnitudes(field, List.of("2", "3", "4"), xf, zp, null,
                    ZeroPointOptions.DEFAULTS);
            assertEquals(List.of("2", "3", "4"), cm.labels());
            // extinction part: 0.02 * |X_std - X_field| = 0.02 * |1.4 - 1.15| = 0.005 (means of the used frames)
            assertEquals(0.005, cm.extinctionErr(), 2e-4);
            for (int j = 0; j < 3; j++) {
                double pull = (cm.mag(j) - mComp[j]) / cm.totalErr(j);
                assertTrue(Math.abs(pull) < 3, "seed " + seed + " comp " + j + " pull " + pull);
                s2 += pull * pull;
                np++;
            }
            if (seed == 0) {
                assertEquals(zpTrue, zp.zp(), 3 * zp.zpErr());
            }
        }
        double rms = Math.sqrt(s2 / np);
        System.out.printf("zero points: comparison magnitude pulls rms %.3f over %d%n", rms, np);
        assertEquals(1.0, rms, 0.35);
    }

    /** A colour term moves the zero point by c * colour of the standard and the comparison by c * its colour. */
    @Test
    void colourTermByHand() throws Exception {
        InstrumentalMagnitude std = new InstrumentalMagnitude("1", -13.0, 0.001, 0.01, 100, 2, 0, 1.2);
        ColourTerm ct = new ColourTerm("g", "g", "r", -0.024, "test");
        // ZP = 12.5 - (-13.0) - (-0.024 * 0.6) = 25.5 + 0.0144 = 25.5144
        ZeroPoint zp = calc.zeroPoint("g", std, 12.5, 0.0, 0.15, 0.0, ct, 0.6);
        assertEquals(25.5144, zp.zp(), 1e-12);
        ZeroPoint plain = calc.zeroPoint("g", std, 12.5, 0.0, 0.15, 0.0, null, 0.6);
        assertEquals(25.5, plain.zp(), 1e-12);
        assertEquals(null, plain.colourTerm());
    }
}
