package org.calphot.ui.internal.plot;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

import org.calphot.core.CalphotException;
import org.calphot.plot.FigurePage;
import org.calphot.plot.FigureExport;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.events.MouseWheelListener;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.jfree.chart.ChartMouseEvent;
import org.jfree.chart.ChartMouseListener;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * A JFreeChart in SWT with what the plot views share: a message instead of an empty chart, zoom (drag a box, mouse
 * wheel), pan (middle button or Shift+drag, arrow keys), the value under the pointer in a line below the chart, and
 * "Export as PNG/PDF" through {@link FigureExport#write} in place of jfreechart-swt 1.0's "Save as" (which calls a class
 * JFreeChart 1.5 no longer has).
 */
public final class ChartPanel extends Composite {

    private final StackLayout stack = new StackLayout();
    private Composite page;
    private final Label message;
    private Chart chart;
    private Label readout;
    private String exportName = "figure";
    /** The folder the export dialog starts in (the run's figures), else null for the dialog's default. */
    private Path exportFolder;
    private PageCanvas pageCanvas;
    /** A box dragged in select mode: the panel (subplot index, 0 for a single plot) and its data bounds. */
    public record SelectionBox(int panel, double xLow, double xHigh, double yLow, double yHigh) {
    }

    /** A view's own read-out of a data point (band, value, unit), else null for the generic one. */
    private java.util.function.Function<XYItemEntity, String> describer;

    /** Receives boxes dragged while select mode is on (instead of zooming); null = zoom as usual. */
    private java.util.function.Consumer<SelectionBox> selector;
    /** The page a cell was enlarged from (Reset Zoom goes back to it), else null. */
    private FigurePage enlargedFrom;
    private String pageExportName;

    public ChartPanel(Composite parent, String emptyMessage) {
        super(parent, SWT.NONE);
        setLayout(stack);
        message = new Label(this, SWT.WRAP | SWT.CENTER);
        message.setText(emptyMessage);
        stack.topControl = message;
    }

