// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.util;

/**
 * {@code String.format(Locale.ROOT, "%.Nf" / "%.Ng" / "%Nd", x)} without a {@link java.util.Formatter} per value,
 * byte for byte: the writers of {@code .lcurve} files and MCMC chains call it for every number they print, where
 * parsing the format string and building the Formatter cost several times the digits themselves.
 *
 * <p>Java's Formatter takes the digits of {@link Double#toString(double)} and rounds them half up at the requested
 * precision (not the exact binary value, as C's printf does); this class does the same on the same digits, so its
 * output is the JDK's ({@code FloatFormatTest} checks it against {@code String.format} on 1.7 x 10^5 values in nine
 * formats, ties and edge cases). Signs as Java prints them: {@code -0.0} and negatives that round to zero keep their '-'.
 */
public final class FloatFormat {

    private FloatFormat() {
    }

    /** Appends {@code String.format(Locale.ROOT, "%." + decimals + "f", x)}; returns {@code sb}. */
    public static StringBuilder appendFixed(StringBuilder sb, double x, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0: " + decimals);
        }
        if (special(sb, x)) {
            return sb;
        }
        if (Double.compare(x, 0.0) < 0) {
            sb.append('-');
            x = -x;
        }
        if (x == 0) {
            return zeros(sb.append('0'), decimals);
        }
        char[] d = new char[32]; // Double.toString gives at most 17 significant digits
        long parsed = digits(x, d);
        int n = (int) (parsed >>> 32);
        int exp = round(d, n, (int) parsed, (int) parsed + decimals);
        // value = 0.d[0]d[1]... x 10^exp, d holds n digits (zeros after the rounding point)
        return appendRoundedDecimal(sb, d, n, exp, decimals);
    }

    /** Appends {@code String.format(Locale.ROOT, "%." + significant + "g", x)}; returns {@code sb}. */
    public static StringBuilder appendGeneral(StringBuilder sb, double x, int significant) {
        if (significant < 0) {
            throw new IllegalArgumentException("significant digits must be >= 0: " + significant);
        }
        int prec = significant == 0 ? 1 : significant;
        if (special(sb, x)) {
            return sb;
        }
        if (Double.compare(x, 0.0) < 0) {
            sb.append('-');
            x = -x;
        }
        if (x == 0) {
            return zeros(sb.append('0'), prec - 1);
        }
        char[] d = new char[32];
        long parsed = digits(x, d);
        int n = (int) (parsed >>> 32);
        int exp = round(d, n, (int) parsed, prec);
        int e10 = exp - 1; // exponent of the first digit after rounding
        if (e10 < -4 || e10 >= prec) {
            sb.append(d[0]);
            if (prec > 1) {
                sb.append('.');
                for (int i = 1; i < prec; i++) {
                    sb.append(i < n ? d[i] : '0');
                }
            }
            sb.append('e').append(e10 < 0 ? '-' : '+');
            int a = Math.abs(e10);
            if (a < 10) {
                sb.append('0');
            }
            return sb.append(a);
        }
        // decimal form: prec significant digits in all, as many after the point as remain
        return appendRoundedDecimal(sb, d, n, exp, prec - exp);
    }

    /** Appends {@code String.format(Locale.ROOT, "%" + width + "d", v)}; returns {@code sb}. */
    public static StringBuilder appendPadded(StringBuilder sb, long v, int width) {
        int len = Long.toString(v).length();
        for (int i = len; i < width; i++) {
            sb.append(' ');
        }
        return sb.append(v);
    }

    private static StringBuilder appendRoundedDecimal(StringBuilder sb, char[] d, int n, int exp, int decimals) {
        if (exp > 0) {
            for (int i = 0; i < exp; i++) {
                sb.append(i < n ? d[i] : '0');
            }
        } else {
            sb.append('0');
        }
        if (decimals > 0) {
            sb.append('.');
            for (int i = 0; i < decimals; i++) {
                int k = exp + i;
                sb.append(k >= 0 && k < n ? d[k] : '0');
            }
        }
        return sb;
    }

    private static boolean special(StringBuilder sb, double x) {
        if (Double.isNaN(x)) {
            sb.append("NaN");
            return true;
        }
        if (Double.isInfinite(x)) {
            sb.append(x > 0 ? "Infinity" : "-Infinity");
            return true;
        }
        return false;
    }

    private static StringBuilder zeros(StringBuilder sb, int decimals) {
        if (decimals > 0) {
            sb.append('.');
            for (int i = 0; i < decimals; i++) {
                sb.append('0');
            }
        }
        return sb;
    }

    /**
     * The significant digits of {@code x > 0} as {@link Double#toString} gives them, into {@code d} (leading zeros
     * dropped); returns {@code (count << 32) | decExp} with {@code x = 0.d[0]d[1]... x 10^decExp}.
     */
    static long digits(double x, char[] d) {
        String s = Double.toString(x);
        int len = s.length();
        int e = s.indexOf('E');
        int mantEnd = e < 0 ? len : e;
        int exp = 0;
        if (e >= 0) {
            boolean neg = s.charAt(e + 1) == '-';
            for (int i = e + (neg ? 2 : 1); i < len; i++) {
                exp = exp * 10 + (s.charAt(i) - '0');
            }
            exp = neg ? -exp : exp;
        }
        int n = 0;
        int point = 0; // digits before the point, less the leading zeros after it
        boolean seenPoint = false;
        for (int i = 0; i < mantEnd; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                seenPoint = true;
            } else if (n == 0 && c == '0') {
                if (seenPoint) {
                    point--;
                }
            } else {
                d[n++] = c;
                if (!seenPoint) {
                    point++;
                }
            }
        }
        return ((long) n << 32) | ((point + exp) & 0xffffffffL);
    }

    /**
     * Rounds the {@code n} digits half up to the first {@code keep} of them (the JDK's rule), zeroing the rest;
     * returns the decimal exponent, one more when the rounding carries out ("9.99" to "10.0").
     */
    private static int round(char[] d, int n, int decExp, int keep) {
        if (keep >= n || keep < 0) {
            return decExp;
        }
        if (keep == 0) {
            if (d[0] >= '5') {
                d[0] = '1';
                fill(d, 1, n);
                return decExp + 1;
            }
            fill(d, 0, n);
            return decExp;
        }
        if (d[keep] >= '5') {
            int i = keep - 1;
            while (i >= 0 && d[i] == '9') {
                i--;
            }
            if (i < 0) {
                d[0] = '1';
                fill(d, 1, n);
                return decExp + 1;
            }
            d[i]++;
            fill(d, i + 1, n);
        } else {
            fill(d, keep, n);
        }
        return decExp;
    }

    private static void fill(char[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            d[i] = '0';
        }
    }
}
