// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Paint;

import org.calphot.plot.internal.Charts;
import org.calphot.plot.internal.ValueScale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Corner plot of a posterior: 1D histograms on the diagonal with the 16/50/84 % quantiles (dashed/solid) and the
 * median ± errors above each column; 2D sample densities below the diagonal. Parameters with a large value and a
 * small spread are drawn relative to an offset and in a power of ten named in the axis label.
 */
public final class CornerPlot {

    /** Quantiles marked on the 1D histograms. */
    public static final double[] QUANTILES = {0.16, 0.5, 0.84};

    private CornerPlot() {
    }

    /**
     * @param burnIn steps dropped from the start of every walker
     * @param truths reference values per parameter (e.g. a published ephemeris) or null; NaN entries are skipped
     */
    public static FigurePage build(String title, McmcSamples chain, int burnIn, double[] truths) {
        int n = chain.nDim();
        if (truths != null && truths.length != n) {
            throw new IllegalArgumentException("need " + n + " reference values");
        }
        double[][] shown = new double[n][];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[][] q = new double[n][];
        ValueScale[] scale = new ValueScale[n];
        String[] labels = new String[n];
        String[] captions = new String[n * n];
        int nSamples = 0;
        for (int d = 0; d < n; d++) {
            double[] flat = chain.flat(d, burnIn);
            double[] sorted = Charts.sortedFinite(flat);
            if (sorted.length < 2) {
                throw new IllegalArgumentException("parameter " + chain.names()[d] + " has fewer than 2 samples "
                        + "after burn-in");
            }
            nSamples = sorted.length;
            q[d] = new double[QUANTILES.length];
            for (int k = 0; k < QUANTILES.length; k++) {
                q[d][k] = Charts.quantile(sorted, QUANTILES[k]);
            }
            scale[d] = ValueScale.of(q[d][1], q[d][2] - q[d][0]);
            shown[d] = scale[d].apply(flat);
            // range: the central 99.6 % (a stuck walker must not squash the plot), padded by 5 %
            double a = scale[d].apply(Charts.quantile(sorted, 0.002));
            double b = scale[d].apply(Charts.quantile(sorted, 0.998));
            if (!(b > a)) {
                a -= 0.5;
                b += 0.5;
            }
            lo[d] = a - 0.05 * (b - a);
            hi[d] = b + 0.05 * (b - a);
            labels[d] = scale[d].label(chain.names()[d], chain.units()[d]);
            captions[d * n + d] = chain.names()[d] + " = " + ValueScale.withErrors(q[d][1], q[d][1] - q[d][0],
                    q[d][2] - q[d][1]);
        }
        int bins = (int) Math.max(10, Math.min(40, Math.sqrt(nSamples) / 2));
        JFreeChart[] cells = new JFreeChart[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c <= r; c++) {
                double truthX = truths == null ? Double.NaN : scale[c].apply(truths[c]);
                if (r == c) {
                    cells[r * n + c] = histogram(shown[c], lo[c], hi[c], bins, scale[c].apply(q[c]), truthX);
                } else {
                    double truthY = truths == null ? Double.NaN : scale[r].apply(truths[r]);
                    cells[r * n + c] = density(shown[c], shown[r], lo[c], hi[c], lo[r], hi[r], bins, truthX,
                            truthY);
                }
            }
        }
        String[] yLabels = new String[n];
        for (int r = 1; r < n; r++) {
            yLabels[r] = labels[r];
        }
        int side = Math.max(FigureStyle.REFERENCE_WIDTH, 0);
        return new FigurePage(title, n, n, cells, captions, labels, yLabels, 10, new Dimension(side, side));
    }

    private static JFreeChart histogram(double[] v, double lo, double hi, int bins, double[] quantiles,
            double truth) {
        double w = (hi - lo) / bins;
        double[] counts = new double[bins];
        for (double x : v) {
            int i = (int) Math.floor((x - lo) / w);
            if (i >= 0 && i < bins) {
                counts[i]++;
            }
        }
        double[][] d = new double[6][bins];
        for (int i = 0; i < bins; i++) {
            d[0][i] = lo + (i + 0.5) * w;
            d[1][i] = lo + i * w;
            d[2][i] = lo + (i + 1) * w;
            d[3][i] = counts[i];
            d[4][i] = counts[i];
            d[5][i] = counts[i];
        }
        DefaultIntervalXYDataset ds = Charts.intervalDataset();
        ds.addSeries("histogram", d);
        XYBarRenderer r = new XYBarRenderer(0);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setSeriesPaint(0, Palette.lighter(Palette.BLUE, 0.6));
        r.setSeriesOutlinePaint(0, Palette.BLUE);
        r.setSeriesOutlineStroke(0, Charts.stroke(1.0));
        NumberAxis x = Charts.axis(null);
        x.setRange(lo, hi);
        NumberAxis y = Charts.axis(null);
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.08);
        y.setVisible(false);
        XYPlot p = new XYPlot(ds, x, y, r);
        p.setRangeGridlinesVisible(false);
        for (int k = 0; k < quantiles.length; k++) {
            boolean median = k == quantiles.length / 2;
            p.addDomainMarker(new ValueMarker(quantiles[k], Color.BLACK,
                    median ? Charts.stroke(1.6) : Charts.dashed(1.4)), Layer.FOREGROUND);
        }
        if (Double.isFinite(truth)) {
            p.addDomainMarker(new ValueMarker(truth, Palette.VERMILLION, Charts.stroke(2.0)), Layer.FOREGROUND);
        }
        return Charts.chart(null, p, false);
    }

    private static JFreeChart density(double[] xs, double[] ys, double xlo, double xhi, double ylo, double yhi,
            int bins, double truthX, double truthY) {
        double wx = (xhi - xlo) / bins;
        double wy = (yhi - ylo) / bins;
        double[] counts = new double[bins * bins];
        double max = 0;
        for (int i = 0; i < xs.length; i++) {
            int a = (int) Math.floor((xs[i] - xlo) / wx);
            int b = (int) Math.floor((ys[i] - ylo) / wy);
            if (a >= 0 && a < bins && b >= 0 && b < bins) {
                max = Math.max(max, ++counts[a * bins + b]);
            }
        }
        double[][] d = new double[3][bins * bins];
        for (int a = 0; a < bins; a++) {
            for (int b = 0; b < bins; b++) {
                int k = a * bins + b;
                d[0][k] = xlo + (a + 0.5) * wx;
                d[1][k] = ylo + (b + 0.5) * wy;
                d[2][k] = counts[k];
            }
        }
        DefaultXYZDataset ds = new DefaultXYZDataset();
        ds.addSeries("density", d);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(wx);
        r.setBlockHeight(wy);
        r.setPaintScale(new DensityScale(max));
        NumberAxis x = Charts.axis(null);
        x.setRange(xlo, xhi);
        NumberAxis y = Charts.axis(null);
        y.setRange(ylo, yhi);
        XYPlot p = new XYPlot(ds, x, y, r);
        p.setDomainGridlinesVisible(false);
        p.setRangeGridlinesVisible(false);
        if (Double.isFinite(truthX)) {
            p.addDomainMarker(new ValueMarker(truthX, Palette.VERMILLION, Charts.stroke(1.6)), Layer.FOREGROUND);
        }
        if (Double.isFinite(truthY)) {
            p.addRangeMarker(new ValueMarker(truthY, Palette.VERMILLION, Charts.stroke(1.6)), Layer.FOREGROUND);
        }
        JFreeChart ch = Charts.chart(null, p, false);
        // blocks must not show seams from anti-aliased edges
        ch.setAntiAlias(false);
        return ch;
    }

    /** White for empty bins, then lighter to darker blue with the square root of the count. */
    static final class DensityScale implements PaintScale {
        private final double max;

        DensityScale(double max) {
            this.max = Math.max(1, max);
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            if (!(value > 0)) {
                return Color.WHITE;
            }
            double f = Math.sqrt(Math.min(1, value / max));
            return Palette.lighter(new Color(0x08306B), 1 - (0.12 + 0.88 * f));
        }
    }
}
