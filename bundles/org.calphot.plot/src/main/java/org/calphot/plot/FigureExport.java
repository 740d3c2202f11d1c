// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.util.AtomicFiles;
import org.calphot.plot.internal.PdfCoordinates;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.ui.Drawable;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;

/**
 * Headless export of charts ({@link JFreeChart}) and multi-panel pages ({@link FigurePage}) to PNG and vector PDF.
 * Needs no display: AWT is used off-screen only. Launchers without a display should run with
 * {@code -Djava.awt.headless=true} (the JDK also falls back to headless on Linux when DISPLAY is unset); this class
 * does not set the property itself because it is global to the JVM (the workbench shares it).
 *
 * <p>The drawing is scaled so that {@link FigureStyle#REFERENCE_WIDTH} drawing units fill the requested width: the
 * layout (and the size of text relative to the figure) is the same at every output size. Files are written
 * atomically (temporary sibling, then rename). This is also the export the workbench's plot views call in place of
 * jfreechart-swt 1.0's broken "Save as PNG" action.
 */
public final class FigureExport {

    private FigureExport() {
    }

    /**
     * A size that suits the figure at the reference width: taller for stacked panels, square for corner plots.
     */
    public static Dimension preferredSize(Drawable figure) {
        if (figure instanceof FigurePage p) {
            return p.preferredSize();
        }
        if (figure instanceof JFreeChart c && c.getPlot() instanceof CombinedDomainXYPlot cp) {
            int n = Math.max(1, cp.getSubplots().size());
            return new Dimension(FigureStyle.REFERENCE_WIDTH, Math.min(1600, 200 + 240 * n));
        }
        return new Dimension(FigureStyle.REFERENCE_WIDTH, 680);
    }

    /**
     * Draws the figure on an RGB image with a white background, three bytes a pixel: the PNG writer reads those rows
     * whole, where it fetched an int-packed image's pixels one sample at a time (half of its time on a 1400 x 1288
     * page); Java2D draws the same pixels either way ({@code PngEncodingTest}).
     */
    public static BufferedImage toImage(Drawable figure, int widthPx, int heightPx) {
        return toImage(figure, widthPx, heightPx, BufferedImage.TYPE_3BYTE_BGR);
    }

    static BufferedImage toImage(Drawable figure, int widthPx, int heightPx, int imageType) {
        checkSize(widthPx, heightPx);
        BufferedImage img = new BufferedImage(widthPx, heightPx, imageType);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, widthPx, heightPx);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            drawScaled(figure, g, widthPx, heightPx);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** PNG bytes of the figure. */
    public static byte[] pngBytes(Drawable figure, int widthPx, int heightPx) {
        return encodePng(toImage(figure, widthPx, heightPx));
    }

