// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The house style of calphot figures. Sizes are in points of a figure {@value #REFERENCE_WIDTH} units wide;
 * {@link FigureExport} scales the whole drawing to the requested output width, so a PNG 1000 px wide shows tick labels
 * at 15 px and a 2000 px one at 30 px: text keeps its size relative to the figure.
 */
public final class FigureStyle {

    /** Width in drawing units that the font sizes below are chosen for. */
    public static final int REFERENCE_WIDTH = 1000;

    public static final String FONT_FAMILY = Font.SANS_SERIF;
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 20);
    public static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 15);
    public static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 17);
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 15);
    public static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    public static final Font ANNOTATION_FONT = new Font(FONT_FAMILY, Font.PLAIN, 15);
    public static final Font PANEL_LABEL_FONT = new Font(FONT_FAMILY, Font.BOLD, 16);

    /** Right padding of a chart, drawing units: half the widest x tick label (e.g. "60384.00"). */
    public static final double RIGHT_PADDING = 34;

    public static final Color GRID = new Color(0xE3E3E3);
    public static final Color AXIS_LINE = new Color(0x404040);

    private FigureStyle() {
    }

    /** Applies fonts, white background and light grid to a chart and all its (sub)plots and axes. */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        // room on the right: a tick label centred on the last tick of the x axis would otherwise be cut in half
        chart.setPadding(new RectangleInsets(6, 6, 6, RIGHT_PADDING));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE_FONT);
            chart.getTitle().setPaint(Color.BLACK);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof LegendTitle lt) {
                lt.setItemFont(LEGEND_FONT);
                lt.setBackgroundPaint(Color.WHITE);
                lt.setFrame(org.jfree.chart.block.BlockBorder.NONE);
                // space after each entry so neighbouring entries do not read as one
                lt.setItemLabelPadding(new RectangleInsets(2, 4, 2, 22));
            } else if (t instanceof TextTitle tt) {
                tt.setFont(SUBTITLE_FONT);
            }
        }
        applyPlot(chart.getPlot());
        return chart;
    }

    static void applyPlot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(AXIS_LINE);
        plot.setOutlineStroke(new BasicStroke(1.0f));
        if (plot instanceof CombinedDomainXYPlot c) {
            styleAxis(c.getDomainAxis());
            @SuppressWarnings("unchecked")
            List<XYPlot> subs = c.getSubplots();
            for (XYPlot p : subs) {
                applyPlot(p);
            }
        } else if (plot instanceof XYPlot p) {
            p.setDomainGridlinePaint(GRID);
            p.setRangeGridlinePaint(GRID);
            p.setDomainGridlineStroke(new BasicStroke(1.0f));
            p.setRangeGridlineStroke(new BasicStroke(1.0f));
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                styleAxis(p.getDomainAxis(i));
            }
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                styleAxis(p.getRangeAxis(i));
            }
        }
    }

    public static void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLinePaint(AXIS_LINE);
        axis.setTickMarkPaint(AXIS_LINE);
        axis.setTickMarkOutsideLength(5f);
        axis.setTickMarkInsideLength(0f);
        if (axis instanceof ValueAxis va) {
            va.setMinorTickMarksVisible(false);
        }
    }
}
