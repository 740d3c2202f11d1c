// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.awt.Color;
import java.util.Locale;

import org.calphot.plot.internal.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.DefaultIntervalXYDataset;

/** O−C diagram: residuals of eclipse times from the fitted ephemeris, in seconds, against cycle number. */
public final class OcFigure {

    private OcFigure() {
    }

    /** @param subtitle e.g. the ephemeris and χ²ν; null for none */
    public static JFreeChart build(String title, String subtitle, OcData oc) {
        int nSources = oc.source() == null ? 1 : oc.sourceNames().length;
        DefaultIntervalXYDataset data = Charts.intervalDataset();
        XYErrorRenderer r = Charts.errorRenderer();
        r.setErrorStroke(Charts.stroke(1.2));
        int k = 0;
        for (int s = 0; s < nSources; s++) {
            boolean[] keep = new boolean[oc.cycle().length];
            int n = 0;
            for (int i = 0; i < keep.length; i++) {
                keep[i] = oc.source() == null || oc.source()[i] == s;
                n += keep[i] ? 1 : 0;
            }
            if (n == 0) {
                continue;
            }
            String name = oc.source() == null ? (oc.sourceNames() != null && oc.sourceNames().length > 0
                    ? oc.sourceNames()[0] : "eclipse times") : oc.sourceNames()[s];
            data.addSeries(String.format(Locale.ROOT, "%s (%d)", name, n),
                    Charts.xyErr(oc.cycle(), oc.ocSeconds(), oc.errSeconds(), 0, keep));
            // black first, as the original O−C plot, then the safe cycle
            Color c = k == 0 ? Palette.BLACK : Palette.cycle(k - 1);
            r.setSeriesPaint(k, c);
            r.setSeriesShape(k, Charts.marker(k, 8));
            k++;
        }
        NumberAxis x = Charts.axis("Cycle number E");
        NumberAxis y = Charts.axis("O \u2212 C (s)");
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.addRangeMarker(new ValueMarker(0, Palette.GREY, Charts.dashed(1.5)));
        JFreeChart chart = Charts.chart(title, plot, true);
        if (subtitle != null && !subtitle.isBlank()) {
            chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle, FigureStyle.SUBTITLE_FONT));
        }
        return chart;
    }
}
