package org.calphot.core.util;

import java.math.BigDecimal;

/**
 * Formats a double as Python's {@code repr()} does (shortest round-trip digits; exponent form only
 * below 1e-4 or from 1e16), so {@code .calib} rows look as cal_phot wrote them and scripts that
 * parse them with text tools keep working.
 */
public final class PyFloat {

    private PyFloat() {
    }

    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        // Double.toString gives round-trip digits; normalise them through BigDecimal
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp10 = digits.length() - 1 - bd.scale(); // exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp10 < -4 || exp10 >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = String.format("%+03d", exp10).replace("+", "+");
            return sign + mant + "e" + e;
        }
        if (exp10 >= digits.length() - 1) {
            // integer valued
            return sign + digits + "0".repeat(exp10 - (digits.length() - 1)) + ".0";
        }
        if (exp10 >= 0) {
            return sign + digits.substring(0, exp10 + 1) + "." + digits.substring(exp10 + 1);
        }
        return sign + "0." + "0".repeat(-exp10 - 1) + digits;
    }
}
