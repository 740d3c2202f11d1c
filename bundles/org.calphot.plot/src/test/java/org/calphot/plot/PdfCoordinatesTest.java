// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.SplittableRandom;

import org.calphot.plot.internal.PdfCoordinates;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.junit.jupiter.api.Test;

/**
 * The coordinate formatter put into JFreePDF prints what the library's own {@code DecimalFormat("0.##")} prints
 * (the reference: the library as shipped), and a page drawn with it is byte-identical to one drawn without.
 */
class PdfCoordinatesTest {

    @Test
    void printsWhatDecimalFormatPrints() {
        DecimalFormatSymbols s = new DecimalFormatSymbols();
        s.setDecimalSeparator('.'); // as JFreePDF's GraphicsStream sets it
        DecimalFormat ref = new DecimalFormat("0.##", s);
        PdfCoordinates f = new PdfCoordinates(s);
        // ties of the decimal text that are not ties of the binary value (1.005 is 1.00499...), exact binary ties
        // (0.125, half-even), negatives that round to zero ("-0"), carries, the fallback above 1e6, non-finite
        double[] edge = {0.0, -0.0, -0.001, -0.004, -0.005, -0.006, 0.005, 0.015, 0.125, 0.375, -0.625, 1.005, 2.675,
            99.995, 99.999, 999999.995, 1e6, 1e7, -1e9, 1e-9, 0.1, 0.29, 12.3, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double x : edge) {
            assertEquals(ref.format(x), f.format(x), () -> "coordinate " + x);
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 400_000; i++) {
            double x = switch (i % 4) {
                case 0 -> r.nextDouble(-2000, 2000); // page coordinates, points
                case 1 -> r.nextLong(-200_000, 200_000) / 100.0 + 0.005; // decimal ties
                case 2 -> r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-8, 8));
                default -> r.nextInt(-100_000, 100_000) / 1000.0;
            };
            assertEquals(ref.format(x), f.format(x), () -> "coordinate " + x);
        }
    }

    @Test
    void pageIsByteIdenticalWithAndWithoutIt() {
        JFreeChart chart = LightcurvePage.build("ASASSN-16kr-like: cycle 0", XAxisKind.PHASE,
                SampleData.lightcurve(800, true));
        byte[] plain = pdf(chart, false);
        byte[] fast = pdf(chart, true);
        assertTrue(plain.length > 100_000, "a page of 800 points with error bars: " + plain.length + " bytes");
        // the two documents differ only in their creation dates (wall-clock seconds): masked
        assertEquals(undated(plain), undated(fast));
    }

    private static String undated(byte[] pdf) {
        return new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("\\(D:\\d{14}[^)]*\\)", "(D:)");
    }

    private static byte[] pdf(JFreeChart chart, boolean install) {
        PDFDocument doc = new PDFDocument();
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, 720, 540));
        PDFGraphics2D g = page.getGraphics2D();
        if (install) {
            assertTrue(PdfCoordinates.install(g), "JFreePDF's coordinate formatter was not found");
        }
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g, new Rectangle2D.Double(0, 0, 720, 540));
        g.dispose();
        return doc.getPDFBytes();
    }
}
