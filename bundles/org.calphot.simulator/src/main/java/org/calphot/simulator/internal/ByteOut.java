// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

import org.calphot.core.util.PyFloat;

/**
 * A growable ASCII byte buffer with number formatting that reproduces Python's {@code format()}
 * ({@code .Nf}, {@code .8g}, {@code d}) and C's {@code printf} ({@code %W.Nf}, {@code %Wi}) byte for
 * byte: both round the exact binary value half-to-even, which is what {@link BigDecimal} does. A fast
 * path handles the common case without allocation; only values within 1e-6 of a rounding tie (and
 * large magnitudes) take the exact path. Writing a gigabyte of log this way takes seconds, where
 * {@link String#format} would take minutes.
 */
public final class ByteOut {

    private static final long[] POW10 = new long[19];
    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }
    /** Below this |v| * 10^d the product's rounding error is < 2.4e-7, far below the 1e-6 tie margin. */
    private static final double FAST_LIMIT = 2147483648.0;

    private byte[] buf;
    private int len;
    private final byte[] tmp = new byte[64];

    public ByteOut(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    public int length() {
        return len;
    }

    public void clear() {
        len = 0;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.US_ASCII);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            byte[] b = new byte[Math.max(buf.length * 2, len + n)];
            System.arraycopy(buf, 0, b, 0, len);
            buf = b;
        }
    }

    public ByteOut ch(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    public ByteOut ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    public ByteOut bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    /** Python {@code {:d}} / C {@code %i}. */
    public ByteOut integer(long v) {
        int n = intDigits(v, tmp);
        ensure(n);
        System.arraycopy(tmp, tmp.length - n, buf, len, n);
        len += n;
        return this;
    }

    /** C {@code %Wi}: right-aligned in at least {@code width} characters. */
    public ByteOut integer(long v, int width) {
        int n = intDigits(v, tmp);
        pad(width - n);
        ensure(n);
        System.arraycopy(tmp, tmp.length - n, buf, len, n);
        len += n;
        return this;
    }

    private void pad(int n) {
        if (n > 0) {
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[len++] = ' ';
            }
        }
    }

    /** Digits of v right-aligned at the end of t; returns how many. */
    private static int intDigits(long v, byte[] t) {
        int p = t.length;
        boolean neg = v < 0;
        if (v == Long.MIN_VALUE) {
            byte[] s = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, t, t.length - s.length, s.length);
            return s.length;
        }
        long a = Math.abs(v);
        do {
            t[--p] = (byte) ('0' + (a % 10));
            a /= 10;
        } while (a != 0);
        if (neg) {
            t[--p] = '-';
        }
        return t.length - p;
    }

    /** Python {@code f"{v:.{d}f}"}: {@code nan}, {@code inf}, {@code -0.00} for small negatives, as Python. */
    public ByteOut fixed(double v, int d) {
        int n = fixedInto(v, d, tmp);
        ensure(n);
        System.arraycopy(tmp, tmp.length - n, buf, len, n);
        len += n;
        return this;
    }

    /** C {@code %W.Df}: right-aligned in at least {@code width} characters. */
    public ByteOut fixed(double v, int d, int width) {
        int n = fixedInto(v, d, tmp);
        pad(width - n);
        ensure(n);
        System.arraycopy(tmp, tmp.length - n, buf, len, n);
        len += n;
        return this;
    }

    /** Formats into the end of t; returns the number of bytes. */
    static int fixedInto(double v, int d, byte[] t) {
        if (Double.isNaN(v)) {
            return tail(t, "nan");
        }
        if (Double.isInfinite(v)) {
            return tail(t, v > 0 ? "inf" : "-inf");
        }
        boolean neg = (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
        double a = Math.abs(v);
        if (d <= 15) {
            double s = a * POW10[d];
            if (s < FAST_LIMIT) {
                double fl = Math.floor(s);
                double frac = s - fl;
                if (Math.abs(frac - 0.5) > 1e-6) {
                    long q = (long) fl + (frac > 0.5 ? 1 : 0);
                    int p = t.length;
                    if (d > 0) {
                        long f = q % POW10[d];
                        for (int i = 0; i < d; i++) {
                            t[--p] = (byte) ('0' + (f % 10));
                            f /= 10;
                        }
                        t[--p] = '.';
                    }
                    long ip = q / POW10[d];
                    do {
                        t[--p] = (byte) ('0' + (ip % 10));
                        ip /= 10;
                    } while (ip != 0);
                    if (neg) {
                        t[--p] = '-';
                    }
                    return t.length - p;
                }
            }
        }
        String s = new BigDecimal(a).setScale(d, RoundingMode.HALF_EVEN).toPlainString();
        return tail(t, neg ? "-" + s : s);
    }

    private static int tail(byte[] t, String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            t[t.length - n + i] = (byte) s.charAt(i);
        }
        return n;
    }

    /** Python {@code f"{v:.{p}g}"} (general format, trailing zeros removed). */
    public ByteOut general(double v, int p) {
        return ascii(general(v, p, false));
    }

    /** Python {@code format(v, '.pg')}. */
    public static String general(double v, int p, boolean unused) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        boolean neg = (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
        String sign = neg ? "-" : "";
        double a = Math.abs(v);
        if (a == 0) {
            return sign + "0";
        }
        BigDecimal bd = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int x = bd.precision() - bd.scale() - 1;
        if (x >= -4 && x < p) {
            String s = bd.setScale(Math.max(0, p - 1 - x), RoundingMode.HALF_EVEN).toPlainString();
            return sign + stripZeros(s);
        }
        // scientific: d.ddddde+XX with at least two exponent digits
        BigDecimal mant = bd.movePointLeft(x).setScale(p - 1, RoundingMode.HALF_EVEN);
        String m = stripZeros(mant.toPlainString());
        String e = Integer.toString(Math.abs(x));
        return sign + m + (x < 0 ? "e-" : "e+") + (e.length() < 2 ? "0" + e : e);
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int e = s.length();
        while (s.charAt(e - 1) == '0') {
            e--;
        }
        if (s.charAt(e - 1) == '.') {
            e--;
        }
        return s.substring(0, e);
    }

    /** Python {@code repr(float)} for the values the simulator puts in JSON headers: calphot's one formatter. */
    public static String pyRepr(double v) {
        return PyFloat.repr(v);
    }
}
