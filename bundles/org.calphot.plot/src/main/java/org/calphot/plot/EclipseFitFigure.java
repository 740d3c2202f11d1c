// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.awt.Color;
import java.util.Locale;

import org.calphot.plot.internal.Charts;
import org.calphot.plot.internal.ValueScale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * One fitted eclipse: data with error bars, the model, the mid-eclipse time (line, ±1σ band) and its value, and
 * below it the residuals (data − model).
 */
public final class EclipseFitFigure {

    private EclipseFitFigure() {
    }

    public static JFreeChart build(String title, String yLabel, EclipseFit fit) {
        double offset = XAxisKind.BMJD_TDB.offset(fit.bmjdTdb(), fit.modelBmjdTdb());
        NumberAxis xAxis = Charts.axis(XAxisKind.BMJD_TDB.label(offset));
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(xAxis);
        combined.setGap(8);
        double mid = fit.midBmjdTdb() - offset;

        XYPlot top = new XYPlot();
        top.setRangeAxis(Charts.axis(yLabel));
        DefaultXYDataset model = Charts.xyDataset();
        model.addSeries("model", Charts.xy(fit.modelBmjdTdb(), fit.modelFlux(), offset, null));
        XYLineAndShapeRenderer mr = Charts.lineRenderer();
        mr.setSeriesPaint(0, Palette.VERMILLION);
        mr.setSeriesStroke(0, Charts.stroke(2.2));
        top.setDataset(0, model);
        top.setRenderer(0, mr);
        DefaultIntervalXYDataset data = Charts.intervalDataset();
        double[][] d = Charts.xyErr(fit.bmjdTdb(), fit.flux(), fit.fluxErr(), offset, null);
        data.addSeries("data", d);
        XYErrorRenderer dr = Charts.errorRenderer();
        dr.setSeriesPaint(0, Palette.BLUE);
        dr.setSeriesShape(0, Charts.circle(Charts.markerSize(d[0].length)));
        dr.setErrorPaint(Palette.lighter(Palette.BLUE, 0.55));
        top.setDataset(1, data);
        top.setRenderer(1, dr);
        markMid(top, mid, fit.midErrDays());
        String text = String.format(Locale.ROOT, "Mid-eclipse %s BMJD(TDB)  (1\u03c3 = %.2f s)",
                ValueScale.withErrors(fit.midBmjdTdb(), fit.midErrDays(), fit.midErrDays()),
                fit.midErrDays() * 86400.0);
        TextTitle t = new TextTitle(text, FigureStyle.ANNOTATION_FONT);
        t.setBackgroundPaint(new Color(255, 255, 255, 240));
        t.setPadding(new RectangleInsets(2, 5, 2, 5));
        top.addAnnotation(new XYTitleAnnotation(0.5, 0.985, t, RectangleAnchor.TOP));
        ((NumberAxis) top.getRangeAxis()).setUpperMargin(0.18);
        combined.add(top, 3);

        XYPlot bottom = new XYPlot();
        int u = yLabel.lastIndexOf('(');
        NumberAxis resAxis = Charts.axis(u >= 0 ? "Residual " + yLabel.substring(u) : "Residual");
        bottom.setRangeAxis(resAxis);
        double[] res = new double[fit.bmjdTdb().length];
        for (int i = 0; i < res.length; i++) {
            res[i] = fit.flux()[i] - fit.modelAt(fit.bmjdTdb()[i]);
        }
        DefaultIntervalXYDataset rd = Charts.intervalDataset();
        double[][] r = Charts.xyErr(fit.bmjdTdb(), res, fit.fluxErr(), offset, null);
        rd.addSeries("residuals", r);
        XYErrorRenderer rr = Charts.errorRenderer();
        rr.setSeriesPaint(0, Palette.BLUE);
        rr.setSeriesShape(0, Charts.circle(Charts.markerSize(r[0].length)));
        rr.setErrorPaint(Palette.lighter(Palette.BLUE, 0.55));
        bottom.setDataset(rd);
        bottom.setRenderer(rr);
        ValueMarker zero = new ValueMarker(0, Color.BLACK, Charts.stroke(1.2));
        bottom.addRangeMarker(zero);
        markMid(bottom, mid, fit.midErrDays());
        combined.add(bottom, 1);
        return Charts.chart(title, combined, false);
    }

    private static void markMid(XYPlot plot, double mid, double err) {
        if (!Double.isFinite(mid)) {
            return;
        }
        if (Double.isFinite(err) && err > 0) {
            IntervalMarker band = new IntervalMarker(mid - err, mid + err, Palette.alpha(Palette.GREEN, 0.25));
            plot.addDomainMarker(band, Layer.BACKGROUND);
        }
        // behind the data and the text box, so it never strikes through the mid-time label
        ValueMarker m = new ValueMarker(mid, Palette.GREEN, Charts.dashed(2.0));
        plot.addDomainMarker(m, Layer.BACKGROUND);
    }
}
