// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.util.List;

import org.calphot.plot.internal.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The per-band overplot: flux-calibrated lightcurves of several runs in one band against phase, drawn as steps
 * (as cal_phot's overplot), one colour per run.
 */
public final class OverplotFigure {

    private OverplotFigure() {
    }

    public static JFreeChart build(String title, XAxisKind xKind, String yLabel, List<Series> runs) {
        double[][] xs = runs.stream().map(Series::x).toArray(double[][]::new);
        double offset = xKind.offset(xs);
        DefaultXYDataset data = Charts.xyDataset();
        XYStepRenderer r = new XYStepRenderer();
        r.setStepPoint(0.5);
        r.setDefaultShapesVisible(false);
        int k = 0;
        for (Series s : runs) {
            data.addSeries(s.label(), Charts.sortByX(Charts.xy(s.x(), s.y(), offset, null)));
            r.setSeriesPaint(k, Palette.cycle(k));
            r.setSeriesStroke(k, Charts.stroke(1.6));
            k++;
        }
        NumberAxis xAxis = Charts.axis(xKind.label(offset));
        NumberAxis yAxis = Charts.axis(yLabel);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        return Charts.chart(title, plot, true);
    }
}
