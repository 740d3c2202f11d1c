// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * Number parsing straight from the bytes of a log. Short decimals (at most 15 significant digits,
 * no exponent: every per-aperture value hipercam writes) take an exact fast path: an integer
 * mantissa below 2^53 divided by an exact power of ten is correctly rounded by IEEE division.
 * Everything else (the 19-digit MJDs, exponents) goes to fastdoubleparser, which is also correctly
 * rounded. {@code f4} columns are stored as {@code (float) double}, the same double-then-float
 * rounding numpy applies when hipercam packs a parsed Python float into an {@code f4}.
 */
final class Numbers {

    private Numbers() {
    }

    /** Thrown for a malformed number; shared and stackless because it is caught right away. */
    static final class BadNumber extends Exception {
        private static final long serialVersionUID = 1L;
        static final BadNumber INSTANCE = new BadNumber();

        private BadNumber() {
            super("bad number", null, false, false);
        }
    }

    static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    static double parseDouble(byte[] b, int s, int e) throws BadNumber {
        int i = s;
        boolean neg = false;
        byte c = b[i];
        if (c == '-') {
            neg = true;
            i++;
        } else if (c == '+') {
            i++;
        }
        long m = 0;
        int nd = 0;
        int frac = 0;
        boolean dot = false;
        for (; i < e; i++) {
            c = b[i];
            int d = c - '0';
            if (d >= 0 && d <= 9) {
                m = m * 10 + d;
                nd++;
                if (dot) {
                    frac++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
        }
        if (i == e && nd > 0 && nd <= 15) {
            double v = frac == 0 ? (double) m : m / POW10[frac];
            return neg ? -v : v;
        }
        return slowDouble(b, s, e);
    }

    private static double slowDouble(byte[] b, int s, int e) throws BadNumber {
        int len = e - s;
        // NaN / infinity spellings numpy and Python write
        int i = s;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
        }
        if (i < e && (b[i] == 'n' || b[i] == 'N' || b[i] == 'i' || b[i] == 'I')) {
            String w = new String(b, i, e - i, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase();
            if (w.equals("nan")) {
                return Double.NaN;
            }
            if (w.equals("inf") || w.equals("infinity")) {
                return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            throw BadNumber.INSTANCE;
        }
        // Java syntax would also accept hex floats and d/f suffixes: admit plain decimals only
        boolean digit = false;
        for (int k = s; k < e; k++) {
            byte c = b[k];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') {
                throw BadNumber.INSTANCE;
            }
        }
        if (!digit) {
            throw BadNumber.INSTANCE;
        }
        try {
            return JavaDoubleParser.parseDouble(b, s, len);
        } catch (NumberFormatException ex) {
            throw BadNumber.INSTANCE;
        }
    }

    /** 1 to 10 decimal digits b[i..e) as a non-negative long. */
    private static long digits(byte[] b, int i, int e) throws BadNumber {
        if (i == e || e - i > 10) {
            throw BadNumber.INSTANCE;
        }
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw BadNumber.INSTANCE;
            }
            v = v * 10 + d;
        }
        return v;
    }

    static int parseInt(byte[] b, int s, int e) throws BadNumber {
        int i = s;
        boolean neg = false;
        if (b[i] == '-') {
            neg = true;
            i++;
        } else if (b[i] == '+') {
            i++;
        }
        long v = digits(b, i, e);
        if (neg) {
            v = -v;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw BadNumber.INSTANCE;
        }
        return (int) v;
    }

    /** Unsigned 32-bit value returned in an int's bits. */
    static int parseUnsigned(byte[] b, int s, int e) throws BadNumber {
        int i = s;
        if (b[i] == '+') {
            i++;
        }
        long v = digits(b, i, e);
        if (v > 0xFFFFFFFFL) {
            throw BadNumber.INSTANCE;
        }
        return (int) v;
    }

    /** numpy's {@code bool(int(s))}: any integer, non-zero is true; also True/False. */
    static boolean parseBool(byte[] b, int s, int e) throws BadNumber {
        if (e - s == 1) {
            if (b[s] == '0') {
                return false;
            }
            if (b[s] == '1') {
                return true;
            }
        }
        String w = new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (w.equalsIgnoreCase("true")) {
            return true;
        }
        if (w.equalsIgnoreCase("false")) {
            return false;
        }
        return parseInt(b, s, e) != 0;
    }
}
