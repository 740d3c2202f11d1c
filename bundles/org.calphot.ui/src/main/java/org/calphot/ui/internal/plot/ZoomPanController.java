// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

import java.awt.geom.Rectangle2D;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.calphot.ui.internal.plot.ChartPanel.SelectionBox;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.graphics.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The pointer gestures of a {@link ChartCanvas} apart from its drawing: pan with the middle button or Shift+drag,
 * and in select mode a dragged box handed to the selector instead of a zoom. Zooming itself (box, wheel) is
 * jfreechart-swt's; the canvas forwards its mouse events here first and lets the chart composite handle what is
 * not consumed.
 */
final class ZoomPanController {

    /** What the controller needs from the chart widget. */
    interface Target {
        JFreeChart chart();

        /** The data area in canvas pixels. */
        Rectangle screenDataArea();

        PlotRenderingInfo plotInfo();

        /** The chart composite's own mouse-up (ends its rubber band), with zooming off when {@code zoom} is false. */
        void defaultMouseUp(MouseEvent e, boolean zoom);
    }

    private final Target target;
    private final Supplier<Consumer<SelectionBox>> selector;
    private int panX = -1;
    private int panY = -1;
    private int boxX = -1;
    private int boxY = -1;

    ZoomPanController(Target target, Supplier<Consumer<SelectionBox>> selector) {
        this.target = target;
        this.selector = selector;
    }

    private static boolean isPan(MouseEvent e) {
        return e.button == 2 || (e.button == 1 && (e.stateMask & SWT.SHIFT) != 0);
    }

    /** True when the press starts a pan (the chart composite must not see it). */
    boolean mouseDown(MouseEvent e) {
        if (isPan(e)) {
            panX = e.x;
            panY = e.y;
            return true;
        }
        if (selector.get() != null && e.button == 1) {
            boxX = e.x;
            boxY = e.y;
        }
        return false;
    }

    /** True when the move was a pan step. */
    boolean mouseMove(MouseEvent e) {
        if (panX < 0) {
            return false;
        }
        Rectangle area = target.screenDataArea();
        if (area.width > 0 && area.height > 0) {
            pan(-(double) (e.x - panX) / area.width, (double) (e.y - panY) / area.height);
        }
        panX = e.x;
        panY = e.y;
        return true;
    }

    /** True when the release ended a pan or a selection (already handled). */
    boolean mouseUp(MouseEvent e) {
        if (panX >= 0) {
            panX = -1;
            panY = -1;
            return true;
        }
        Consumer<SelectionBox> onBox = selector.get();
        if (onBox != null && boxX >= 0) {
            int x0 = boxX;
            int y0 = boxY;
            boxX = -1;
            boxY = -1;
            // let the chart composite end its rubber band without zooming
            target.defaultMouseUp(e, false);
            SelectionBox b = box(x0, y0, e.x, e.y);
            if (b != null) {
                onBox.accept(b);
            }
            return true;
        }
        return false;
    }

    /** The data bounds of a box between two canvas points, in the panel under its first corner. */
    private SelectionBox box(int x0, int y0, int x1, int y1) {
        JFreeChart c = target.chart();
        PlotRenderingInfo info = target.plotInfo();
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
        JFreeChart c = target.chart();
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

    private static void shift(ValueAxis a, double f) {
        if (a != null && f != 0) {
            a.pan(a.isInverted() ? -f : f);
        }
    }
}