    /** The chart widget is made on first use: JFreeChart and AWT then load after start-up, not during it. */
    private void ensureChart() {
        if (page != null) {
            return;
        }
        page = new Composite(this, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 2;
        page.setLayout(gl);
        chart = new Chart(page);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        readout = new Label(page, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        readout.setText(HINT);
        readout.setToolTipText("Drag a box to zoom in, mouse wheel to zoom at the pointer, middle button or Shift+drag"
                + " to pan, arrow keys to step; right-click for zoom reset, properties and export to PNG/PDF."
                + " Point at a data point to read its values here.");
        chart.addChartMouseListener(new ChartMouseListener() {
            @Override
            public void chartMouseClicked(ChartMouseEvent event) {
            }

            @Override
            public void chartMouseMoved(ChartMouseEvent event) {
                String t = describe(event.getEntity());
                readout.setText(t == null ? HINT : t);
            }
        });
    }

    private static final String HINT = "Zoom: drag a box or wheel.  Pan: Shift+drag.  Right-click: reset, export.";

    /** Select mode: a dragged box goes to {@code onBox} (null: back to zooming). */
    public void setSelector(java.util.function.Consumer<SelectionBox> onBox) {
        this.selector = onBox;
    }

    /** The read-out of a data point under the pointer; null for the generic "series: x = .., y = ..". */
    public void setDescriber(java.util.function.Function<XYItemEntity, String> d) {
        this.describer = d;
    }

    public boolean isSelecting() {
        return selector != null;
    }

    /** The folder Export starts in (null: the dialog's default). */
    public void setExportFolder(Path folder) {
        this.exportFolder = folder;
    }

    public Path exportFolder() {
        return exportFolder;
    }

    /** Shows a chart, or the message when {@code c} is null. */
    public void setChart(JFreeChart c, String exportName) {
        enlargedFrom = null;
        showChart(c, exportName);
        if (c != null) {
            readout.setText(HINT);
        }
    }

    private void showChart(JFreeChart c, String exportName) {
        this.exportName = exportName == null ? "figure" : exportName;
        if (c != null) {
            ensureChart();
            addToolTips(c.getPlot());
            shareRangeLabels(c.getPlot());
            chart.setChart(c);
            chart.forceRedraw();
        }
        stack.topControl = c == null ? message : page;
        layout(true, true);
    }

    /**
     * Shows a page of panels (a corner plot): drawn to fit the view, the values under the pointer in the line
     * below it, a double-click enlarges one panel as a chart with zoom and pan (Reset Zoom comes back).
     */
    public void setPage(FigurePage p, String exportName) {
        enlargedFrom = null;
        this.exportName = exportName == null ? "figure" : exportName;
        this.pageExportName = this.exportName;
        if (pageCanvas == null) {
            pageCanvas = new PageCanvas(this);
        }
        pageCanvas.setPage(p);
        stack.topControl = pageCanvas;
        layout(true, true);
        pageCanvas.redraw();
    }

    /** The figure shown (a chart or a page), else null. */
    public Drawable figure() {
        if (pageCanvas != null && stack.topControl == pageCanvas) {
            return pageCanvas.page;
        }
        return chart();
    }

    /** True when a chart or a page is shown (not the message). */
    public boolean hasFigure() {
        return figure() != null;
    }

    /** The page shown, or the page whose panel is enlarged; else null. */
    public FigurePage page() {
        if (enlargedFrom != null) {
            return enlargedFrom;
        }
        return pageCanvas != null && stack.topControl == pageCanvas ? pageCanvas.page : null;
    }

    /** True while one panel of a page is shown enlarged. */
    public boolean isEnlarged() {
        return enlargedFrom != null && hasChart();
    }

    /** Enlarges the page panel at (row, col) as a zoomable chart; false when there is none. */
    public boolean enlarge(int row, int col) {
        FigurePage p = page();
        if (p == null || p.cell(row, col) == null) {
            return false;
        }
        JFreeChart big;
        try {
            big = (JFreeChart) p.cell(row, col).clone();
        } catch (CloneNotSupportedException e) {
            return false;
        }
        XYPlot xy = big.getXYPlot();
        xy.setFixedDomainAxisSpace(null);
        xy.setFixedRangeAxisSpace(null);
        xy.getDomainAxis().setTickLabelsVisible(true);
        xy.getDomainAxis().setLabel(p.xLabel(col));
        xy.getRangeAxis().setVisible(true);
        xy.getRangeAxis().setTickLabelsVisible(true);
        xy.getRangeAxis().setLabel(row == col ? "Samples per bin" : p.yLabel(row));
        String caption = p.caption(row, col);
        big.setTitle(caption != null ? caption : row == col ? p.xLabel(col) : p.yLabel(row) + " against "
                + p.xLabel(col));
        org.calphot.plot.FigureStyle.apply(big);
        showChart(big, pageExportName + "_" + (row + 1) + (col + 1));
        enlargedFrom = p;
        readout.setText("Panel enlarged: zoom and pan as usual. Reset Zoom goes back to the whole page.");
        return true;
    }

    public void setMessage(String text) {
        message.setText(text);
        stack.topControl = message;
        layout(true, true);
    }

    /** The chart shown (an enlarged page panel included), else null. */
    public JFreeChart chart() {
        return page != null && stack.topControl == page ? chart.getChart() : null;
    }

    /** The canvas the chart is drawn on (pointer events in its pixels), else null. */
    public Canvas chartCanvas() {
        return chart == null ? null : chart.canvas();
    }

    /** The chart's rendering info of its last paint (data areas in canvas pixels), else null. */
    public org.jfree.chart.ChartRenderingInfo renderingInfo() {
        return chart == null ? null : chart.getChartRenderingInfo();
    }

    public boolean hasChart() {
        return page != null && stack.topControl == page;
    }

    public String readoutText() {
        if (pageCanvas != null && stack.topControl == pageCanvas) {
            return pageCanvas.readout.getText();
        }
        return readout == null ? "" : readout.getText();
    }

    /** All data shown again; an enlarged page panel goes back to its page. */
    public void resetZoom() {
        if (enlargedFrom != null) {
            setPage(enlargedFrom, pageExportName);
        } else if (chart() != null) {
            chart.restoreAutoBounds();
        }
    }

    /** Asks for a file and writes the chart there as PNG (1400 px wide) or PDF (10 in wide), by the extension. */
    public void exportDialog(String extension) {
        if (figure() == null) {
            return;
        }
        FileDialog d = new FileDialog(getShell(), SWT.SAVE);
        d.setText("Export " + extension.toUpperCase(Locale.ROOT));
        d.setFilterExtensions(new String[] {"*." + extension});
        d.setFileName(exportName + "." + extension);
        if (exportFolder != null && java.nio.file.Files.isDirectory(exportFolder)) {
            d.setFilterPath(exportFolder.toString());
        }
        d.setOverwrite(true);
        String f = d.open();
        if (f != null) {
            try {
                export(Path.of(f));
            } catch (CalphotException e) {
                MessageDialog.openError(getShell(), "Export failed", e.describe());
            }
        }
    }

    /** Writes the chart as shown (current zoom) to a .png or .pdf file. */
    public void export(Path file) throws CalphotException {
        Drawable c = figure();
        if (c == null) {
            throw new CalphotException("no figure to export");
        }
        Dimension pref = FigureExport.preferredSize(c);
        boolean pdf = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
        int w = pdf ? 720 : 1400;
        FigureExport.write(c, file, w, (int) Math.round((double) w * pref.height / pref.width));
        if (c instanceof FigurePage && pageCanvas != null) {
            // the page now remembers the export's geometry: draw it again so pointer read-outs stay right
            pageCanvas.dropImage();
            pageCanvas.canvas.redraw();
        }
    }

    /**
     * Stacked panels in a view are short: one y label per panel would overlap its neighbours, so only the middle
     * panel keeps its labels (the quantity is the same in every panel). Exported files are unaffected in layout.
     */
    private static void shareRangeLabels(Plot plot) {
        if (plot instanceof CombinedDomainXYPlot cp && cp.getSubplots().size() == 2) {
            // two short panels: a long label ("T0 (BMJD TDB) − 60384.65123 [10⁻⁶ d]") would run past its panel
            for (Object o : cp.getSubplots()) {
                ValueAxis a = ((XYPlot) o).getRangeAxis();
                if (a != null && a.getLabel() != null && a.getLabel().length() > 24) {
                    a.setLabelFont(a.getLabelFont().deriveFont(12f));
                }
            }
        }
        if (plot instanceof CombinedDomainXYPlot cp && cp.getSubplots().size() >= 3) {
            int middle = cp.getSubplots().size() / 2;
            for (int i = 0; i < cp.getSubplots().size(); i++) {
                XYPlot p = (XYPlot) cp.getSubplots().get(i);
                if (i != middle) {
                    for (int a = 0; a < p.getRangeAxisCount(); a++) {
                        if (p.getRangeAxis(a) != null) {
                            p.getRangeAxis(a).setLabel(null);
                        }
                    }
                }
            }
        }
    }

    private static void addToolTips(Plot plot) {
        if (plot instanceof CombinedDomainXYPlot cp) {
            for (Object p : cp.getSubplots()) {
                addToolTips((Plot) p);
            }
        } else if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getRendererCount(); i++) {
                if (xy.getRenderer(i) != null) {
                    xy.getRenderer(i).setDefaultToolTipGenerator(new StandardXYToolTipGenerator());
                }
            }
        }
    }

