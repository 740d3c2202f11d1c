// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.calphot.core.photometry.BinnedCurve;
import org.junit.jupiter.api.Test;

class DefaultBinnerTest {

    private final DefaultBinner binner = new DefaultBinner();

    /**
     * 4 bins over [0, 1), w = 0.25.
     * bin 0 [0, 0.25):    (0.10, 10, 1), (0.20, 12, 2): weights 1, 0.25 -> flux (10 + 3) / 1.25 = 10.4,
     *                     error 1 / sqrt(1.25) = 0.894427191, phase (0.10 + 0.20) / 2 = 0.15
     * bin 1 [0.25, 0.5):  (0.25, 11, 1) (on the edge: belongs here), (0.30, 13, 0.5): weights 1, 4 ->
     *                     (11 + 52) / 5 = 12.6, error 1 / sqrt(5) = 0.447213595, phase 0.275
     * bin 2 [0.5, 0.75):  empty -> dropped and counted
     * bin 3 [0.75, 1.0):  (0.90, 5, 1) -> 5, 1, 0.9
     * left out: (1.0, 7, 1) and (-0.1, 1, 1) outside; (0.5, NaN, 1), (0.6, 3, 0), (0.6, 3, -1), (0.6, 3, inf) bad.
     * The original would give bin 0 the error (1/1 + 1/2) / 1.25 = 1.2 instead of 0.894.
     */
    @Test
    void weightedMeanByHand() {
        double[] p = {0.10, 0.20, 0.25, 0.30, 0.90, 1.0, -0.1, 0.5, 0.6, 0.6, 0.6};
        double[] f = {10, 12, 11, 13, 5, 7, 1, Double.NaN, 3, 3, 3};
        double[] e = {1, 2, 1, 0.5, 1, 1, 1, 1, 0, -1, Double.POSITIVE_INFINITY};
        BinnedCurve b = binner.bin(p, f, e, 4, 0.0, 1.0);
        assertArrayEquals(new int[] {0, 1, 3}, b.bin());
        assertArrayEquals(new double[] {0.15, 0.275, 0.9}, b.phase(), 1e-12);
        assertArrayEquals(new double[] {10.4, 12.6, 5.0}, b.flux(), 1e-12);
        assertArrayEquals(new double[] {0.894427191, 0.447213595, 1.0}, b.err(), 1e-9);
        assertArrayEquals(new int[] {2, 2, 1}, b.count());
        assertEquals(1, b.emptyBins());
        assertEquals(2, b.outOfRange());
        assertEquals(4, b.badPoints());
    }

    /** Points exactly on the edges min + (max - min) i / n fall in bin i, also where the division rounds down. */
    @Test
    void halfOpenEdgesExact() {
        int n = 10;
        double min = -0.5;
        double max = 0.5;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = DefaultBinner.edge(min, max, n, i);
        }
        BinnedCurve b = binner.bin(p, TestTables.filled(n, 1), TestTables.filled(n, 1), n, min, max);
        assertEquals(n, b.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, b.bin()[i]);
            assertEquals(1, b.count()[i]);
        }
        // decimal phases on decimal edges: 0.3 is in bin 3 of [0, 1) / 10 (3 * 0.1 would be 0.30000000000000004),
        // -0.2 in bin 3 of [-0.5, 0.5) / 10, 0.7 in bin 7; the point just below an edge is in the bin before
        assertEquals(3, DefaultBinner.index(0.3, 0.0, 1.0, 10));
        assertEquals(2, DefaultBinner.index(Math.nextDown(0.3), 0.0, 1.0, 10));
        assertEquals(3, DefaultBinner.index(-0.2, -0.5, 0.5, 10));
        assertEquals(7, DefaultBinner.index(0.7, 0.0, 1.0, 10));
        assertEquals(-1, DefaultBinner.index(1.0, 0.0, 1.0, 10));
        assertEquals(9, DefaultBinner.index(Math.nextDown(1.0), 0.0, 1.0, 10));
    }

    /**
     * A constant signal with known, varying noise: the binned errors match the scatter of the binned fluxes about
     * the true value. 20 realisations x 100 bins = 2000 pulls; the standard deviation of the pulls is 1 to within
     * its sampling error 1/sqrt(4000) = 1.6 % -> tolerance 0.06 (about 4 sigma). Mean pull 0 within 0.1.
     */
    @Test
    void constantSignalErrorsMatchScatter() {
        Random rnd = new Random(11);
        double s2 = 0;
        double s1 = 0;
        int m = 0;
        for (int rep = 0; rep < 20; rep++) {
            int n = 5000;
            double[] p = new double[n];
            double[] f = new double[n];
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = -0.5 + rnd.nextDouble();
                e[i] = 0.5 + 1.5 * rnd.nextDouble();
                f[i] = 5.0 + e[i] * rnd.nextGaussian();
            }
            BinnedCurve b = binner.bin(p, f, e, 100, -0.5, 0.5);
            for (int k = 0; k < b.size(); k++) {
                double pull = (b.flux()[k] - 5.0) / b.err()[k];
                s1 += pull;
                s2 += pull * pull;
                m++;
            }
        }
        double mean = s1 / m;
        double sd = Math.sqrt(s2 / m - mean * mean);
        System.out.printf("binning: %d bins, mean pull %.4f, pull sd %.4f%n", m, mean, sd);
        assertEquals(0.0, mean, 0.1);
        assertEquals(1.0, sd, 0.06);
    }
}
