// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calphot.plot.LightcurvePage;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.plot.LightcurveSet;
import org.calphot.ui.internal.plot.LightcurveView;
import org.calphot.ui.internal.plot.LightcurveView.YScale;
import org.calphot.ui.internal.run.RunJob;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/**
 * The Lightcurve view's y scales on the bundled demo: AB magnitude (inverted, brighter up) and flux on a log
 * scale, with the read-out naming band, value and unit; back to mJy the count ratio returns.
 */
class LightcurveScaleTest {

    @Test
    void magnitudeAndLogScalesShowTheSamePointsAndReadOutTheirUnit() throws Exception {
        IWorkbenchPage page = Ui.calphotPage(true);
        Shell shell = page.getWorkbenchWindow().getShell();
        Path work = Ui.demoInObservations(page, "scale");
        RunJob job = Ui.runConfig(work);
        LightcurveView lv = (LightcurveView) page.showView(CalphotUi.LIGHTCURVE_VIEW_ID);
        lv.show(job.result());
        lv.setOverlay(false);
        try {
            LightcurveSet.Band g = lv.lightcurves().nights().get(0).bands().get(1);
            lv.setYScale(YScale.AB_MAG);
            Ui.settle();
            XYPlot gp = (XYPlot) ((CombinedDomainXYPlot) lv.panel().chart().getPlot()).getSubplots().get(1);
            // the view labels the middle of the five panels only (one quantity, short panels)
            XYPlot middle = (XYPlot) ((CombinedDomainXYPlot) lv.panel().chart().getPlot()).getSubplots().get(2);
            assertEquals("AB magnitude", middle.getRangeAxis(0).getLabel());
            assertTrue(gp.getRangeAxis(0).isInverted(), "brighter (smaller magnitude) up");
            assertNull(gp.getRangeAxis(1), "the count ratio is linear in flux: not on the magnitude scale");
            // the band label is placed from the axis' lower bound, drawn at the top when inverted: near 0, not 0.985
            var label = (org.jfree.chart.annotations.XYTitleAnnotation) gp.getAnnotations().stream()
                    .filter(a -> a instanceof org.jfree.chart.annotations.XYTitleAnnotation).findFirst().orElseThrow();
            assertTrue(label.getY() < 0.1, "band label at " + label.getY() + " of the inverted axis: off the panel");
            XYDataset d = gp.getDataset(0);
            int n = 0;
            for (int i = 0; i < g.flux().length && n < d.getItemCount(0); i++) {
                if (g.flagged() != null && g.flagged()[i] || !(g.flux()[i] > 0)) {
                    continue;
                }
                // AB (Oke & Gunn 1983): m = -2.5 log10(f_nu / erg s^-1 cm^-2 Hz^-1) - 48.60, and 1 Jy = 1e-23 of
                // those, so m = -2.5 log10(f / Jy) + 8.90 (8.90 is 3631.1 Jy: 7e-5 mag from 3631 Jy)
                double expected = -2.5 * Math.log10(g.flux()[i] * 1e-3) + 8.90;
                assertEquals(expected, d.getYValue(0, n), 2e-4, "g frame " + i);
                n++;
            }
            assertTrue(n > 100, "compared " + n + " g points");

            // the read-out of a point out of eclipse names band, magnitude with its error, unit and phase
            PlotRenderingInfo info = drawn(lv);
            Rectangle2D area = info.getSubplotInfo(1).getDataArea();
            int item = 0;
            while (d.getXValue(0, item) < 0.2) {
                item++;
            }
            int sx = (int) Math.round(lv.panel().chart().getXYPlot().getDomainAxis().valueToJava2D(d.getXValue(0, item),
                    area, RectangleEdge.BOTTOM));
            int sy = (int) Math.round(gp.getRangeAxis().valueToJava2D(d.getYValue(0, item), area, RectangleEdge.LEFT));
            send(lv.panel().chartCanvas(), sx, sy);
            Ui.settle();
            String text = lv.panel().readoutText();
            Matcher m = Pattern.compile("^g \\(CCD 2\\): ([0-9.]+) \u00b1 [0-9.eE+-]+ AB mag at phase (-?[0-9.]+)$")
                    .matcher(text);
            assertTrue(m.find(), "read-out: " + text);
            // neighbouring markers may overlap: within 0.05 mag of the point aimed at (the g scatter is ~0.01 mag)
            assertEquals(d.getYValue(0, item), Double.parseDouble(m.group(1)), 0.05, text);
            Ui.screenshot(shell, "plot-5-magnitude-scale");

            lv.setYScale(YScale.LOG_FLUX);
            Ui.settle();
            gp = (XYPlot) ((CombinedDomainXYPlot) lv.panel().chart().getPlot()).getSubplots().get(1);
            assertInstanceOf(LogAxis.class, gp.getRangeAxis(0));
            // log scale draws the fluxes themselves
            assertEquals(g.flux()[firstGood(g)], gp.getDataset(0).getYValue(0, 0), 0.0);
            drawn(lv);
            Ui.screenshot(shell, "plot-6-log-scale");
        } finally {
            lv.setYScale(YScale.FLUX);
            shell.setMaximized(false);
            shell.setBounds(0, 0, 1280, 860);
        }
        XYPlot gp = (XYPlot) ((CombinedDomainXYPlot) lv.panel().chart().getPlot()).getSubplots().get(1);
        assertInstanceOf(LightcurvePage.RatioAxis.class, gp.getRangeAxis(1), "mJy again: the count ratio is back");
    }

    private static int firstGood(LightcurveSet.Band g) {
        int i = 0;
        while (g.flagged() != null && g.flagged()[i] || !(g.flux()[i] > 0)) {
            i++;
        }
        return i;
    }

    private static PlotRenderingInfo drawn(LightcurveView lv) {
        Canvas c = lv.panel().chartCanvas();
        c.redraw();
        c.update();
        Ui.settle();
        return lv.panel().renderingInfo().getPlotInfo();
    }

    private static void send(Canvas canvas, int x, int y) {
        Event e = new Event();
        e.x = x;
        e.y = y;
        e.widget = canvas;
        canvas.notifyListeners(SWT.MouseMove, e);
    }
}
