// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.ui.Drawable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders every figure type to PNG and PDF. Set {@code -Dcalphot.plot.gallery=DIR} to keep the files for a look;
 * otherwise they go to a temporary folder. Checks each file decodes at the requested size / is a PDF with a page,
 * and that each PNG shows something: dark text or axis ink in the left and bottom margins (tick labels, axis
 * labels), coloured data in the middle of the image (series are drawn in colour, frames and text in grey or black),
 * and a white-dominated background.
 */
class FigureGalleryTest {

    @TempDir
    Path tmp;

    static Map<String, Drawable> allFigures() {
        Map<String, Drawable> m = new LinkedHashMap<>();
        m.put("lightcurve_phase", LightcurvePage.build("run010 (2018-10-05) ULTRACAM", XAxisKind.PHASE,
                phaseFolded(SampleData.lightcurve(1500, true))));
        m.put("lightcurve_bmjd", LightcurvePage.build("run010 (2018-10-05) ULTRACAM", XAxisKind.BMJD_TDB,
                SampleData.lightcurve(1500, true)));
        m.put("comparisons", ComparisonPage.build("run010: comparison stars", XAxisKind.MJD_UTC,
                SampleData.comparisons()));
        m.put("count_ratio_all_nights", CountRatioFigure.build("Count ratio, all nights", XAxisKind.PHASE,
                SampleData.countRatios()));
        m.put("overplot_g", OverplotFigure.build("Flux-calibrated eclipses, g", XAxisKind.PHASE, "Flux (mJy)",
                SampleData.countRatios().get(0).series()));
        m.put("extinction_r", ExtinctionFigure.build("Extinction, r band (run003)", "r", SampleData.extinction()));
        m.put("eclipse_fit", EclipseFitFigure.build("Eclipse 123, run010 r", "Flux (mJy)", SampleData.eclipse()));
        m.put("oc", OcFigure.build("O \u2212 C of DP Leo eclipse times",
                "T(E) = 55000.1234567(20) + 0.06236285648(90) E BMJD(TDB), \u03c7\u00b2\u03bd = 1.04",
                SampleData.oc()));
        McmcSamples chain = SampleData.chain(32, 3000);
        m.put("corner", CornerPlot.build("Ephemeris posterior", chain, 500,
                new double[] {55000.1234560, 0.06236285640, Double.NaN}));
        m.put("traces", TraceFigure.build("Walker traces", chain, 500));
        return m;
    }

    static List<LightcurvePanel> phaseFolded(List<LightcurvePanel> panels) {
        return panels.stream().map(p -> {
            double[] ph = new double[p.x().length];
            for (int i = 0; i < ph.length; i++) {
                ph[i] = (p.x()[i] - SampleData.T0) / SampleData.PERIOD;
                ph[i] -= Math.rint(ph[i]);
                if (ph[i] < -0.2) {
                    ph[i] += 1;
                }
            }
            return new LightcurvePanel(p.label(), ph, p.fluxMjy(), p.fluxErrMjy(), p.flagged(),
                    p.comparisonFluxMjy());
        }).toList();
    }

    /** Fractions of dark pixels in the left and bottom margins, of coloured pixels in the middle, of white overall. */
    record Ink(double leftDark, double bottomDark, double middleColour, double white) {
    }

    static Ink ink(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        long left = 0;
        long leftN = 0;
        long bottom = 0;
        long bottomN = 0;
        long colour = 0;
        long middleN = 0;
        long white = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                boolean dark = max < 110;
                boolean coloured = max - min > 60;
                white += min > 245 ? 1 : 0;
                if (x < w / 10) {
                    leftN++;
                    left += dark ? 1 : 0;
                }
                if (y > h * 9 / 10) {
                    bottomN++;
                    bottom += dark ? 1 : 0;
                }
                if (x > w / 5 && x < w * 4 / 5 && y > h / 5 && y < h * 4 / 5) {
                    middleN++;
                    colour += coloured ? 1 : 0;
                }
            }
        }
        return new Ink((double) left / leftN, (double) bottom / bottomN, (double) colour / middleN,
                (double) white / ((long) w * h));
    }

    static void assertHasContent(String name, BufferedImage img) {
        Ink k = ink(img);
        System.out.printf("%-24s left dark %.4f, bottom dark %.4f, middle coloured %.4f, white %.3f%n", name,
                k.leftDark(), k.bottomDark(), k.middleColour(), k.white());
        // tick and axis labels: a blank margin has 0; the figures have 1.6-6 % (corner plot least)
        assertTrue(k.leftDark() > 0.005, name + ": no text in the left margin " + k);
        assertTrue(k.bottomDark() > 0.005, name + ": no text in the bottom margin " + k);
        // the data: a chart without its series has no coloured pixel in the middle; 0.9-22 % seen (O-C least)
        assertTrue(k.middleColour() > 0.003, name + ": no coloured data in the plot area " + k);
        // not a blank or a black image: 61-93 % white seen
        assertTrue(k.white() > 0.4 && k.white() < 0.98, name + ": white fraction " + k);
    }

    @Test
    void aBlankFigureFailsTheContentCheck() {
        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = blank.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> assertHasContent("blank", blank));
    }

    @Test
    void everyFigureWritesPngAndPdf() throws Exception {
        String keep = System.getProperty("calphot.plot.gallery");
        Path dir = keep == null ? tmp : Files.createDirectories(Path.of(keep));
        for (Map.Entry<String, Drawable> e : allFigures().entrySet()) {
            Dimension size = FigureExport.preferredSize(e.getValue());
            int w = 1000;
            int h = (int) Math.round(1000.0 * size.height / size.width);
            Path png = dir.resolve(e.getKey() + ".png");
            FigureExport.writePng(e.getValue(), png, w, h);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(w, img.getWidth(), e.getKey());
            assertEquals(h, img.getHeight(), e.getKey());
            assertHasContent(e.getKey(), img);
            Path pdf = dir.resolve(e.getKey() + ".pdf");
            FigureExport.writePdf(e.getValue(), pdf, 720);
            byte[] bytes = Files.readAllBytes(pdf);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("%PDF-"), e.getKey());
            assertTrue(text.contains("/Type /Page"), e.getKey());
            assertTrue(text.trim().endsWith("%%EOF"), e.getKey());
        }
    }
}
