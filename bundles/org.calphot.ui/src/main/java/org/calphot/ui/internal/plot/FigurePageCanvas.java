// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.calphot.plot.FigurePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A {@link FigurePage} drawn to fit the view (part of {@link ChartPanel}). Text keeps its size down to a drawing
 * {@value #MIN_PAGE_WIDTH} units wide, below that the whole page is scaled down. The pointer's cell and values are
 * shown below it.
 */
final class FigurePageCanvas extends Composite {
    static final String PAGE_HINT = "Point at a panel for values. Double-click: enlarge. Right-click: export.";
    private static final int MIN_PAGE_WIDTH = 640;
    private final Canvas canvas;
    private final Label readout;
    private FigurePage page;
    private Image image;
    private double scale = 1;

    private final BiConsumer<Integer, Integer> enlarge;
    private final Consumer<String> export;

    /** {@code enlarge} gets the (row, col) of a double-clicked panel; {@code export} "png" or "pdf". */
    FigurePageCanvas(Composite parent, BiConsumer<Integer, Integer> enlarge, Consumer<String> export) {
        super(parent, SWT.NONE);
        this.enlarge = enlarge;
        this.export = export;
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 2;
        setLayout(gl);
        canvas = new Canvas(this, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        readout = new Label(this, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        readout.setText(PAGE_HINT);
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> dropImage());
        canvas.addListener(SWT.Dispose, e -> dropImage());
        canvas.addListener(SWT.MouseMove, e -> {
            int[] rc = cellAt(e.x, e.y);
            readout.setText(rc == null ? PAGE_HINT : describeCell(rc[0], rc[1], e.x, e.y));
        });
        canvas.addListener(SWT.MouseExit, e -> readout.setText(PAGE_HINT));
        canvas.addListener(SWT.MouseDoubleClick, e -> {
            int[] rc = cellAt(e.x, e.y);
            if (rc != null) {
                enlarge.accept(rc[0], rc[1]);
            }
        });
        Menu m = new Menu(canvas);
        MenuItem png = new MenuItem(m, SWT.PUSH);
        png.setText("Export as PNG...");
        png.addListener(SWT.Selection, ev -> export.accept("png"));
        MenuItem pdf = new MenuItem(m, SWT.PUSH);
        pdf.setText("Export as PDF...");
        pdf.addListener(SWT.Selection, ev -> export.accept("pdf"));
        canvas.setMenu(m);
    }

    void setPage(FigurePage p) {
        page = p;
        readout.setText(PAGE_HINT);
        dropImage();
        canvas.redraw();
    }

    FigurePage page() {
        return page;
    }

    String readoutText() {
        return readout.getText();
    }

    /** Draws the page again, e.g. after an export changed its remembered geometry. */
    void redrawPage() {
        dropImage();
        canvas.redraw();
    }

    private void dropImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }

    private void paint(GC gc) {
        Rectangle r = canvas.getClientArea();
        if (page == null || r.width < 16 || r.height < 16) {
            gc.fillRectangle(r);
            return;
        }
        if (image == null || image.getBounds().width != r.width || image.getBounds().height != r.height) {
            dropImage();
            image = render(r.width, r.height);
        }
        gc.drawImage(image, 0, 0);
    }

    /** Draws the page with AWT off screen and converts the pixels for SWT. */
    private Image render(int w, int h) {
        scale = Math.min(1.0, (double) w / MIN_PAGE_WIDTH);
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = bi.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            page.draw(g, new Rectangle2D.Double(0, 0, w / scale, h / scale));
        } finally {
            g.dispose();
        }
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            bi.getRGB(0, y, w, 1, row, 0, w);
            data.setPixels(0, y, w, row, 0);
        }
        return new Image(getDisplay(), data);
    }

    /** {row, col} of the panel under a pointer position, or null. */
    int[] cellAt(int px, int py) {
        if (page == null || image == null) {
            return null;
        }
        double u = px / scale;
        double v = py / scale;
        for (int r = 0; r < page.rows(); r++) {
            for (int c = 0; c < page.cols(); c++) {
                Rectangle2D a = page.drawnDataArea(r, c);
                if (a != null && a.contains(u, v)) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    private String describeCell(int r, int c, int px, int py) {
        Rectangle2D a = page.drawnDataArea(r, c);
        XYPlot p = page.cell(r, c).getXYPlot();
        double x = p.getDomainAxis().java2DToValue(px / scale, a, RectangleEdge.BOTTOM);
        String xl = page.xLabel(c) == null ? "x" : page.xLabel(c);
        if (r == c) {
            return String.format(Locale.ROOT, "%s = %.5g   (double-click to enlarge)", xl, x);
        }
        double y = p.getRangeAxis().java2DToValue(py / scale, a, RectangleEdge.LEFT);
        String yl = page.yLabel(r) == null ? "y" : page.yLabel(r);
        return String.format(Locale.ROOT, "%s = %.5g, %s = %.5g   (double-click to enlarge)", xl, x, yl, y);
    }
}
