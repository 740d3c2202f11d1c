// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

import org.calphot.plot.internal.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The comparison diagnostics page: per band, every pair's normalised ratio shifted apart vertically (the shift is
 * named in the legend), with its fitted straight line and slope. A drifting or noisy comparison stands out.
 */
public final class ComparisonPage {

    private ComparisonPage() {
    }

    /**
     * The vertical shift between consecutive series in a panel: wide enough that the central 98 % of every series
     * clears its neighbour, rounded up to 1, 2 or 5 × 10ⁿ.
     */
    public static double shiftStep(List<ComparisonSeries> series) {
        double widest = 0;
        for (ComparisonSeries s : series) {
            double[] v = Charts.sortedFinite(s.ratio());
            if (v.length > 1) {
                widest = Math.max(widest, Charts.quantile(v, 0.99) - Charts.quantile(v, 0.01));
            }
        }
        double step = Math.max(widest * 1.25, 0.01);
        double p = Math.pow(10, Math.floor(Math.log10(step)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= step) {
                return m * p;
            }
        }
        return 10 * p;
    }

    public static JFreeChart build(String title, XAxisKind xKind, List<ComparisonPanel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a comparison page needs at least one panel");
        }
        double[][] xs = panels.stream().flatMap(p -> p.series().stream()).map(ComparisonSeries::x)
                .toArray(double[][]::new);
        double offset = xKind.offset(xs);
        NumberAxis xAxis = Charts.axis(xKind.label(offset));
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(xAxis);
        combined.setGap(12);
        String slopeUnit = xKind.isTime() ? " d\u207b\u00b9" : " cycle\u207b\u00b9";
        for (ComparisonPanel panel : panels) {
            XYPlot plot = new XYPlot();
            NumberAxis yAxis = Charts.axis(panel.series().size() > 1 ? "Normalised ratio + shift" : "Normalised ratio");
            plot.setRangeAxis(yAxis);
            DefaultXYDataset fits = Charts.xyDataset();
            DefaultIntervalXYDataset points = Charts.intervalDataset();
            XYErrorRenderer pr = Charts.errorRenderer();
            XYLineAndShapeRenderer fr = Charts.lineRenderer();
            double step = shiftStep(panel.series());
            int k = 0;
            for (ComparisonSeries s : panel.series()) {
                double shift = k * step;
                double[] shifted = new double[s.ratio().length];
                for (int i = 0; i < shifted.length; i++) {
                    shifted[i] = s.ratio()[i] + shift;
                }
                double[][] d = Charts.xyErr(s.x(), shifted, s.ratioErr(), offset, null);
                String key = String.format(Locale.ROOT, "%s: slope %+.3g%s%s", s.label(), s.fit().slope(), slopeUnit,
                        k == 0 ? "" : String.format(Locale.ROOT, " (shifted +%s)", Charts.plain(shift)));
                points.addSeries(key, d);
                Color c = Palette.cycle(k);
                pr.setSeriesPaint(k, c);
                pr.setSeriesShape(k, Charts.marker(k, Charts.markerSize(d[0].length)));
                if (d[0].length > 0) {
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    for (double v : d[0]) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                    double[][] line = {{lo, hi},
                            {s.fit().at(lo + offset) + shift, s.fit().at(hi + offset) + shift}};
                    fits.addSeries(key + " fit", line);
                    int fi = fits.getSeriesCount() - 1;
                    fr.setSeriesPaint(fi, Color.BLACK);
                    fr.setSeriesStroke(fi, Charts.dashed(2.0));
                    fr.setSeriesVisibleInLegend(fi, false);
                }
                k++;
            }
            // XYErrorRenderer has one error paint for all series: keep the bars in series colour but thin
            pr.setErrorStroke(new java.awt.BasicStroke(0.6f));
            plot.setDataset(0, fits);
            plot.setRenderer(0, fr);
            plot.setDataset(1, points);
            plot.setRenderer(1, pr);
            // leave room at the top for the legend box
            yAxis.setUpperMargin(0.06 + 0.075 * (k + 1));
            yAxis.setLowerMargin(0.05);
            Charts.panelLabel(plot, panel.label());
            // up to 85 % of the panel: the slope at the end of each entry must not be cut off in a narrow view
            Charts.panelLegend(plot, RectangleAnchor.TOP_RIGHT, 0.995, 0.985, 0.85);
            combined.add(plot, 1);
        }
        return Charts.chart(title, combined, false);
    }
}
