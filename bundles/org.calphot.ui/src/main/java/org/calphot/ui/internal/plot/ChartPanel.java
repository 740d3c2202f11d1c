// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

import java.awt.Dimension;
import java.nio.file.Path;
import java.util.Locale;

import org.calphot.core.CalphotException;
import org.calphot.plot.FigurePage;
import org.calphot.plot.FigureExport;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
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
import org.jfree.chart.ui.Drawable;
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
    private ChartCanvas chart;
    private Label readout;
    private String exportName = "figure";
    /** The folder the export dialog starts in (the run's figures), else null for the dialog's default. */
    private Path exportFolder;
    private FigurePageCanvas pageCanvas;
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
        chart = new ChartCanvas(page, () -> selector, this::exportDialog);
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
            pageCanvas = new FigurePageCanvas(this, this::enlarge, this::exportDialog);
        }
        pageCanvas.setPage(p);
        stack.topControl = pageCanvas;
        layout(true, true);
        pageCanvas.redraw();
    }

    /** The figure shown (a chart or a page), else null. */
    public Drawable figure() {
        if (pageCanvas != null && stack.topControl == pageCanvas) {
            return pageCanvas.page();
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
        return pageCanvas != null && stack.topControl == pageCanvas ? pageCanvas.page() : null;
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
            return pageCanvas.readoutText();
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
            pageCanvas.redrawPage();
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
}
