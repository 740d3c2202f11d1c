// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.calphot.ui.internal.plot.ChartPanel.SelectionBox;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.events.MouseWheelListener;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.swt.ChartComposite;

/**
 * The chart widget of a {@link ChartPanel}: jfreechart-swt's ChartComposite with wheel zoom, arrow-key pan and our
 * export items in its pop-up menu; drag gestures (pan, select) go to its {@link ZoomPanController}.
 */
final class ChartCanvas extends ChartComposite {

    private final ZoomPanController gestures;
    // read when a menu item is chosen: the pop-up menu itself is made in the super constructor
    private final Consumer<String> export;

    /** {@code selector}: where boxes dragged in select mode go (null: zoom); {@code export}: "png" or "pdf". */
    ChartCanvas(Composite parent, Supplier<Consumer<SelectionBox>> selector, Consumer<String> export) {
        // properties and zoom items, tooltips; no "Save as"/"Print" (the former is broken with JFreeChart 1.5)
        // No minimum or maximum draw size: jfreechart-swt draws at the widget's real size but divides pointer
        // positions by (size / bound) outside 300x200..800x600, so zoom boxes and read-outs missed the data.
        super(parent, SWT.NONE, new JFreeChart(new XYPlot()), DEFAULT_WIDTH, DEFAULT_HEIGHT, 0, 0,
                Integer.MAX_VALUE, Integer.MAX_VALUE, false, true, false, false, true, true);
        this.gestures = new ZoomPanController(new ZoomPanController.Target() {
            @Override
            public JFreeChart chart() {
                return getChart();
            }

            @Override
            public Rectangle screenDataArea() {
                return getScreenDataArea();
            }

            @Override
            public PlotRenderingInfo plotInfo() {
                return getChartRenderingInfo().getPlotInfo();
            }

            @Override
            public void defaultMouseUp(MouseEvent e, boolean zoom) {
                boolean dz = isDomainZoomable();
                boolean rz = isRangeZoomable();
                if (!zoom) {
                    setDomainZoomable(false);
                    setRangeZoomable(false);
                }
                try {
                    ChartCanvas.super.mouseUp(e);
                } finally {
                    setDomainZoomable(dz);
                    setRangeZoomable(rz);
                }
            }
        }, selector);
        this.export = export;
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
                    case SWT.ARROW_LEFT -> gestures.pan(-0.1, 0);
                    case SWT.ARROW_RIGHT -> gestures.pan(0.1, 0);
                    case SWT.ARROW_UP -> gestures.pan(0, 0.1);
                    case SWT.ARROW_DOWN -> gestures.pan(0, -0.1);
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
        png.addListener(SWT.Selection, ev -> export.accept("png"));
        MenuItem pdf = new MenuItem(m, SWT.PUSH);
        pdf.setText("Export as PDF...");
        pdf.addListener(SWT.Selection, ev -> export.accept("pdf"));
        return m;
    }

    @Override
    public void mouseDown(MouseEvent e) {
        if (!gestures.mouseDown(e)) {
            super.mouseDown(e);
        }
    }

    @Override
    public void mouseMove(MouseEvent e) {
        if (!gestures.mouseMove(e)) {
            super.mouseMove(e);
        }
    }

    @Override
    public void mouseUp(MouseEvent e) {
        if (!gestures.mouseUp(e)) {
            super.mouseUp(e);
        }
    }
}
