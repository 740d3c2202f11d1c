// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.calphot.core.CalphotException;
import org.calphot.plot.internal.ValueScale;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureExportTest {

    @TempDir
    Path tmp;

    private static JFreeChart oc() {
        return OcFigure.build("O \u2212 C", null, SampleData.oc());
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void pngHasRequestedSizeWhiteBackgroundAndIsWrittenAtomically() throws Exception {
        Path f = tmp.resolve("sub/oc.png");
        FigureExport.writePng(oc(), f, 1234, 567);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(1234, img.getWidth());
        assertEquals(567, img.getHeight());
        assertEquals(Color.WHITE.getRGB(), img.getRGB(1, 1));
        // no temporary sibling left behind
        try (var s = Files.list(f.getParent())) {
            assertEquals(List.of(f), s.toList());
        }
        // bytes and file agree
        BufferedImage again = ImageIO.read(new ByteArrayInputStream(FigureExport.pngBytes(oc(), 1234, 567)));
        assertEquals(1234, again.getWidth());
    }

    @Test
    void pngWidthOnlyUsesPreferredAspect() throws Exception {
        Path f = tmp.resolve("lc.png");
        JFreeChart lc = LightcurvePage.build("t", XAxisKind.PHASE, SampleData.lightcurve(200, false));
        FigureExport.writePng(lc, f, 500);
        BufferedImage img = ImageIO.read(f.toFile());
        // 3 stacked panels: preferred 1000 x (200 + 3*240) = 1000 x 920
        assertEquals(500, img.getWidth());
        assertEquals(460, img.getHeight());
    }

    @Test
    void pdfHasOnePagePerFigureAndVectorText() throws Exception {
        Path f = tmp.resolve("oc.pdf");
        FigureExport.writePdf(oc(), f, 720, 480);
        String pdf = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF-"));
        assertEquals(1, count(pdf, "/Type /Page\\b"));
        assertTrue(pdf.contains("/MediaBox [0 0 720 480]") || pdf.contains("/MediaBox [0.0 0.0 720.0 480.0]"),
                "page size in points");
        Path two = tmp.resolve("two.pdf");
        FigurePage corner = CornerPlot.build("c", SampleData.chain(8, 400), 100, null);
        FigureExport.writePdf(List.of(oc(), corner), two, 600, 600);
        String pdf2 = new String(Files.readAllBytes(two), StandardCharsets.ISO_8859_1);
        assertEquals(2, count(pdf2, "/Type /Page\\b"));
    }

    @Test
    void writeChoosesFormatByExtensionAndRejectsOthers() throws Exception {
        Path png = tmp.resolve("a.PNG");
        FigureExport.write(oc(), png, 300, 200);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(Files.readAllBytes(png), 4));
        Path pdf = tmp.resolve("a.pdf");
        FigureExport.write(oc(), pdf, 300, 200);
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"));
        CalphotException e = assertThrows(CalphotException.class, () -> FigureExport.write(oc(), tmp.resolve("a.svg"),
                300, 200));
        assertTrue(e.describe().contains("a.svg"));
        assertThrows(IllegalArgumentException.class, () -> FigureExport.pngBytes(oc(), 0, 100));
    }

    @Test
    void unwritableTargetIsACalphotException() throws Exception {
        Path blocker = tmp.resolve("file");
        Files.writeString(blocker, "x");
        CalphotException e = assertThrows(CalphotException.class,
                () -> FigureExport.writePng(oc(), blocker.resolve("x.png"), 100, 100));
        assertEquals(1, e.exitCode());
    }

    @Test
    void fontsAreReadableAtTheReferenceWidth() {
        // brief: >= 12 pt at 1000 px; the drawing is scaled so these sizes are pixels at 1000 px wide
        assertEquals(1000, FigureStyle.REFERENCE_WIDTH);
        for (var f : List.of(FigureStyle.TICK_FONT, FigureStyle.LEGEND_FONT, FigureStyle.AXIS_LABEL_FONT,
                FigureStyle.ANNOTATION_FONT, FigureStyle.TITLE_FONT, FigureStyle.SUBTITLE_FONT)) {
            assertTrue(f.getSize() >= 12, f.toString());
        }
        JFreeChart c = oc();
        assertEquals(FigureStyle.TICK_FONT, c.getXYPlot().getDomainAxis().getTickLabelFont());
        assertEquals(FigureStyle.AXIS_LABEL_FONT, c.getXYPlot().getRangeAxis().getLabelFont());
        assertEquals(Color.WHITE, c.getBackgroundPaint());
    }

    @Test
    void valueScaleChoosesOffsetAndPowerOfTen() {
        // T0 = 55000.1234567 ± 1e-6 (16-84 % width 2e-6): e = -6, offset rounded to 1e-5
        ValueScale t0 = ValueScale.of(55000.1234567, 2e-6);
        assertEquals(55000.12346, t0.offset(), 0);
        assertEquals(-6, t0.exponent());
        assertEquals((55000.1234567 - 55000.12346) * 1e6, t0.apply(55000.1234567), 1e-6);
        assertEquals("T0 \u2212 55000.12346 [10\u207b\u2076 d]", t0.label("T0", "d"));
        // an O(1) parameter is left alone
        ValueScale s = ValueScale.of(1.2, 0.24);
        assertEquals(0, s.offset());
        assertEquals(0, s.exponent());
        assertEquals("s [mag]", s.label("s", "mag"));
        // a tiny parameter without offset: 3e-7 ± 1e-7 -> shown in 10^-9
        ValueScale tiny = ValueScale.of(3e-7, 2e-7);
        assertEquals(0, tiny.offset());
        assertEquals(-9, tiny.exponent());
    }

    @Test
    void valueWithErrorsUsesTwoSignificantFiguresOfTheError() {
        assertEquals("0.1820 \u00b1 0.0020", ValueScale.withErrors(0.182, 0.002, 0.002));
        assertEquals("1.234 +0.056 \u22120.012", ValueScale.withErrors(1.2341, 0.012, 0.056));
        assertEquals("58410.6706413 \u00b1 0.0000023", ValueScale.withErrors(58410.67064128, 2.3e-6, 2.3e-6));
    }

    @Test
    void axisOffsetIsTheWholeDayBelowTheData() {
        assertEquals(58403, XAxisKind.BMJD_TDB.offset(new double[] {58403.9, Double.NaN, 58404.2}));
        assertEquals(0, XAxisKind.PHASE.offset(new double[] {58403.9}));
        assertEquals("BMJD(TDB) \u2212 58403 (d)", XAxisKind.BMJD_TDB.label(58403));
        assertEquals("MJD(UTC) (d)", XAxisKind.MJD_UTC.label(0));
    }
}
