// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double as Python's {@code repr()} does (shortest round-trip digits; exponent form only
 * below 1e-4 or from 1e16), so {@code .calib} rows look as cal_phot wrote them and scripts that
 * parse them with text tools keep working.
 *
 * <p>The digits start from {@link Double#toString(double)}, rearranged in a char buffer with no regular expression
 * and no {@code String.format} per value, since the lightcurve writers call this for every number they print.
 * Before JDK 19 {@code Double.toString} is not always shortest nor nearest ({@code 1e23} gives
 * {@code 9.999999999999999E22}, {@code 5e-324} gives {@code 4.9E-324}), so {@link #shortest} checks each
 * multi-digit result against the exact binary value and corrects it. {@link #append} writes into a caller's builder
 * without an intermediate String. This is calphot's one Python-repr formatter.
 */
public final class PyFloat {

    private PyFloat() {
    }

    public static String repr(double d) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, d);
        return sb.toString();
    }

    /** Appends {@link #repr(double)} of {@code d} to {@code sb}; returns {@code sb}. */
    public static StringBuilder append(StringBuilder sb, double d) {
        if (Double.isNaN(d)) {
            return sb.append("nan");
        }
        if (Double.isInfinite(d)) {
            return sb.append(d > 0 ? "inf" : "-inf");
        }
        if (d == 0) {
            return sb.append((1 / d < 0) ? "-0.0" : "0.0");
        }
        if (d < 0) {
            sb.append('-');
            d = -d;
        }
        // the significant digits of Double.toString and the exponent of the first one (shared with FloatFormat)
        char[] digits = new char[32];
        long parsed = FloatFormat.digits(d, digits);
        int n = (int) (parsed >>> 32);
        while (n > 1 && digits[n - 1] == '0') {
            n--;
        }
        int exp10 = (int) parsed - 1; // exponent of the first digit
        if (n > 1) {
            BigDecimal exact = shortest(d, n);
            if (exact != null) { // JDK 17 gave too many or not the nearest digits: take the exact ones
                digits = exact.unscaledValue().toString().toCharArray();
                n = digits.length;
                exp10 = n - 1 - exact.scale();
            }
        }
        if (exp10 < -4 || exp10 >= 16) {
            sb.append(digits[0]);
            if (n > 1) {
                sb.append('.').append(digits, 1, n - 1);
            }
            sb.append('e').append(exp10 < 0 ? '-' : '+');
            int a = Math.abs(exp10);
            if (a < 10) {
                sb.append('0');
            }
            return sb.append(a);
        }
        if (exp10 >= n - 1) { // integer valued
            sb.append(digits, 0, n);
            for (int i = 0; i < exp10 - (n - 1); i++) {
                sb.append('0');
            }
            return sb.append(".0");
        }
        if (exp10 >= 0) {
            return sb.append(digits, 0, exp10 + 1).append('.').append(digits, exp10 + 1, n - exp10 - 1);
        }
        sb.append("0.");
        for (int i = 0; i < -exp10 - 1; i++) {
            sb.append('0');
        }
        return sb.append(digits, 0, n);
    }

    /**
     * Python's digits of {@code d > 0} when they differ from the {@code n} significant digits Double.toString gave,
     * else null. Python prints the shortest decimal that reads back as {@code d}, the nearest to {@code d} among
     * those; the nearest k-digit decimal is {@code d}'s exact value rounded to k digits, and if no k-digit decimal
     * reads back, no shorter one does (it is a k-digit one with a trailing zero).
     */
    private static BigDecimal shortest(double d, int n) {
        BigDecimal exact = new BigDecimal(d);
        BigDecimal best = exact.round(new MathContext(n - 1, RoundingMode.HALF_EVEN));
        if (best.doubleValue() == d) { // Double.toString was too long: find the shortest
            for (int k = n - 2; k >= 1; k--) {
                BigDecimal r = exact.round(new MathContext(k, RoundingMode.HALF_EVEN));
                if (r.doubleValue() != d) {
                    break;
                }
                best = r;
            }
            return best.stripTrailingZeros();
        }
        best = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
        if (best.doubleValue() != d) {
            return null; // next to a power of two the nearest may fall outside the narrow side: keep Java's
        }
        return best.stripTrailingZeros();
    }
}
