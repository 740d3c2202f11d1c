package org.calphot.ui.internal.plot;

import java.awt.Dimension;
import java.nio.file.Path;
import java.util.Locale;

import org.calphot.core.CalphotException;
import org.calphot.plot.Figures;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.events.MouseWheelListener;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
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
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * A JFreeChart in SWT with what the plot views share: a message instead of an empty chart, zoom (drag a box, mouse
 * wheel), pan (middle button or Shift+drag, arrow keys), the value under the pointer in a line below the chart, and
 * "Export as PNG/PDF" through {@link Figures#write} in place of jfreechart-swt 1.0's "Save as" (which calls a class
 * JFreeChart 1.5 no longer has).
 */
public final class ChartPanel extends Composite {

    private final StackLayout stack = new StackLayout();
    private Composite page;
    private final Label message;
    private Chart chart;
    private Label readout;
    private String exportName = "figure";

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

    /** Shows a chart, or the message when {@code c} is null. */
    public void setChart(JFreeChart c, String exportName) {
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

    public void setMessage(String text) {
        message.setText(text);
        stack.topControl = message;
        layout(true, true);
    }

    public JFreeChart chart() {
        return page != null && stack.topControl == page ? chart.getChart() : null;
    }

    public boolean hasChart() {
        return page != null && stack.topControl == page;
    }

    public String readoutText() {
        return readout == null ? "" : readout.getText();
    }

    public void resetZoom() {
        if (chart() != null) {
            chart.restoreAutoBounds();
        }
    }

    /** Asks for a file and writes the chart there as PNG (1400 px wide) or PDF (10 in wide), by the extension. */
    public void exportDialog(String extension) {
        JFreeChart c = chart();
        if (c == null) {
            return;
        }
        FileDialog d = new FileDialog(getShell(), SWT.SAVE);
        d.setText("Export " + extension.toUpperCase(Locale.ROOT));
        d.setFilterExtensions(new String[] {"*." + extension});
        d.setFileName(exportName + "." + extension);
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
        JFreeChart c = chart();
        if (c == null) {
            throw new CalphotException("no figure to export");
        }
        Dimension pref = Figures.preferredSize(c);
        boolean pdf = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
        int w = pdf ? 720 : 1400;
        Figures.write(c, file, w, (int) Math.round((double) w * pref.height / pref.width));
    }

    /**
     * Stacked panels in a view are short: one y label per panel would overlap its neighbours, so only the middle
     * panel keeps its labels (the quantity is the same in every panel). Exported files are unaffected in layout.
     */
    private static void shareRangeLabels(Plot plot) {
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
        XYDataset d = it.getDataset();
        int s = it.getSeriesIndex();
        int i = it.getItem();
        String xName = chart.getChart().getPlot() instanceof CombinedDomainXYPlot cp
                ? cp.getDomainAxis().getLabel() : ((XYPlot) chart.getChart().getPlot()).getDomainAxis().getLabel();
        StringBuilder sb = new StringBuilder();
        sb.append(d.getSeriesKey(s)).append(": ").append(xName).append(" = ")
                .append(String.format(Locale.ROOT, "%.6f", d.getXValue(s, i)))
                .append(", y = ").append(String.format(Locale.ROOT, "%.5g", d.getYValue(s, i)));
        if (d instanceof IntervalXYDataset id) {
            double err = (id.getEndYValue(s, i) - id.getStartYValue(s, i)) / 2;
            if (Double.isFinite(err) && err > 0) {
                sb.append(String.format(Locale.ROOT, " \u00b1 %.3g", err));
            }
        }
        return sb.toString();
    }

    /** ChartComposite with wheel zoom, drag pan and our export items in its pop-up menu. */
    private final class Chart extends ChartComposite {
        private int panX = -1;
        private int panY = -1;

        Chart(Composite parent) {
            // properties and zoom items, tooltips; no "Save as"/"Print" (the former is broken with JFreeChart 1.5)
            super(parent, SWT.NONE, new JFreeChart(new XYPlot()), true, false, false, true, true);
            addSWTListener((MouseWheelListener) e -> {
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
            super.mouseUp(e);
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
