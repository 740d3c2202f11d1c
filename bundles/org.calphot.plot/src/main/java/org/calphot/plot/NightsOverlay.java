// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.util.List;

import org.calphot.plot.internal.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.DefaultIntervalXYDataset;

/**
 * Several nights of one object in phase: one panel per band, one colour and marker per night (the legend names
 * the nights), flux in mJy with error bars. {@code bands.get(b).get(n)} is night n in band b (null when that night
 * has no such band); its series label is the night's name.
 */
public final class NightsOverlay {

    private NightsOverlay() {
    }

    public static JFreeChart build(String title, XAxisKind xKind, List<String> bandLabels, List<List<Series>> bands) {
        if (bandLabels.isEmpty() || bandLabels.size() != bands.size()) {
            throw new IllegalArgumentException("an overlay needs one list of nights per band");
        }
        double offset = xKind.offset(bands.stream().flatMap(List::stream).filter(s -> s != null)
                .map(Series::x).toArray(double[][]::new));
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(Charts.axis(xKind.label(offset)));
        combined.setGap(12);
        for (int b = 0; b < bands.size(); b++) {
            XYPlot plot = new XYPlot();
            NumberAxis y = Charts.axis("Flux (mJy)");
            y.setUpperMargin(0.18);
            plot.setRangeAxis(y);
            DefaultIntervalXYDataset data = Charts.intervalDataset();
            XYErrorRenderer r = Charts.errorRenderer();
            List<Series> nights = bands.get(b);
            int k = 0;
            for (int n = 0; n < nights.size(); n++) {
                Series s = nights.get(n);
                if (s == null) {
                    continue;
                }
                data.addSeries(s.label(), Charts.xyErr(s.x(), s.y(), s.yErr(), offset, null));
                // the same colour and marker for a night in every band, so one legend serves all panels
                r.setSeriesPaint(k, Palette.cycle(n));
                r.setSeriesShape(k, Charts.marker(n, 6));
                r.setErrorPaint(Palette.lighter(Palette.GREY, 0.5));
                r.setSeriesVisibleInLegend(k, b == 0);
                k++;
            }
            plot.setDataset(data);
            plot.setRenderer(r);
            Charts.panelLabel(plot, bandLabels.get(b));
            combined.add(plot, 1);
        }
        return Charts.chart(title, combined, true);
    }
}
