// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** Structure of every builder's chart: series counts, axis labels, axis ranges that hold the data. */
class BuildersTest {

    @SuppressWarnings("unchecked")
    private static List<XYPlot> subplots(JFreeChart c) {
        return ((CombinedDomainXYPlot) c.getPlot()).getSubplots();
    }

    /** Every finite x and y of the dataset lies inside the (possibly shared) axis ranges. */
    private static void assertRangesHoldData(XYDataset d, ValueAxis x, ValueAxis y) {
        Range xr = x.getRange();
        Range yr = y.getRange();
        for (int s = 0; s < d.getSeriesCount(); s++) {
            for (int i = 0; i < d.getItemCount(s); i++) {
                double xv = d.getXValue(s, i);
                double yv = d.getYValue(s, i);
                assertTrue(xr.contains(xv), "x " + xv + " outside " + xr);
                assertTrue(yr.contains(yv), "y " + yv + " outside " + yr);
            }
        }
    }

    @Test
    void lightcurvePageHasOnePanelPerBandFlaggedSeparateAndRatioAxis() {
        List<LightcurvePanel> panels = SampleData.lightcurve(500, true);
        JFreeChart c = LightcurvePage.build("t", XAxisKind.BMJD_TDB, panels);
        List<XYPlot> subs = subplots(c);
        assertEquals(3, subs.size());
        ValueAxis x = ((CombinedDomainXYPlot) c.getPlot()).getDomainAxis();
        // all x values are 58403.4..58403.5 -> drawn relative to 58403
        assertEquals("BMJD(TDB) \u2212 58403 (d)", x.getLabel());
        for (int i = 0; i < 3; i++) {
            XYPlot p = subs.get(i);
            LightcurvePanel in = panels.get(i);
            int flagged = 0;
            for (boolean f : in.flagged()) {
                flagged += f ? 1 : 0;
            }
            assertTrue(flagged > 0, "sample data has flagged frames");
            assertEquals(1, p.getDataset(0).getSeriesCount());
            assertEquals(in.x().length - flagged, p.getDataset(0).getItemCount(0));
            assertEquals(flagged, p.getDataset(1).getItemCount(0));
            assertEquals("Flux (mJy)", p.getRangeAxis(0).getLabel());
            assertEquals("Count ratio", p.getRangeAxis(1).getLabel());
            assertRangesHoldData(p.getDataset(0), x, p.getRangeAxis(0));
            assertRangesHoldData(p.getDataset(1), x, p.getRangeAxis(0));
            // right axis = left axis / summed comparison flux, also after a zoom
            double fc = in.comparisonFluxMjy();
            assertEquals(p.getRangeAxis(0).getLowerBound() / fc, p.getRangeAxis(1).getLowerBound(), 1e-12);
            assertEquals(p.getRangeAxis(0).getUpperBound() / fc, p.getRangeAxis(1).getUpperBound(), 1e-12);
            p.getRangeAxis(0).setRange(0.5, 1.5);
            assertEquals(0.5 / fc, p.getRangeAxis(1).getLowerBound(), 1e-12);
            assertEquals(1.5 / fc, p.getRangeAxis(1).getUpperBound(), 1e-12);
        }
        // x values keep full precision after the offset: first point 58403.4 -> 0.4
        assertEquals(0.4, subs.get(0).getDataset(0).getXValue(0, 0), 1e-9);
        assertNotNull(c.getLegend(), "legend explains the flagged marker");
    }

    @Test
    void lightcurveWithoutFlagsOrComparisonFluxHasNoLegendNoRatioAxis() {
        double[] x = {0.1, 0.2, 0.3};
        LightcurvePanel p = new LightcurvePanel("g", x, new double[] {1, 2, 3}, new double[] {0.1, 0.1, 0.1},
                null, Double.NaN);
        JFreeChart c = LightcurvePage.build("t", XAxisKind.PHASE, List.of(p));
        XYPlot sub = subplots(c).get(0);
        assertNull(sub.getRangeAxis(1));
        assertNull(sub.getDataset(1));
        assertNull(c.getLegend());
        assertEquals("Orbital phase (cycles)", ((CombinedDomainXYPlot) c.getPlot()).getDomainAxis().getLabel());
        // error bars: y interval is y ± err
        var d = (org.jfree.data.xy.IntervalXYDataset) sub.getDataset(0);
        assertEquals(1.9, d.getStartYValue(0, 1), 1e-12);
        assertEquals(2.1, d.getEndYValue(0, 1), 1e-12);
    }

