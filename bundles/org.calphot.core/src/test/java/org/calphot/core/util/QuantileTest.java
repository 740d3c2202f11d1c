// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** {@link Quantile} against numpy 2.4.6's {@code np.quantile(a, q)} (default linear method), exact to the bit. */
class QuantileTest {

    private static double q(double[] a, double q) {
        double[] s = a.clone();
        Arrays.sort(s);
        return Quantile.ofSorted(s, q);
    }

    @Test
    void likeNumpyLinear() {
        // np.quantile([3, 1, 4, 1, 5, 9, 2, 6], q)
        double[] a = {3, 1, 4, 1, 5, 9, 2, 6};
        assertEquals(1.0, q(a, 0));
        assertEquals(1.12, q(a, 0.16));
        assertEquals(3.5, q(a, 0.5));
        assertEquals(5.88, q(a, 0.84));
        assertEquals(8.79, q(a, 0.99));
        assertEquals(9.0, q(a, 1.0));
        assertEquals(1.0, q(a, 0.002));
        // np.quantile([0.1, 0.2, 0.7], 0.3) and 0.75 (the second prints 0.44999999999999996 in numpy too)
        assertEquals(0.16, q(new double[] {0.1, 0.2, 0.7}, 0.3));
        assertEquals(0.44999999999999996, q(new double[] {0.1, 0.2, 0.7}, 0.75));
        assertEquals(1.0, q(new double[] {1.0}, 0.3));
        assertEquals(Double.NaN, q(new double[0], 0.5));
    }

    /**
     * Where numpy's lerp (from the upper neighbour for fractions of one half or more) and the textbook
     * {@code a + t (b - a)} and {@code a (1 - t) + b t} all differ in the last bit: numpy printed the first value,
     * both textbook forms give 5.322114352491246 etc.
     */
    @Test
    void lastBitAsNumpyLerp() {
        assertEquals(5.322114352491245, q(new double[] {0.13167991554874137, 8.3746908209646}, 0.6296770071640039));
        assertEquals(6.16301155214696, q(new double[] {0.6403143822699731, 7.582302462868173}, 0.7955497914656589));
        assertEquals(7.566709060631551, q(new double[] {3.7778923941218268, 8.966596414276015}, 0.7302048164229524));
    }
}