    private String describe(ChartEntity e) {
        if (!(e instanceof XYItemEntity it)) {
            return null;
        }
        if (describer != null) {
            String own = describer.apply(it);
            if (own != null) {
                return own;
            }
        }
        XYDataset d = it.getDataset();
        int s = it.getSeriesIndex();
        int i = it.getItem();
        String xName = chart.getChart().getPlot() instanceof CombinedDomainXYPlot cp
                ? cp.getDomainAxis().getLabel() : ((XYPlot) chart.getChart().getPlot()).getDomainAxis().getLabel();
        StringBuilder sb = new StringBuilder();
        sb.append(d.getSeriesKey(s)).append(": ").append(xName).append(" = ")
                .append(String.format(Locale.ROOT, Math.abs(d.getXValue(s, i)) >= 1000 ? "%.6f" : "%.6g",
                        d.getXValue(s, i)))
                .append(", y = ").append(String.format(Locale.ROOT, "%.5g", d.getYValue(s, i)));
        if (d instanceof org.jfree.data.xy.XYZDataset z) {
            sb.append(String.format(Locale.ROOT, ", %.0f samples", z.getZValue(s, i)));
        }
        if (d instanceof IntervalXYDataset id) {
            double err = (id.getEndYValue(s, i) - id.getStartYValue(s, i)) / 2;
            if (Double.isFinite(err) && err > 0) {
                sb.append(String.format(Locale.ROOT, " \u00b1 %.3g", err));
            }
        }
        return sb.toString();
    }