    @Test
    void mismatchedArraysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LightcurvePanel("r", new double[3], new double[2],
                null, null, 1));
        assertThrows(IllegalArgumentException.class, () -> new OcData(new double[2], new double[2],
                new double[2], new int[] {0, 2}, new String[] {"a", "b"}));
        assertThrows(IllegalArgumentException.class, () -> LightcurvePage.build("t", XAxisKind.PHASE, List.of()));
    }

    @Test
    void comparisonPageShiftsPairsApartAndDrawsFits() {
        List<ComparisonPanel> panels = SampleData.comparisons();
        JFreeChart c = ComparisonPage.build("t", XAxisKind.MJD_UTC, panels);
        List<XYPlot> subs = subplots(c);
        assertEquals(3, subs.size());
        XYPlot p = subs.get(0);
        assertEquals(3, p.getDataset(0).getSeriesCount(), "one fit line per pair");
        assertEquals(3, p.getDataset(1).getSeriesCount(), "one point series per pair");
        assertEquals("Normalised ratio + shift", p.getRangeAxis().getLabel());
        assertTrue(((String) p.getDataset(1).getSeriesKey(1)).startsWith("2/4: slope +0.350 d\u207b\u00b9"));
        ValueAxis x = ((CombinedDomainXYPlot) c.getPlot()).getDomainAxis();
        assertEquals("MJD(UTC) \u2212 58403 (d)", x.getLabel());
        double step = ComparisonPage.shiftStep(panels.get(0).series());
        // r-band pairs: noise 0.004, drift 0.35/d over 0.12 d -> widest central 98 % ~ 0.05 -> 1.25x -> step 0.1
        assertEquals(0.1, step, 1e-12);
        // second series is shifted by one step: its mean is ~1.1
        double sum = 0;
        int n = p.getDataset(1).getItemCount(1);
        for (int i = 0; i < n; i++) {
            sum += p.getDataset(1).getYValue(1, i);
        }
        assertEquals(1.1, sum / n, 0.005);
        // fit line of pair 2/3 at its ends = 1 + 0.01 (t - tMid)
        assertEquals(1 + 0.01 * (0.4 - (0.4 + 300 * 0.0002)), p.getDataset(0).getYValue(0, 0), 1e-9);
        for (int s = 0; s < 2; s++) {
            assertRangesHoldData(p.getDataset(s), x, p.getRangeAxis());
        }
    }

    @Test
    void countRatioAndOverplot() {
        List<SeriesPanel> panels = SampleData.countRatios();
        JFreeChart c = CountRatioFigure.build("t", XAxisKind.PHASE, panels);
        List<XYPlot> subs = subplots(c);
        assertEquals(2, subs.size());
        for (XYPlot p : subs) {
            assertEquals(3, p.getDataset().getSeriesCount());
            assertEquals("Count ratio", p.getRangeAxis().getLabel());
            assertRangesHoldData(p.getDataset(), ((CombinedDomainXYPlot) c.getPlot()).getDomainAxis(),
                    p.getRangeAxis());
        }
        assertEquals(3, c.getPlot().getLegendItems().getItemCount(), "one legend entry per night, not per panel");

        JFreeChart o = OverplotFigure.build("t", XAxisKind.PHASE, "Flux (mJy)", panels.get(0).series());
        XYPlot op = o.getXYPlot();
        assertEquals(3, op.getDataset().getSeriesCount());
        assertEquals("Flux (mJy)", op.getRangeAxis().getLabel());
        // step lines need increasing x
        for (int i = 1; i < op.getDataset().getItemCount(0); i++) {
            assertTrue(op.getDataset().getXValue(0, i) >= op.getDataset().getXValue(0, i - 1));
        }
        assertRangesHoldData(op.getDataset(), op.getDomainAxis(), op.getRangeAxis());
    }

    @Test
    void extinctionFigureInvertsMagnitudesAndLabelsK() {
        List<ExtinctionAperture> ap = SampleData.extinction();
        JFreeChart c = ExtinctionFigure.build("t", "r", ap);
        List<XYPlot> subs = subplots(c);
        assertEquals(3, subs.size());
        ValueAxis x = ((CombinedDomainXYPlot) c.getPlot()).getDomainAxis();
        assertEquals("Airmass", x.getLabel());
        XYPlot p = subs.get(0);
        assertTrue(p.getRangeAxis().isInverted());
        assertEquals("Instrumental mag", p.getRangeAxis().getLabel());
        // fit line from the smallest to the largest airmass: m0 + k X
        assertEquals(13.9 + 0.182 * 1.05, p.getDataset(0).getYValue(0, 0), 1e-9);
        int rejected = 0;
        for (boolean b : ap.get(0).rejected()) {
            rejected += b ? 1 : 0;
        }
        assertEquals(300 - rejected, p.getDataset(1).getItemCount(0));
        assertEquals(rejected, p.getDataset(2).getItemCount(0));
        for (int s = 0; s < 3; s++) {
            assertRangesHoldData(p.getDataset(s), x, p.getRangeAxis());
        }
        // the aperture label and k share one box (two boxes overlapped in narrow panels)
        assertEquals(1, p.getAnnotations().size(), p.getAnnotations().toString());
    }

    @Test
    void eclipseFitHasDataModelResidualsAndMidTime() {
        EclipseFit f = SampleData.eclipse();
        JFreeChart c = EclipseFitFigure.build("t", "Flux (mJy)", f);
        List<XYPlot> subs = subplots(c);
        assertEquals(2, subs.size());
        XYPlot top = subs.get(0);
        assertEquals("model", top.getDataset(0).getSeriesKey(0));
        assertEquals(f.bmjdTdb().length, top.getDataset(1).getItemCount(0));
        assertEquals("Residual (mJy)", subs.get(1).getRangeAxis().getLabel());
        double offset = Math.floor(f.bmjdTdb()[0]);
        ValueAxis x = ((CombinedDomainXYPlot) c.getPlot()).getDomainAxis();
        assertTrue(x.getLabel().contains(Long.toString((long) offset)));
        // the mid-time marker sits at the fitted time
        var markers = top.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND);
        boolean found = false;
        for (Object m : markers) {
            if (m instanceof org.jfree.chart.plot.ValueMarker vm) {
                found |= Math.abs(vm.getValue() - (f.midBmjdTdb() - offset)) < 1e-12;
            }
        }
        assertTrue(found);
        // model interpolation: halfway between two grid points
        double t = 0.5 * (f.modelBmjdTdb()[10] + f.modelBmjdTdb()[11]);
        assertEquals(0.5 * (f.modelFlux()[10] + f.modelFlux()[11]), f.modelAt(t), 1e-12);
        assertTrue(Double.isNaN(f.modelAt(f.modelBmjdTdb()[0] - 1)));
        assertRangesHoldData(top.getDataset(1), x, top.getRangeAxis());
    }

    @Test
    void ocFigureHasOneSeriesPerSource() {
        OcData oc = SampleData.oc();
        JFreeChart c = OcFigure.build("t", "sub", oc);
        XYPlot p = c.getXYPlot();
        assertEquals(2, p.getDataset().getSeriesCount());
        assertEquals("ULTRACAM (43)", p.getDataset().getSeriesKey(0));
        assertEquals("ULTRASPEC (11)", p.getDataset().getSeriesKey(1));
        assertEquals("O \u2212 C (s)", p.getRangeAxis().getLabel());
        assertEquals("Cycle number E", p.getDomainAxis().getLabel());
        assertRangesHoldData(p.getDataset(), p.getDomainAxis(), p.getRangeAxis());
        // error bars cover y ± err: the axis range must hold them too
        var d = (org.jfree.data.xy.IntervalXYDataset) p.getDataset();
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < d.getItemCount(s); i++) {
                assertTrue(p.getRangeAxis().getRange().contains(d.getEndYValue(s, i)));
                assertTrue(p.getRangeAxis().getRange().contains(d.getStartYValue(s, i)));
            }
        }
    }

    @Test
    void traceFigureDrawsEveryWalkerPerParameter() {
        McmcSamples ch = SampleData.chain(8, 4000);
        JFreeChart c = TraceFigure.build("t", ch, 500);
        List<XYPlot> subs = subplots(c);
        assertEquals(3, subs.size());
        assertEquals(8, subs.get(0).getDataset().getSeriesCount());
        // 4000 steps thinned 1 in 3 -> 1334 points per walker
        assertEquals(1334, subs.get(0).getDataset().getItemCount(0));
        assertEquals("Step (1 in 3 drawn)", ((CombinedDomainXYPlot) c.getPlot()).getDomainAxis().getLabel());
        assertEquals("T0 \u2212 55000.12346 [10\u207b\u2076 BMJD]", subs.get(0).getRangeAxis().getLabel());
        assertEquals("s_ULTRASPEC", subs.get(2).getRangeAxis().getLabel());
        // shown value = (T0 - 55000.12346) * 1e6 for walker 0 at step 3 (the 2nd drawn point)
        assertEquals((ch.value(3, 0, 0) - 55000.12346) * 1e6, subs.get(0).getDataset().getYValue(0, 1), 1e-3);
    }

    @Test
    void cornerPlotIsATriangleWithAlignedAxes() {
        McmcSamples ch = SampleData.chain(16, 1500);
        FigurePage page = CornerPlot.build("t", ch, 300, null);
        assertEquals(3, page.rows());
        assertEquals(3, page.cols());
        assertEquals(6, page.charts().size(), "3 histograms + 3 pair densities");
        assertNull(page.cell(0, 1));
        assertNull(page.cell(1, 2));
        XYPlot hist = page.cell(1, 1).getXYPlot();
        XYPlot dens = page.cell(2, 1).getXYPlot();
        // a column shares one x range
        assertEquals(hist.getDomainAxis().getRange(), dens.getDomainAxis().getRange());
        // only the bottom row shows x ticks, only the left column y ticks
        assertFalse(hist.getDomainAxis().isTickLabelsVisible());
        assertTrue(dens.getDomainAxis().isTickLabelsVisible());
        assertFalse(dens.getRangeAxis().isTickLabelsVisible());
        assertTrue(page.cell(2, 0).getXYPlot().getRangeAxis().isTickLabelsVisible());
        // histogram counts add up to the post-burn-in samples inside the range (central 99.6 % plus padding)
        XYDataset h = hist.getDataset();
        double total = 0;
        for (int i = 0; i < h.getItemCount(0); i++) {
            total += h.getYValue(0, i);
        }
        int n = 16 * (1500 - 300);
        assertTrue(total >= 0.995 * n && total <= n, "counted " + total + " of " + n);
        assertTrue(page.caption(1, 1).startsWith("P = 0.062362856"));
    }
}
