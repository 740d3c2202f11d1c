// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.awt.Color;

import org.calphot.plot.internal.Charts;
import org.calphot.plot.internal.ValueScale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Walker traces: one panel per parameter against step, every walker a thin translucent line; the burn-in is shaded.
 * Long chains are drawn at most {@value #MAX_POINTS} points per walker (every k-th step), which keeps PDFs small
 * and still shows drifts and stuck walkers.
 */
public final class TraceFigure {

    public static final int MAX_POINTS = 1500;

    private TraceFigure() {
    }

    public static JFreeChart build(String title, McmcSamples chain, int burnIn) {
        int stride = Math.max(1, (int) Math.ceil(chain.nSteps() / (double) MAX_POINTS));
        int nPts = (chain.nSteps() + stride - 1) / stride;
        NumberAxis xAxis = Charts.axis(stride == 1 ? "Step" : "Step (1 in " + stride + " drawn)");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(xAxis);
        combined.setGap(10);
        // fainter lines when many walkers overlap
        double alpha = Math.max(0.12, Math.min(0.6, 6.0 / chain.nWalkers()));
        for (int d = 0; d < chain.nDim(); d++) {
            double[] post = Charts.sortedFinite(chain.flat(d, burnIn));
            ValueScale vs = post.length > 1 ? ValueScale.of(Charts.quantile(post, 0.5),
                    Charts.quantile(post, 0.84) - Charts.quantile(post, 0.16)) : ValueScale.IDENTITY;
            DefaultXYDataset data = Charts.xyDataset();
            XYLineAndShapeRenderer r = Charts.lineRenderer();
            Color c = Palette.alpha(Palette.BLUE, alpha);
            for (int w = 0; w < chain.nWalkers(); w++) {
                double[][] xy = new double[2][nPts];
                for (int i = 0; i < nPts; i++) {
                    int s = i * stride;
                    xy[0][i] = s;
                    xy[1][i] = vs.apply(chain.value(s, w, d));
                }
                data.addSeries("walker " + w, xy);
                r.setSeriesPaint(w, c);
                r.setSeriesStroke(w, Charts.stroke(0.8));
            }
            XYPlot plot = new XYPlot();
            NumberAxis y = Charts.axis(vs.label(chain.names()[d], chain.units()[d]));
            if (post.length > 1) {
                // scale to the converged part; walkers far out during burn-in may leave the panel, else the
                // posterior would be a flat line squashed by the starting spread
                double a = vs.apply(Charts.quantile(post, 0.001));
                double b = vs.apply(Charts.quantile(post, 0.999));
                double pad = b > a ? 0.6 * (b - a) : 1;
                y.setRange(a - pad, b + pad);
            }
            plot.setRangeAxis(y);
            plot.setDataset(data);
            plot.setRenderer(r);
            if (burnIn > 0) {
                IntervalMarker m = new IntervalMarker(0, Math.min(burnIn, chain.nSteps() - 1),
                        new Color(0, 0, 0, 28));
                if (d == 0) {
                    m.setLabel("burn-in");
                    m.setLabelFont(FigureStyle.ANNOTATION_FONT);
                    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                    m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 6, 4, 6));
                }
                plot.addDomainMarker(m, Layer.BACKGROUND);
            }
            combined.add(plot, 1);
        }
        xAxis.setRange(0, chain.nSteps() - 1);
        return Charts.chart(title, combined, false);
    }
}