    /**
     * A {@link FigurePage} drawn to fit the view. Text keeps its size down to a drawing {@value #MIN_PAGE_WIDTH}
     * units wide, below that the whole page is scaled down. The pointer's cell and values are shown below it.
     */
    private final class PageCanvas extends Composite {
        private static final int MIN_PAGE_WIDTH = 640;
        private final Canvas canvas;
        private final Label readout;
        private FigurePage page;
        private Image image;
        private double scale = 1;

        PageCanvas(Composite parent) {
            super(parent, SWT.NONE);
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
                    enlarge(rc[0], rc[1]);
                }
            });
            Menu m = new Menu(canvas);
            MenuItem png = new MenuItem(m, SWT.PUSH);
            png.setText("Export as PNG...");
            png.addListener(SWT.Selection, ev -> exportDialog("png"));
            MenuItem pdf = new MenuItem(m, SWT.PUSH);
            pdf.setText("Export as PDF...");
            pdf.addListener(SWT.Selection, ev -> exportDialog("pdf"));
            canvas.setMenu(m);
        }

        void setPage(FigurePage p) {
            page = p;
            readout.setText(PAGE_HINT);
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

    private static final String PAGE_HINT = "Point at a panel for values. Double-click: enlarge. Right-click: export.";

    /** ChartComposite with wheel zoom, drag pan and our export items in its pop-up menu. */
    private final class Chart extends ChartComposite {
        private int panX = -1;
        private int panY = -1;

        Chart(Composite parent) {
            // properties and zoom items, tooltips; no "Save as"/"Print" (the former is broken with JFreeChart 1.5)
            // No minimum or maximum draw size: jfreechart-swt draws at the widget's real size but divides pointer
            // positions by (size / bound) outside 300x200..800x600, so zoom boxes and read-outs missed the data.
            super(parent, SWT.NONE, new JFreeChart(new XYPlot()), DEFAULT_WIDTH, DEFAULT_HEIGHT, 0, 0,
                    Integer.MAX_VALUE, Integer.MAX_VALUE, false, true, false, false, true, true);
            // addSWTListener silently drops wheel listeners: attach to the drawing canvas directly
            canvas().addMouseWheelListener((MouseWheelListener) e -> {
                if (getChart() == null) {
                    return;
                }
                if (e.count > 0) {
                    zoomInBoth(e.x, e.y);
                } else if (e.count < 0) {
                    zoomOutBoth(e.x, e.y);
                }
            });
            addSWTListener(new org.eclipse.swt.events.KeyAdapter() {
                @Override
                public void keyPressed(org.eclipse.swt.events.KeyEvent e) {
                    switch (e.keyCode) {
                        case SWT.ARROW_LEFT -> pan(-0.1, 0);
                        case SWT.ARROW_RIGHT -> pan(0.1, 0);
                        case SWT.ARROW_UP -> pan(0, 0.1);
                        case SWT.ARROW_DOWN -> pan(0, -0.1);
                        default -> { }
                    }
                }
            });
        }

        /** The canvas the chart is drawn on (ChartComposite's only child). */
        Canvas canvas() {
            for (org.eclipse.swt.widgets.Control c : getChildren()) {
                if (c instanceof Canvas cv) {
                    return cv;
                }
            }
            throw new IllegalStateException("ChartComposite without its canvas");
        }

        @Override
        protected Menu createPopupMenu(boolean properties, boolean save, boolean print, boolean zoom) {
            Menu m = super.createPopupMenu(properties, false, false, zoom);
            new MenuItem(m, SWT.SEPARATOR);
            MenuItem png = new MenuItem(m, SWT.PUSH);
            png.setText("Export as PNG...");
            png.addListener(SWT.Selection, ev -> exportDialog("png"));
            MenuItem pdf = new MenuItem(m, SWT.PUSH);
            pdf.setText("Export as PDF...");
            pdf.addListener(SWT.Selection, ev -> exportDialog("pdf"));
            return m;
        }

        private int boxX = -1;
        private int boxY = -1;

        private boolean isPan(MouseEvent e) {
            return e.button == 2 || (e.button == 1 && (e.stateMask & SWT.SHIFT) != 0);
        }

        @Override
        public void mouseDown(MouseEvent e) {
            if (isPan(e)) {
                panX = e.x;
                panY = e.y;
                return;
            }
            if (selector != null && e.button == 1) {
                boxX = e.x;
                boxY = e.y;
            }
            super.mouseDown(e);
        }

        @Override
        public void mouseMove(MouseEvent e) {
            if (panX >= 0) {
                Rectangle area = getScreenDataArea();
                if (area.width > 0 && area.height > 0) {
                    pan(-(double) (e.x - panX) / area.width, (double) (e.y - panY) / area.height);
                }
                panX = e.x;
                panY = e.y;
                return;
            }
            super.mouseMove(e);
        }

        @Override
        public void mouseUp(MouseEvent e) {
            if (panX >= 0) {
                panX = -1;
                panY = -1;
                return;
            }
            if (selector != null && boxX >= 0) {
                int x0 = boxX;
                int y0 = boxY;
                boxX = -1;
                boxY = -1;
                // let ChartComposite end its rubber band without zooming
                boolean dz = isDomainZoomable();
                boolean rz = isRangeZoomable();
                setDomainZoomable(false);
                setRangeZoomable(false);
                try {
                    super.mouseUp(e);
                } finally {
                    setDomainZoomable(dz);
                    setRangeZoomable(rz);
                }
                SelectionBox b = box(x0, y0, e.x, e.y);
                if (b != null) {
                    selector.accept(b);
                }
                return;
            }
            super.mouseUp(e);
        }

        /** The data bounds of a box between two canvas points, in the panel under its first corner. */
        private SelectionBox box(int x0, int y0, int x1, int y1) {
            JFreeChart c = getChart();
            org.jfree.chart.plot.PlotRenderingInfo info = getChartRenderingInfo().getPlotInfo();
            XYPlot plot;
            int panel = 0;
            Rectangle2D area;
            ValueAxis xAxis;
            if (c.getPlot() instanceof CombinedDomainXYPlot cp) {
                panel = info.getSubplotIndex(new java.awt.geom.Point2D.Double(x0, y0));
                if (panel < 0) {
                    return null;
                }
                plot = (XYPlot) cp.getSubplots().get(panel);
                area = info.getSubplotInfo(panel).getDataArea();
                xAxis = cp.getDomainAxis();
            } else if (c.getPlot() instanceof XYPlot xy) {
                plot = xy;
                area = info.getDataArea();
                xAxis = xy.getDomainAxis();
            } else {
                return null;
            }
            double xa = xAxis.java2DToValue(x0, area, RectangleEdge.BOTTOM);
            double xb = xAxis.java2DToValue(x1, area, RectangleEdge.BOTTOM);
            double ya = plot.getRangeAxis().java2DToValue(y0, area, RectangleEdge.LEFT);
            double yb = plot.getRangeAxis().java2DToValue(y1, area, RectangleEdge.LEFT);
            return new SelectionBox(panel, Math.min(xa, xb), Math.max(xa, xb), Math.min(ya, yb), Math.max(ya, yb));
        }

        /** Shifts the axes by fractions of their length. */
        void pan(double fx, double fy) {
            JFreeChart c = getChart();
            if (c == null) {
                return;
            }
            if (c.getPlot() instanceof CombinedDomainXYPlot cp) {
                shift(cp.getDomainAxis(), fx);
                for (Object p : cp.getSubplots()) {
                    XYPlot xy = (XYPlot) p;
                    shift(xy.getRangeAxis(), fy);
                }
            } else if (c.getPlot() instanceof XYPlot xy) {
                shift(xy.getDomainAxis(), fx);
                shift(xy.getRangeAxis(), fy);
            }
        }

        private void shift(ValueAxis a, double f) {
            if (a != null && f != 0) {
                a.pan(a.isInverted() ? -f : f);
            }
        }
    }
}
