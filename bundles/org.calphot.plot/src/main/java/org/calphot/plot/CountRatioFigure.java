// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.calphot.plot.internal.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.DefaultIntervalXYDataset;

/**
 * Several runs (nights) overplotted, one panel per band on a shared x axis: the all-nights count-ratio figure.
 * A run keeps its colour and marker in every panel; one legend below names the runs.
 */
public final class CountRatioFigure {

    public static final String COUNT_RATIO_LABEL = "Count ratio";

    private CountRatioFigure() {
    }

    public static JFreeChart build(String title, XAxisKind xKind, List<SeriesPanel> panels) {
        return build(title, xKind, COUNT_RATIO_LABEL, panels);
    }

    /** The same layout with any y quantity, e.g. "Flux (mJy)". */
    public static JFreeChart build(String title, XAxisKind xKind, String yLabel, List<SeriesPanel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        double[][] xs = panels.stream().flatMap(p -> p.series().stream()).map(Series::x).toArray(double[][]::new);
        double offset = xKind.offset(xs);
        Map<String, Integer> runIndex = new LinkedHashMap<>();
        for (SeriesPanel p : panels) {
            for (Series s : p.series()) {
                runIndex.putIfAbsent(s.label(), runIndex.size());
            }
        }
        NumberAxis xAxis = Charts.axis(xKind.label(offset));
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(xAxis);
        combined.setGap(12);
        int maxPoints = 0;
        for (SeriesPanel p : panels) {
            XYPlot plot = new XYPlot();
            NumberAxis yAxis = Charts.axis(yLabel);
            yAxis.setUpperMargin(0.12); // room for the band label
            plot.setRangeAxis(yAxis);
            DefaultIntervalXYDataset data = Charts.intervalDataset();
            XYErrorRenderer r = Charts.errorRenderer();
            r.setErrorStroke(new java.awt.BasicStroke(0.6f));
            int k = 0;
            for (Series s : p.series()) {
                double[][] d = Charts.xyErr(s.x(), s.y(), s.yErr(), offset, null);
                data.addSeries(s.label(), d);
                int run = runIndex.get(s.label());
                r.setSeriesPaint(k, Palette.cycle(run));
                r.setSeriesShape(k, Charts.marker(run, Charts.markerSize(d[0].length)));
                maxPoints = Math.max(maxPoints, d[0].length);
                k++;
            }
            plot.setDataset(data);
            plot.setRenderer(r);
            Charts.panelLabel(plot, p.label());
            combined.add(plot, 1);
        }
        JFreeChart chart = Charts.chart(title, combined, true);
        LegendItemCollection items = new LegendItemCollection();
        for (Map.Entry<String, Integer> e : runIndex.entrySet()) {
            LegendItem li = new LegendItem(e.getKey(), null, null, null, Charts.marker(e.getValue(), 9),
                    Palette.cycle(e.getValue()));
            li.setLabelFont(FigureStyle.LEGEND_FONT);
            items.add(li);
        }
        combined.setFixedLegendItems(items);
        FigureStyle.apply(chart);
        return chart;
    }
}
