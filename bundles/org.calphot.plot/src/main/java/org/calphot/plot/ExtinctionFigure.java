// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

import org.calphot.plot.internal.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Extinction of one band: a panel per aperture (apertures differ by magnitudes, the slopes by hundredths, so they
 * get their own y ranges), magnitude axis inverted (brighter up), the fitted line and k ± σ in each panel.
 */
public final class ExtinctionFigure {

    private ExtinctionFigure() {
    }

    public static JFreeChart build(String title, String band, List<ExtinctionAperture> apertures) {
        if (apertures.isEmpty()) {
            throw new IllegalArgumentException("an extinction figure needs at least one aperture");
        }
        NumberAxis xAxis = Charts.axis("Airmass");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(xAxis);
        combined.setGap(12);
        Color colour = Palette.band(band, 0);
        boolean anyRejected = false;
        for (ExtinctionAperture a : apertures) {
            NumberAxis yAxis = Charts.axis("Instrumental mag");
            yAxis.setInverted(true);
            XYPlot plot = new XYPlot();
            plot.setRangeAxis(yAxis);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double x : a.airmass()) {
                if (Double.isFinite(x)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
            DefaultXYDataset line = Charts.xyDataset();
            if (lo <= hi) {
                line.addSeries("fit", new double[][] {{lo, hi}, {a.fit().at(lo), a.fit().at(hi)}});
            }
            XYLineAndShapeRenderer lr = Charts.lineRenderer();
            lr.setSeriesPaint(0, Color.BLACK);
            lr.setSeriesStroke(0, Charts.stroke(2.0));
            plot.setDataset(0, line);
            plot.setRenderer(0, lr);

            DefaultIntervalXYDataset used = Charts.intervalDataset();
            double[][] d = Charts.xyErr(a.airmass(), a.mag(), a.magErr(), 0, Charts.not(a.rejected(),
                    a.airmass().length));
            used.addSeries("used", d);
            XYErrorRenderer r = Charts.errorRenderer();
            r.setSeriesPaint(0, colour);
            r.setSeriesShape(0, Charts.circle(Charts.markerSize(d[0].length)));
            r.setErrorPaint(Palette.lighter(colour, 0.55));
            plot.setDataset(1, used);
            plot.setRenderer(1, r);
            if (a.rejected() != null) {
                double[][] rej = Charts.xyErr(a.airmass(), a.mag(), a.magErr(), 0, a.rejected());
                if (rej[0].length > 0) {
                    anyRejected = true;
                    DefaultIntervalXYDataset rd = Charts.intervalDataset();
                    rd.addSeries("rejected", rej);
                    XYErrorRenderer rr = Charts.errorRenderer();
                    rr.setSeriesPaint(0, Palette.GREY);
                    rr.setSeriesShape(0, Charts.cross(7));
                    rr.setErrorPaint(Palette.lighter(Palette.GREY, 0.5));
                    plot.setDataset(2, rd);
                    plot.setRenderer(2, rr);
                }
            }
            // the axis must be inverted before the annotations are placed (they follow its direction)
            // label and k in one box: two boxes overlapped in narrow views
            Charts.panelLabel(plot, a.label(), String.format(Locale.ROOT, "k = %s mag/airmass",
                    org.calphot.plot.internal.ValueScale.withErrors(a.fit().slope(), a.kErr(), a.kErr())));
            // inverted axis: the top of the panel is the lower bound; leave room there for the label box (two lines
            // when the panel is narrow)
            yAxis.setLowerMargin(0.45);
            combined.add(plot, 1);
        }
        JFreeChart chart = Charts.chart(title, combined, true);
        LegendItemCollection items = new LegendItemCollection();
        items.add(legend("Used in the fit", Charts.circle(9), colour));
        if (anyRejected) {
            items.add(legend("Rejected (clipped)", Charts.cross(9), Palette.GREY));
        }
        LegendItem fit = new LegendItem("Fit m = m\u2080 + k X", null, null, null,
                new java.awt.geom.Line2D.Double(-10, 0, 10, 0), Charts.stroke(2.0), Color.BLACK);
        fit.setLabelFont(FigureStyle.LEGEND_FONT);
        items.add(fit);
        combined.setFixedLegendItems(items);
        FigureStyle.apply(chart);
        return chart;
    }

    private static LegendItem legend(String label, java.awt.Shape s, Color c) {
        LegendItem li = new LegendItem(label, null, null, null, s, c);
        li.setLabelFont(FigureStyle.LEGEND_FONT);
        return li;
    }
}
