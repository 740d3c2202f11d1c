// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.awt.Color;
import java.awt.Shape;
import java.util.List;

import org.calphot.plot.internal.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultIntervalXYDataset;

/**
 * The per-log lightcurve page: one panel per band (CCD), stacked on a shared x axis, flux in mJy on the left and
 * the count ratio (target over summed comparisons) on the right, frames that carry (ignored) flags as grey crosses.
 */
public final class LightcurvePage {

    /** Series key of the unflagged points in dataset 0 of each panel. */
    public static final String DATA = "data";
    /** Series key of the flagged points in dataset 1 of each panel. */
    public static final String FLAGGED = "flagged";

    private LightcurvePage() {
    }

    public static JFreeChart build(String title, XAxisKind xKind, List<LightcurvePanel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a lightcurve page needs at least one panel");
        }
        double[][] xs = panels.stream().map(LightcurvePanel::x).toArray(double[][]::new);
        double offset = xKind.offset(xs);
        NumberAxis xAxis = Charts.axis(xKind.label(offset));
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(xAxis);
        combined.setGap(12);
        boolean anyFlagged = false;
        for (int i = 0; i < panels.size(); i++) {
            LightcurvePanel p = panels.get(i);
            Color colour = Palette.band(p.label(), i);
            XYPlot plot = new XYPlot();
            NumberAxis yAxis = Charts.axis("Flux (mJy)");
            yAxis.setUpperMargin(0.18); // room for the band label
            plot.setRangeAxis(0, yAxis);

            boolean[] good = Charts.not(p.flagged(), p.x().length);
            DefaultIntervalXYDataset data = Charts.intervalDataset();
            double[][] d = Charts.xyErr(p.x(), p.fluxMjy(), p.fluxErrMjy(), offset, good);
            data.addSeries(DATA, d);
            XYErrorRenderer r = Charts.errorRenderer();
            r.setSeriesPaint(0, colour);
            r.setSeriesShape(0, Charts.circle(Charts.markerSize(d[0].length)));
            r.setErrorPaint(Palette.lighter(colour, 0.55));
            plot.setDataset(0, data);
            plot.setRenderer(0, r);

            if (p.flagged() != null) {
                double[][] f = Charts.xyErr(p.x(), p.fluxMjy(), p.fluxErrMjy(), offset, p.flagged());
                if (f[0].length > 0) {
                    anyFlagged = true;
                    DefaultIntervalXYDataset flagged = Charts.intervalDataset();
                    flagged.addSeries(FLAGGED, f);
                    XYErrorRenderer fr = Charts.errorRenderer();
                    fr.setSeriesPaint(0, Palette.GREY);
                    fr.setSeriesShape(0, Charts.cross(7));
                    fr.setErrorPaint(Palette.lighter(Palette.GREY, 0.5));
                    plot.setDataset(1, flagged);
                    plot.setRenderer(1, fr);
                }
            }
            Charts.panelLabel(plot, p.label());
            combined.add(plot, 1);
            if (Double.isFinite(p.comparisonFluxMjy()) && p.comparisonFluxMjy() > 0) {
                addRatioAxis(plot, yAxis, p.comparisonFluxMjy());
            }
        }
        JFreeChart chart = Charts.chart(title, combined, anyFlagged);
        if (anyFlagged) {
            LegendItemCollection items = new LegendItemCollection();
            items.add(item("Frames without flags", Charts.circle(8), Palette.BLACK));
            // the pipeline drops frames with flags the config does not ignore; these carry only ignored flags
            items.add(item("Frames with ignored flags (used)", Charts.cross(9), Palette.GREY));
            combined.setFixedLegendItems(items);
            FigureStyle.apply(chart);
        }
        return chart;
    }

    private static LegendItem item(String label, Shape shape, Color c) {
        LegendItem li = new LegendItem(label, null, null, null, shape, c);
        li.setLabelFont(FigureStyle.LEGEND_FONT);
        return li;
    }

    /** A right axis showing flux / F_comp, kept in step with the flux axis through zooms. */
    private static void addRatioAxis(XYPlot plot, NumberAxis fluxAxis, double compFlux) {
        RatioAxis ratio = new RatioAxis(fluxAxis, compFlux);
        FigureStyle.styleAxis(ratio);
        plot.setRangeAxis(1, ratio);
        plot.setRangeAxisLocation(1, org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        ratio.follow();
        fluxAxis.addChangeListener(e -> ratio.follow());
    }

    /**
     * The count-ratio axis: always the flux axis divided by the comparison flux. The plot zooms, pans and resets
     * every range axis in turn; this one ignores those requests and follows the flux axis instead, so it is neither
     * zoomed twice nor auto-ranged to 0–1 (it has no dataset of its own).
     */
    public static final class RatioAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;
        private final NumberAxis flux;
        private final double compFlux;

        RatioAxis(NumberAxis flux, double compFlux) {
            super("Count ratio");
            this.flux = flux;
            this.compFlux = compFlux;
            setAutoRangeIncludesZero(false);
            setAutoRangeStickyZero(false);
            setAutoRange(false);
        }

        /** The comparison flux (mJy) the flux axis is divided by. */
        public double comparisonFluxMjy() {
            return compFlux;
        }

        void follow() {
            Range r = flux.getRange();
            setRange(new Range(r.getLowerBound() / compFlux, r.getUpperBound() / compFlux), true, false);
        }

        @Override
        public void zoomRange(double lowerPercent, double upperPercent) {
            follow();
        }

        @Override
        public void resizeRange(double percent) {
            follow();
        }

        @Override
        public void resizeRange(double percent, double anchorValue) {
            follow();
        }

        @Override
        public void resizeRange2(double percent, double anchorValue) {
            follow();
        }

        @Override
        public void pan(double percent) {
            follow();
        }

        @Override
        protected void autoAdjustRange() {
            if (flux != null) {
                follow();
            }
        }
    }
}
