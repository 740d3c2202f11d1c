// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot.internal;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;

/**
 * JFreePDF 2.0 prints every path coordinate of a page with {@code new DecimalFormat("0.##")}: on a run's figures
 * (thousands of points with error bars, each marker a path of Bézier curves) that formatter took a fifth of
 * {@code calphot run}'s CPU. This subclass prints the same text for the same number without DecimalFormat's
 * general machinery: the value rounded half-even to hundredths of its exact binary value, trailing zeros and a bare
 * point dropped, "-0" for negatives that round to zero (as DecimalFormat does). Numbers near a tie (within 1e-6 of
 * half a hundredth, where the product {@code 100 x} could round the wrong way) and any value of 10^6 or more go to
 * DecimalFormat itself, so the PDF bytes are unchanged ({@code PdfCoordinatesTest} compares the two).
 */
public final class PdfCoordinates extends DecimalFormat {

    private static final long serialVersionUID = 1L;

    private final char minus;
    private final char zero;

    public PdfCoordinates(DecimalFormatSymbols symbols) {
        super("0.##", symbols);
        this.minus = symbols.getMinusSign();
        this.zero = symbols.getZeroDigit();
    }

    @Override
    public StringBuffer format(double x, StringBuffer out, FieldPosition pos) {
        double a = Math.abs(x);
        if (!(a < 1e6) || zero != '0') { // NaN, infinities, large values, other digits: the library's formatter
            return super.format(x, out, pos);
        }
        double y = a * 100; // |y - 100|x|| <= 1e8 x 2^-53 ~ 1.1e-8, far below the 1e-6 margin
        double floor = Math.floor(y);
        double frac = y - floor; // exact below 2^52
        if (Math.abs(frac - 0.5) <= 1e-6) {
            return super.format(x, out, pos); // near a tie: the exact binary value decides
        }
        int k = (int) floor + (frac > 0.5 ? 1 : 0); // hundredths, below 10^8
        // built right to left in a local buffer: one call into the synchronized StringBuffer
        char[] c = new char[13];
        int i = c.length;
        int f = k % 100;
        if (f != 0) {
            if (f % 10 != 0) {
                c[--i] = (char) ('0' + f % 10);
            }
            c[--i] = (char) ('0' + f / 10);
            c[--i] = '.';
        }
        int whole = k / 100;
        do {
            c[--i] = (char) ('0' + whole % 10);
            whole /= 10;
        } while (whole != 0);
        if (x < 0 || (x == 0 && 1 / x < 0)) {
            c[--i] = minus;
        }
        return out.append(c, i, c.length - i);
    }

    /**
     * Puts this formatter in place of the coordinate formatter of a JFreePDF page's graphics stream (private fields,
     * reached by reflection); returns false and leaves the stream as it was with another JFreePDF whose fields differ.
     */
    public static boolean install(org.jfree.pdf.PDFGraphics2D g) {
        try {
            java.lang.reflect.Field gs = org.jfree.pdf.PDFGraphics2D.class.getDeclaredField("gs");
            gs.setAccessible(true);
            Object graphicsStream = gs.get(g);
            java.lang.reflect.Field f = graphicsStream.getClass().getDeclaredField("geometryFormat");
            f.setAccessible(true);
            Object current = f.get(graphicsStream);
            // only in place of the formatter it reproduces (pattern, rounding, symbols: DecimalFormat.equals)
            if (!(current instanceof DecimalFormat d) || current instanceof PdfCoordinates
                    || !d.equals(new DecimalFormat("0.##", d.getDecimalFormatSymbols()))) {
                return current instanceof PdfCoordinates;
            }
            f.set(graphicsStream, new PdfCoordinates(d.getDecimalFormatSymbols()));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