    /**
     * The PNG of an image, by the JDK's PNG writer with its default settings (the bytes that
     * {@code ChartUtils.encodeAsPNG} gives), encoded in memory: {@code ImageIO.write} to a stream first copies
     * every byte through a temporary file (its disk cache, on by default), which was a tenth of a batch's CPU and
     * made concurrent runs wait on the disk (README, Measured).
     */
    static byte[] encodePng(BufferedImage img) {
        java.util.Iterator<javax.imageio.ImageWriter> writers = javax.imageio.ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) { // no PNG writer registered: the library's own path
            try {
                return ChartUtils.encodeAsPNG(img);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        javax.imageio.ImageWriter w = writers.next();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(img.getWidth() * img.getHeight() / 8);
        try (javax.imageio.stream.ImageOutputStream out = new javax.imageio.stream.MemoryCacheImageOutputStream(bytes)) {
            w.setOutput(out);
            w.write(null, new javax.imageio.IIOImage(img, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // encodes in memory: cannot happen
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    /** PDF bytes: one page per figure, each {@code widthPt × heightPt} points (1/72 in). */
    public static byte[] pdfBytes(List<? extends Drawable> pages, double widthPt, double heightPt) {
        return pdfBytes(pages, widthPt, heightPt, true);
    }

    /** As {@link #pdfBytes(List, double, double)}; {@code skipClips} false draws as JFreePDF alone (for tests). */
    static byte[] pdfBytes(List<? extends Drawable> pages, double widthPt, double heightPt, boolean skipClips) {
        checkSize(widthPt, heightPt);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no figure to write");
        }
        PDFDocument doc = new PDFDocument();
        stampDate(doc);
        doc.setTitle(titleOf(pages.get(0)));
        doc.setAuthor("calphot");
        for (Drawable d : pages) {
            Page page = doc.createPage(new Rectangle2D.Double(0, 0, widthPt, heightPt));
            PDFGraphics2D g = page.getGraphics2D();
            PdfCoordinates.install(g); // same bytes; was a fifth of a run's profile (README, Measured)
            // glyphs as outlines: the PDF's standard fonts cannot show −, ±, ⁻⁶ and other non-Latin-1 text
            g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
            // shapes inside the clip are written without it (same page, less to write: README, Measured)
            drawScaled(d, skipClips ? org.calphot.plot.internal.PdfClipSkipping.wrap(g) : g, widthPt, heightPt);
            g.dispose();
        }
        return doc.getPDFBytes();
    }

    /**
     * The document's creation and modification dates from {@link org.calphot.core.util.SourceDate}
     * (SOURCE_DATE_EPOCH when set), in UTC: JFreePDF stamps the wall clock and has no setter, so its
     * info dictionary is reached by reflection; if that fails the library's own date stays.
     */
    static void stampDate(PDFDocument doc) {
        String date = "(D:" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss", java.util.Locale.ROOT)
                .withZone(java.time.ZoneOffset.UTC).format(org.calphot.core.util.SourceDate.now()) + "Z)";
        try {
            java.lang.reflect.Field f = PDFDocument.class.getDeclaredField("info");
            f.setAccessible(true);
            Object info = f.get(doc);
            java.lang.reflect.Method put = info.getClass().getMethod("put", String.class, Object.class);
            put.invoke(info, "CreationDate", date);
            put.invoke(info, "ModDate", date);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another JFreePDF version: its own date stays
        }
    }

    public static byte[] pdfBytes(Drawable figure, double widthPt, double heightPt) {
        return pdfBytes(List.of(figure), widthPt, heightPt);
    }

    /** Writes a PNG atomically. */
    public static void writePng(Drawable figure, Path file, int widthPx, int heightPx) throws CalphotException {
        byte[] bytes = pngBytes(figure, widthPx, heightPx);
        write(file, bytes);
    }

    /** Writes a PNG at {@link #preferredSize} scaled to the given width. */
    public static void writePng(Drawable figure, Path file, int widthPx) throws CalphotException {
        Dimension d = preferredSize(figure);
        writePng(figure, file, widthPx, (int) Math.round((double) widthPx * d.height / d.width));
    }

    /** Writes a one-page vector PDF atomically; the whole figure (all its panels) goes on that page. */
    public static void writePdf(Drawable figure, Path file, double widthPt, double heightPt)
            throws CalphotException {
        write(file, pdfBytes(figure, widthPt, heightPt));
    }

    /** Writes a PDF with one page per figure, all pages the same size. */
    public static void writePdf(List<? extends Drawable> pages, Path file, double widthPt, double heightPt)
            throws CalphotException {
        write(file, pdfBytes(pages, widthPt, heightPt));
    }

    /** Writes a one-page PDF at {@link #preferredSize}, {@code widthPt} wide (e.g. 720 pt = 10 in). */
    public static void writePdf(Drawable figure, Path file, double widthPt) throws CalphotException {
        Dimension d = preferredSize(figure);
        writePdf(figure, file, widthPt, widthPt * d.height / d.width);
    }

    /**
     * Writes PNG or PDF chosen by the file name's extension ({@code .png}, {@code .pdf}); for PDF the size is taken
     * as points. This is what a "Save as…" action in a plot view calls.
     */
    public static void write(Drawable figure, Path file, int width, int height) throws CalphotException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            writePng(figure, file, width, height);
        } else if (name.endsWith(".pdf")) {
            writePdf(figure, file, width, height);
        } else {
            throw new CalphotException("cannot tell the figure format from the name; use .png or .pdf",
                    Location.of(file.toString()));
        }
    }

    private static void write(Path file, byte[] bytes) throws CalphotException {
        try {
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new CalphotException("cannot write figure: " + e.getMessage(), Location.of(file.toString()), e);
        }
    }

    private static void drawScaled(Drawable figure, Graphics2D g, double width, double height) {
        double s = width / FigureStyle.REFERENCE_WIDTH;
        g.scale(s, s);
        figure.draw(g, new Rectangle2D.Double(0, 0, width / s, height / s));
    }

    private static String titleOf(Drawable d) {
        if (d instanceof JFreeChart c && c.getTitle() != null) {
            return c.getTitle().getText();
        }
        if (d instanceof FigurePage p && p.title() != null) {
            return p.title();
        }
        return "calphot figure";
    }

    private static void checkSize(double w, double h) {
        if (!(w >= 16 && h >= 16 && w <= 20000 && h <= 20000)) {
            throw new IllegalArgumentException("figure size must be 16..20000 in each direction, got " + w + "x" + h);
        }
    }

}
