package org.calphot.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The char-buffer {@link PyFloat} prints exactly what the writers printed before it (the BigDecimal version, kept
 * below as the reference), over the values a lightcurve holds and over random bit patterns of every magnitude.
 */
class PyFloatBytesTest {

    /** PyFloat.repr as it was until the fast path (git history of PyFloat.java): the reference output. */
    static String before(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp10 = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        if (exp10 < -4 || exp10 >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = String.format("%+03d", exp10).replace("+", "+");
            return sign + mant + "e" + e;
        }
        if (exp10 >= digits.length() - 1) {
            return sign + digits + "0".repeat(exp10 - (digits.length() - 1)) + ".0";
        }
        if (exp10 >= 0) {
            return sign + digits.substring(0, exp10 + 1) + "." + digits.substring(exp10 + 1);
        }
        return sign + "0." + "0".repeat(-exp10 - 1) + digits;
    }

    @Test
    void edgesOfEveryFormBranch() {
        double[] v = {0.0, -0.0, 1.0, -1.0, 0.1, 1e-4, 9.999999999999999e-5, 1e-5, 1e16, 9999999999999998.0, 1e15,
            1e7, 9999999.0, 1e-3, 1.0e-3 * 1.5, 1e22, 1e23, 2e-323, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.MIN_NORMAL, 123456789012345678.0, 58404.123456789012, 0.30000000000000004, 100.0, 1e100, 1e-100,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.82879384806159E17, 1.0E-323};
        for (double d : v) {
            assertEquals(before(d), PyFloat.repr(d), "value " + d);
            assertEquals(before(-d), PyFloat.repr(-d), "value " + -d);
        }
        // hand-checked against CPython 3.11 repr()
        assertEquals("1e+22", PyFloat.repr(1e22));
        assertEquals("1.7976931348623157e+308", PyFloat.repr(Double.MAX_VALUE));
        assertEquals("9999999999999998.0", PyFloat.repr(9999999999999998.0));
        assertEquals("9.999999999999999e-05", PyFloat.repr(9.999999999999999e-5));
    }

    @Test
    void randomValuesOfALightcurveAndRandomBits() {
        SplittableRandom r = new SplittableRandom(21);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            // phase, flux in mJy, errors, BMJD, and any finite bit pattern
            double[] v = {r.nextDouble(-0.5, 0.5), r.nextDouble(0, 50), r.nextDouble(0, 0.01),
                58000 + r.nextDouble(0, 3000), Double.longBitsToDouble(r.nextLong())};
            for (double d : v) {
                assertEquals(before(d), PyFloat.repr(d));
                sb.setLength(0);
                assertEquals(before(d), PyFloat.append(sb.append('x'), d).substring(1));
            }
        }
    }
}
