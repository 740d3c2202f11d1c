// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link FloatFormat} prints exactly what the JDK's {@link String#format} prints (the reference: the writers'
 * files were made with it), over random bit patterns of every magnitude, the values a lightcurve holds (BMJD,
 * exposures in days, fluxes and errors), decimal ties that Java rounds half up on Double.toString's digits (not
 * on the binary value, as C would), carries ("9.99..." to "10.0..."), the %g switch to exponent form at 1e-4 and
 * 10^precision, zeros, negative zero and non-finite values.
 */
class FloatFormatTest {

    private static final int[] FIXED = {0, 1, 3, 6, 10};
    private static final int[] GENERAL = {1, 3, 8, 10};

    private static void check(double x) {
        StringBuilder sb = new StringBuilder();
        for (int p : FIXED) {
            String want = String.format(Locale.ROOT, "%." + p + "f", x);
            sb.setLength(0);
            assertEquals(want, FloatFormat.appendFixed(sb, x, p).toString(), () -> "%." + p + "f of " + x
                    + " (bits " + Long.toHexString(Double.doubleToRawLongBits(x)) + ")");
        }
        for (int p : GENERAL) {
            String want = String.format(Locale.ROOT, "%." + p + "g", x);
            sb.setLength(0);
            assertEquals(want, FloatFormat.appendGeneral(sb, x, p).toString(), () -> "%." + p + "g of " + x
                    + " (bits " + Long.toHexString(Double.doubleToRawLongBits(x)) + ")");
        }
    }

    @Test
    void edgeCases() {
        double[] xs = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1e23, 1e22, 2e-3, 0.5, 1.5, 2.5, 0.125, 0.0625,
            9.5, 99.5, 0.95, 0.995, 9.9999999995, 99999999.5, 99999999.4, 1e-4, 9.99999995e-5, 0.000099999999,
            1e8, 99999999.0, 1e-5, 5e-11, 4.9e-11, 6e-11, 5e-12, 1.05, 1.005, 2.675, 58404.12345678905,
            -58404.12345678905, -1e-12, -4e-7, 1e300, 123456789012345678.0, 1.0, 10.0, 100.0, 0.1, 0.01};
        for (double x : xs) {
            check(x);
        }
    }

    @Test
    void randomBitsOfEveryMagnitude() {
        SplittableRandom r = new SplittableRandom(21);
        for (int i = 0; i < 50_000; i++) {
            double x = Double.longBitsToDouble(r.nextLong());
            if (Double.isFinite(x)) {
                check(x);
            }
        }
    }

    @Test
    void lightcurveValuesAndDecimalTies() {
        SplittableRandom r = new SplittableRandom(16);
        for (int i = 0; i < 20_000; i++) {
            check(58000 + 3000 * r.nextDouble()); // BMJD
            check(r.nextDouble(0.0005, 10) / 86400.0); // exposure in days
            check(r.nextDouble(-0.5, 50)); // flux, mJy
            check(r.nextDouble() * Math.pow(10, r.nextInt(-9, 9))); // errors, fluxes of any size
            // decimal ties: k / 10^m + 5 / 10^(m+1) and their short neighbours
            long k = r.nextLong(1, 100_000_000_000L);
            int m = r.nextInt(0, 14);
            check((k * 10 + 5) / Math.pow(10, m + 1));
            check(-(k * 10 + 5) / Math.pow(10, m + 1));
        }
    }

    @Test
    void paddedIntegers() {
        long[] vs = {0, 7, -7, 42, 1234, -1234, 99999, Long.MIN_VALUE, Long.MAX_VALUE};
        for (long v : vs) {
            assertEquals(String.format(Locale.ROOT, "%4d", v), FloatFormat.appendPadded(new StringBuilder(), v, 4)
                    .toString());
        }
    }
}
