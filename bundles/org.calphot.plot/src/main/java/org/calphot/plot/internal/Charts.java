// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.Arrays;

import org.calphot.core.util.Quantile;
import org.calphot.plot.FigureStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.FlowArrangement;
import org.jfree.chart.block.LabelBlock;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.CompositeTitle;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;

/** Small building blocks shared by the figure builders. */
public final class Charts {

    private Charts() {
    }

    /** A number without exponent or trailing zeros, e.g. 58403 or 0.0623629. */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    public static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setAutoRangeStickyZero(false);
        FigureStyle.styleAxis(a);
        return a;
    }

    public static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart c = new JFreeChart(title, FigureStyle.TITLE_FONT, plot, legend);
        if (legend) {
            c.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        return FigureStyle.apply(c);
    }

    public static Shape circle(double diameter) {
        return new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
    }

    public static Shape square(double size) {
        return new Rectangle2D.Double(-size / 2, -size / 2, size, size);
    }

    /** An x-shaped cross, for flagged points (differs from a circle in shape, not only colour). */
    public static Shape cross(double size) {
        double h = size / 2;
        Path2D p = new Path2D.Double();
        double w = size / 6;
        // a filled x made of two thin diamonds, so it renders with fill like the other shapes
        p.moveTo(-h, -h + w);
        p.lineTo(-h + w, -h);
        p.lineTo(h, h - w);
        p.lineTo(h - w, h);
        p.closePath();
        p.moveTo(h - w, -h);
        p.lineTo(h, -h + w);
        p.lineTo(-h + w, h);
        p.lineTo(-h, h - w);
        p.closePath();
        return p;
    }

    public static Shape diamond(double size) {
        double h = size / 2;
        Path2D p = new Path2D.Double();
        p.moveTo(0, -h);
        p.lineTo(h, 0);
        p.lineTo(0, h);
        p.lineTo(-h, 0);
        p.closePath();
        return p;
    }

    public static Shape triangle(double size) {
        double h = size / 2;
        Path2D p = new Path2D.Double();
        p.moveTo(0, -h);
        p.lineTo(h, h);
        p.lineTo(-h, h);
        p.closePath();
        return p;
    }

    /** Distinct marker shapes for series drawn in distinct colours, so colour is never the only cue. */
    public static Shape marker(int i, double size) {
        return switch (Math.floorMod(i, 4)) {
            case 0 -> circle(size);
            case 1 -> square(size * 0.9);
            case 2 -> diamond(size * 1.2);
            default -> triangle(size);
        };
    }

    /** Marker size for a series of n points: smaller when dense so points do not merge into a band. */
    public static double markerSize(int n) {
        return n > 3000 ? 3.0 : n > 800 ? 4.0 : 6.0;
    }

    public static Stroke stroke(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    public static Stroke dashed(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f);
    }

    public static Stroke dotted(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                new float[] {1.5f, 4f}, 0f);
    }

    /** Checks that all non-null arrays have the length of the first. */
    public static int sameLength(String what, double[] first, double[]... others) {
        if (first == null) {
            throw new IllegalArgumentException(what + ": missing x values");
        }
        for (double[] o : others) {
            if (o != null && o.length != first.length) {
                throw new IllegalArgumentException(what + ": arrays differ in length (" + first.length + " vs "
                        + o.length + ")");
            }
        }
        return first.length;
    }

    /** Data for a series without error bars: {x, y}, keeping only points where both are finite and keep[i]. */
    public static double[][] xy(double[] x, double[] y, double xOffset, boolean[] keep) {
        int n = x.length;
        double[] ox = new double[n];
        double[] oy = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if ((keep == null || keep[i]) && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                ox[m] = x[i] - xOffset;
                oy[m] = y[i];
                m++;
            }
        }
        return new double[][] {Arrays.copyOf(ox, m), Arrays.copyOf(oy, m)};
    }

    /**
     * Data for a series with y error bars in {@link DefaultIntervalXYDataset}'s layout {x, x, x, y, y−e, y+e};
     * a point with a non-finite error is drawn without a bar.
     */
    public static double[][] xyErr(double[] x, double[] y, double[] err, double xOffset, boolean[] keep) {
        int n = x.length;
        double[][] d = new double[6][n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if ((keep == null || keep[i]) && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                double e = err == null || !Double.isFinite(err[i]) ? 0 : Math.abs(err[i]);
                double xv = x[i] - xOffset;
                d[0][m] = xv;
                d[1][m] = xv;
                d[2][m] = xv;
                d[3][m] = y[i];
                d[4][m] = y[i] - e;
                d[5][m] = y[i] + e;
                m++;
            }
        }
        for (int k = 0; k < 6; k++) {
            d[k] = Arrays.copyOf(d[k], m);
        }
        return d;
    }

    /** {x, y} reordered by increasing x (a step or line plot of phase-folded data must not zigzag). */
    public static double[][] sortByX(double[][] xy) {
        int n = xy[0].length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(xy[0][a], xy[0][b]));
        double[][] r = new double[2][n];
        for (int i = 0; i < n; i++) {
            r[0][i] = xy[0][idx[i]];
            r[1][i] = xy[1][idx[i]];
        }
        return r;
    }

    public static boolean[] not(boolean[] b, int n) {
        boolean[] r = new boolean[n];
        for (int i = 0; i < n; i++) {
            r[i] = b == null || !b[i];
        }
        return r;
    }

    /** Renderer for points with error bars in one colour; bars in a lighter tint so dense data stay readable. */
    public static XYErrorRenderer errorRenderer() {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setCapLength(0);
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        r.setDefaultShapesFilled(true);
        r.setErrorStroke(new BasicStroke(1.0f));
        return r;
    }

    public static XYLineAndShapeRenderer lineRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    public static XYLineAndShapeRenderer shapeRenderer() {
        return new XYLineAndShapeRenderer(false, true);
    }

    /**
     * A label ("g", "CCD 2") in the top-left corner of a panel, on a translucent white box: the text stays readable
     * over data and a point under the box still shows (an opaque box hid them).
     */
    public static void panelLabel(XYPlot plot, String text) {
        panelLabel(plot, text, null);
    }

    /**
     * A panel label followed by a detail in plain type ("aperture 1   k = 0.182 ± 0.002 mag/airmass") in one box,
     * so the two never overlap; in a narrow panel the detail wraps onto a second line.
     */
    public static void panelLabel(XYPlot plot, String text, String detail) {
        if (text == null || text.isBlank()) {
            return;
        }
        Title t;
        Color box = new Color(255, 255, 255, 165);
        if (detail == null || detail.isBlank()) {
            TextTitle tt = new TextTitle(text, FigureStyle.PANEL_LABEL_FONT);
            tt.setBackgroundPaint(box);
            t = tt;
        } else {
            BlockContainer row = new BlockContainer(new FlowArrangement(HorizontalAlignment.LEFT, VerticalAlignment.CENTER, 10, 2));
            row.add(new LabelBlock(text, FigureStyle.PANEL_LABEL_FONT));
            row.add(new LabelBlock(detail, FigureStyle.ANNOTATION_FONT));
            CompositeTitle ct = new CompositeTitle(row);
            ct.setBackgroundPaint(box);
            t = ct;
        }
        t.setPadding(new RectangleInsets(2, 5, 2, 5));
        XYTitleAnnotation a = new XYTitleAnnotation(0.005, top(plot, 0.985), t, RectangleAnchor.TOP_LEFT);
        // a long label may use most of the panel, then wraps
        a.setMaxWidth(0.98);
        plot.addAnnotation(a);
    }

    /** A legend for one panel, inside its top-right corner. Callers leave room with the range axis' upper margin. */
    public static void panelLegend(XYPlot plot, RectangleAnchor anchor, double x, double y) {
        panelLegend(plot, anchor, x, y, 0.6);
    }

    /** As above, at most {@code maxWidth} of the panel wide (entries wider than that are cut off). */
    public static void panelLegend(XYPlot plot, RectangleAnchor anchor, double x, double y, double maxWidth) {
        LegendTitle lt = new LegendTitle(plot);
        lt.setItemFont(FigureStyle.LEGEND_FONT);
        lt.setBackgroundPaint(new Color(255, 255, 255, 240));
        lt.setFrame(new BlockBorder(new Color(0xBBBBBB)));
        lt.setPadding(new RectangleInsets(2, 4, 2, 4));
        lt.setHorizontalAlignment(HorizontalAlignment.LEFT);
        lt.setItemLabelPadding(new RectangleInsets(1, 2, 1, 2));
        XYTitleAnnotation a = new XYTitleAnnotation(x, top(plot, y), lt, anchor);
        a.setMaxWidth(maxWidth);
        plot.addAnnotation(a);
    }

    /**
     * The relative y coordinate for an annotation meant {@code y} of the way up the panel: relative coordinates
     * follow the axis direction, so on an inverted axis (magnitudes) "top" is near 0.
     */
    public static double top(XYPlot plot, double y) {
        return plot.getRangeAxis() != null && plot.getRangeAxis().isInverted() ? 1 - y : y;
    }

    public static DefaultIntervalXYDataset intervalDataset() {
        return new DefaultIntervalXYDataset();
    }

    public static DefaultXYDataset xyDataset() {
        return new DefaultXYDataset();
    }

    /** Quantile q in [0,1] of ascending values: {@link Quantile#ofSorted}, numpy's default. */
    public static double quantile(double[] sorted, double q) {
        return Quantile.ofSorted(sorted, q);
    }

    public static double[] sortedFinite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
    }
}
