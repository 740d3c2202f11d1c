// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FigureExport#encodePng} encodes in memory but must give the very bytes of the library's path
 * ({@code ChartUtils.encodeAsPNG}, i.e. {@code ImageIO.write} through its disk cache), so the run's PNGs do not change.
 */
class PngEncodingTest {

    @TempDir
    Path tmp;

    @Test
    void sameBytesAsTheLibraryAndNoTemporaryFile() throws Exception {
        JFreeChart lc = LightcurvePage.build("t", XAxisKind.PHASE, SampleData.lightcurve(400, false));
        BufferedImage img = FigureExport.toImage(lc, 900, 828);
        byte[] library = ChartUtils.encodeAsPNG(img);

        // ImageIO's disk cache: a folder that is gone by the time it is used makes the cached path fail
        // (ChartUtils.encodeAsPNG throws there); the in-memory encoding does not touch it
        File before = ImageIO.getCacheDirectory();
        boolean cache = ImageIO.getUseCache();
        Path gone = Files.createDirectory(tmp.resolve("cache"));
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(gone.toFile());
        Files.delete(gone);
        try {
            assertArrayEquals(library, FigureExport.encodePng(img));
        } finally {
            ImageIO.setCacheDirectory(before);
            ImageIO.setUseCache(cache);
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(FigureExport.pngBytes(lc, 900, 828)));
        assertEquals(img.getRGB(450, 400), back.getRGB(450, 400));
    }

    /**
     * Figures are drawn on three bytes a pixel for the PNG writer's sake; the reference is the int-packed RGB image
     * they were drawn on before: every pixel of a lightcurve page (markers, error bars, text) and a comparison page
     * must be the same, and an int-packed image must encode to the same PNG bytes as its three-byte copy.
     */
    @Test
    void threeBytesAPixelDrawTheSamePixelsAndBytes() throws Exception {
        for (JFreeChart page : List.of(LightcurvePage.build("t", XAxisKind.PHASE, SampleData.lightcurve(1500, true)),
                ComparisonPage.build("c", XAxisKind.MJD_UTC, SampleData.comparisons()))) {
            BufferedImage packed = FigureExport.toImage(page, 1400, 1288, BufferedImage.TYPE_INT_RGB);
            BufferedImage bytes = FigureExport.toImage(page, 1400, 1288);
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, bytes.getType());
            int differ = 0;
            for (int y = 0; y < packed.getHeight(); y++) {
                for (int x = 0; x < packed.getWidth(); x++) {
                    differ += (packed.getRGB(x, y) & 0xffffff) == (bytes.getRGB(x, y) & 0xffffff) ? 0 : 1;
                }
            }
            assertEquals(0, differ, "pixels that differ");
            assertArrayEquals(ChartUtils.encodeAsPNG(packed), FigureExport.encodePng(packed));
            assertArrayEquals(ChartUtils.encodeAsPNG(bytes), FigureExport.encodePng(packed));
        }
    }
}
