// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot.internal;

/**
 * How a parameter is shown on an axis: {@code shown = (value − offset)·10^−exponent}. Chosen so tick labels have
 * a few digits even for T0 = 55000.1234567 ± 2e-6 d (shown as "T0 − 55000.12346 [10⁻⁶ d]").
 */
public record ValueScale(double offset, int exponent) {

    public static final ValueScale IDENTITY = new ValueScale(0, 0);

    /** Picks offset and power of ten from a typical value (median) and spread (e.g. 16–84 % width). */
    public static ValueScale of(double median, double spread) {
        if (!Double.isFinite(median) || !Double.isFinite(spread) || spread <= 0) {
            return IDENTITY;
        }
        int e = (int) Math.floor(Math.log10(spread));
        double offset = 0;
        // an offset when the value needs more than ~4 significant digits beyond the spread to be told apart
        if (Math.abs(median) / spread > 1e3) {
            double unit = Math.pow(10, e + 1);
            offset = Math.rint(median / unit) * unit;
            // clean the binary noise of the multiplication
            offset = Double.parseDouble(String.format(java.util.Locale.ROOT, "%." + Math.max(0, -(e + 1)) + "f",
                    offset));
        }
        double typical = Math.max(Math.abs(median - offset), spread);
        int exp = 0;
        if (typical < 1e-2 || typical >= 1e4) {
            exp = 3 * (int) Math.floor(Math.log10(spread) / 3);
            if (offset == 0 && typical >= 1e4) {
                exp = 3 * (int) Math.floor(Math.log10(typical) / 3);
            }
        }
        return new ValueScale(offset, exp);
    }

    public double apply(double v) {
        return (v - offset) * Math.pow(10, -exponent);
    }

    public double[] apply(double[] v) {
        double[] r = new double[v.length];
        double f = Math.pow(10, -exponent);
        for (int i = 0; i < v.length; i++) {
            r[i] = (v[i] - offset) * f;
        }
        return r;
    }

    /** Axis label, e.g. {@code P − 0.0623628 [10⁻⁹ d]} or {@code T0 [d]}. */
    public String label(String name, String unit) {
        StringBuilder sb = new StringBuilder(name);
        if (offset != 0) {
            sb.append(offset > 0 ? " \u2212 " : " + ").append(Charts.plain(Math.abs(offset)));
        }
        String u = unit == null ? "" : unit.trim();
        if (exponent != 0) {
            sb.append(" [10").append(superscript(exponent)).append(u.isEmpty() ? "" : " " + u).append(']');
        } else if (!u.isEmpty()) {
            sb.append(" [").append(u).append(']');
        }
        return sb.toString();
    }

    public static String superscript(int n) {
        String digits = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
        StringBuilder sb = new StringBuilder();
        if (n < 0) {
            sb.append('\u207b');
        }
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    /**
     * A value with asymmetric errors to the precision of its error (2 significant figures), e.g.
     * {@code 0.06236285648 +0.00000000090 −0.00000000089}; symmetric errors (within 10 %) print as ±.
     */
    public static String withErrors(double value, double minus, double plus) {
        double err = Math.min(Math.abs(minus), Math.abs(plus));
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        if (!Double.isFinite(err) || err <= 0) {
            return String.format(java.util.Locale.ROOT, "%.6g", value);
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(err)));
        if (decimals > 15) {
            return String.format(java.util.Locale.ROOT, "%.3e \u00b1 %.2e", value, err);
        }
        String f = "%." + decimals + "f";
        String v = String.format(java.util.Locale.ROOT, f, value);
        double hi = Math.max(Math.abs(minus), Math.abs(plus));
        if (hi <= 1.1 * err) {
            return v + " \u00b1 " + String.format(java.util.Locale.ROOT, f, (Math.abs(minus) + Math.abs(plus)) / 2);
        }
        return v + " +" + String.format(java.util.Locale.ROOT, f, Math.abs(plus)) + " \u2212"
                + String.format(java.util.Locale.ROOT, f, Math.abs(minus));
    }
}
