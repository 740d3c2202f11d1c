// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calphot.pipeline.RunResult;
import org.calphot.plot.LightcurvePage;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.plot.LightcurveView;
import org.calphot.ui.internal.run.ConsoleView;
import org.calphot.ui.internal.run.RunJob;
import org.calphot.ui.internal.tools.DialogFields;
import org.calphot.ui.internal.tools.ExtinctionAnalysis;
import org.calphot.ui.internal.tools.Guess;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Lightcurve view as a user handles it, maximised in a maximised 1600×1000 window (larger than jfreechart-swt's
 * 800×600 default draw bound, where pointer positions used to be scaled while the drawing was not): a box dragged
 * round the eclipse zooms there, the wheel zooms, Reset Zoom gives each right axis its initial range back, the
 * pointer reads out the point under it, and the view shows the last run again when it is opened anew. Pointer
 * positions are computed from the drawn data area (JFreeChart's rendering info, which is in canvas pixels when the
 * chart is drawn unscaled, checked below) and sent as SWT events to the chart canvas.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlotInteractionTest {

    private static IWorkbenchPage page;
    private static Shell shell;
    private static Path work;
    private static RunResult run;
    private static LightcurveView lv;

    @BeforeAll
    static void runDemoMaximised() throws Exception {
        page = Ui.calphotPage(true);
        shell = page.getWorkbenchWindow().getShell();
        work = Ui.demoCopy("plot");
        ((ObservationsView) page.showView(CalphotUi.OBSERVATIONS_VIEW_ID)).setRoot(work);
        Path cfg = work.resolve("calphot.yaml");
        RunJob job = new RunJob(cfg, Files.readString(cfg), null);
        job.schedule();
        assertTrue(Ui.join(job), "the demo run did not finish");
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage() + "\n"
                + ConsoleView.contents());
        run = job.result();
        lv = (LightcurveView) page.showView(CalphotUi.LIGHTCURVE_VIEW_ID);
        lv.show(run);
        page.setPartState(page.getReference(lv), IWorkbenchPage.STATE_MAXIMIZED);
        Ui.settle();
    }

    @AfterAll
    static void restore() {
        if (lv != null && page.getReference(lv) != null) {
            page.setPartState(page.getReference(lv), IWorkbenchPage.STATE_RESTORED);
        }
        shell.setMaximized(false);
        shell.setBounds(0, 0, 1280, 860);
    }

    private static Canvas canvas() {
        return lv.panel().chartCanvas();
    }

    private static CombinedDomainXYPlot plot() {
        return (CombinedDomainXYPlot) lv.panel().chart().getPlot();
    }

    /** Draws the chart now, so the rendering info holds this layout. */
    private static PlotRenderingInfo drawn() {
        canvas().redraw();
        canvas().update();
        Ui.settle();
        return lv.panel().renderingInfo().getPlotInfo();
    }

    private static void send(int type, int x, int y, int button, int count) {
        Event e = new Event();
        e.x = x;
        e.y = y;
        e.button = button;
        e.count = count;
        e.widget = canvas();
        canvas().notifyListeners(type, e);
    }

    private static void showFresh() {
        lv.show(run);
        lv.setOverlay(false);
        Ui.settle();
    }

    @Test
    @Order(1)
    void theChartIsLargerThanTheOldDrawBoundAndDrawnAtItsRealSize() {
        showFresh();
        PlotRenderingInfo info = drawn();
        int w = canvas().getSize().x;
        int h = canvas().getSize().y;
        assertTrue(w > 800 && h > 600, "the maximised view should exceed 800x600, is " + w + "x" + h);
        Rectangle2D chartArea = lv.panel().renderingInfo().getChartArea();
        // drawing coordinates are pixels only when the chart is drawn at the canvas size
        assertEquals(w, chartArea.getWidth(), 1.0);
        assertEquals(h, chartArea.getHeight(), 1.0);
        assertEquals(5, info.getSubplotCount());
    }

    @Test
    @Order(2)
    void aBoxRoundTheEclipseZoomsOnTheEclipse() throws Exception {
        showFresh();
        PlotRenderingInfo info = drawn();
        Rectangle2D area = info.getSubplotInfo(1).getDataArea(); // the g panel
        ValueAxis x = plot().getDomainAxis();
        int x1 = (int) Math.round(x.valueToJava2D(-0.04, area, RectangleEdge.BOTTOM));
        int x2 = (int) Math.round(x.valueToJava2D(0.04, area, RectangleEdge.BOTTOM));
        int y1 = (int) Math.round(area.getMinY() + 0.05 * area.getHeight());
        int y2 = (int) Math.round(area.getMaxY() - 0.05 * area.getHeight());
        send(SWT.MouseDown, x1, y1, 1, 1);
        send(SWT.MouseMove, (x1 + x2) / 2, (y1 + y2) / 2, 0, 0);
        send(SWT.MouseMove, x2, y2, 0, 0);
        send(SWT.MouseUp, x2, y2, 1, 1);
        Ui.settle();
        Range r = x.getRange();
        // the box spans -0.04..+0.04 (pixel rounding moves its edges by < 0.001 in phase)
        assertTrue(r.getLowerBound() < -0.02 && r.getUpperBound() > 0.02, "zoomed to " + r);
        assertTrue(r.getLowerBound() > -0.05 && r.getUpperBound() < 0.05, "zoomed to " + r + ", not the box");
        assertFalse(r.contains(-0.2), "zoomed to " + r);
        Ui.screenshot(shell, "plot-1-box-zoom-eclipse");
    }

    @Test
    @Order(3)
    void theWheelZoomsIn() {
        showFresh();
        PlotRenderingInfo info = drawn();
        Rectangle2D area = info.getSubplotInfo(2).getDataArea();
        double before = plot().getDomainAxis().getRange().getLength();
        send(SWT.MouseWheel, (int) area.getCenterX(), (int) area.getCenterY(), 0, 3);
        Ui.settle();
        double after = plot().getDomainAxis().getRange().getLength();
        assertTrue(after < 0.9 * before, "the wheel should zoom in: x range " + before + " -> " + after);
    }

    @Test
    @Order(4)
    void resetZoomGivesEachRightAxisItsInitialRange() throws Exception {
        showFresh();
        drawn();
        List<Range> initial = new ArrayList<>();
        List<Range> initialFlux = new ArrayList<>();
        for (Object o : plot().getSubplots()) {
            XYPlot p = (XYPlot) o;
            initial.add(p.getRangeAxis(1).getRange());
            initialFlux.add(p.getRangeAxis(0).getRange());
            // the right axis is the left one over the comparison flux (mJy), as the CSV's flux / count_ratio
            double comp = ((LightcurvePage.RatioAxis) p.getRangeAxis(1)).comparisonFluxMjy();
            assertEquals(p.getRangeAxis(0).getRange().getUpperBound() / comp, p.getRangeAxis(1).getUpperBound(),
                    1e-12 * Math.abs(p.getRangeAxis(1).getUpperBound()));
        }
        PlotRenderingInfo info = drawn();
        Rectangle2D area = info.getSubplotInfo(0).getDataArea();
        send(SWT.MouseDown, (int) (area.getMinX() + 0.3 * area.getWidth()), (int) (area.getMinY() + 0.3
                * area.getHeight()), 1, 1);
        send(SWT.MouseMove, (int) (area.getMinX() + 0.6 * area.getWidth()), (int) (area.getMinY() + 0.6
                * area.getHeight()), 0, 0);
        send(SWT.MouseUp, (int) (area.getMinX() + 0.6 * area.getWidth()), (int) (area.getMinY() + 0.6
                * area.getHeight()), 1, 1);
        send(SWT.MouseWheel, (int) area.getCenterX(), (int) area.getCenterY(), 0, 3);
        Ui.settle();
        assertFalse(initial.get(0).equals(((XYPlot) plot().getSubplots().get(0)).getRangeAxis(1).getRange()),
                "the zoom should have changed the first panel's right axis");
        lv.panel().resetZoom();
        Ui.settle();
        for (int i = 0; i < initial.size(); i++) {
            XYPlot p = (XYPlot) plot().getSubplots().get(i);
            Range now = p.getRangeAxis(1).getRange();
            assertEquals(initial.get(i).getLowerBound(), now.getLowerBound(), 1e-9 * initial.get(i).getLength(),
                    "panel " + i + " right axis " + now + " vs initial " + initial.get(i));
            assertEquals(initial.get(i).getUpperBound(), now.getUpperBound(), 1e-9 * initial.get(i).getLength(),
                    "panel " + i + " right axis " + now + " vs initial " + initial.get(i));
            assertFalse(now.getLowerBound() == 0 && now.getUpperBound() == 1, "panel " + i + " reset to 0-1");
        }
        // an export after Reset Zoom draws the same axes
        Path png = Path.of("target", "screenshots", "after-reset.png").toAbsolutePath();
        lv.panel().export(png);
        assertTrue(Files.size(png) > 10_000);
        Range after = ((XYPlot) plot().getSubplots().get(0)).getRangeAxis(1).getRange();
        assertEquals(initial.get(0), after);
    }

    @Test
    @Order(5)
    void thePointerReadsOutThePointUnderIt() {
        showFresh();
        PlotRenderingInfo info = drawn();
        XYPlot g = (XYPlot) plot().getSubplots().get(1);
        XYDataset d = g.getDataset(0);
        Rectangle2D area = info.getSubplotInfo(1).getDataArea();
        // a point near the eclipse's egress, where neighbours differ most in flux
        int item = -1;
        for (int i = 0; i < d.getItemCount(0); i++) {
            if (d.getXValue(0, i) > 0.03) {
                item = i;
                break;
            }
        }
        assertTrue(item >= 0);
        double px = d.getXValue(0, item);
        double py = d.getYValue(0, item);
        int sx = (int) Math.round(plot().getDomainAxis().valueToJava2D(px, area, RectangleEdge.BOTTOM));
        int sy = (int) Math.round(g.getRangeAxis().valueToJava2D(py, area, RectangleEdge.LEFT));
        send(SWT.MouseMove, sx, sy, 0, 0);
        Ui.settle();
        String text = lv.panel().readoutText();
        // "g (CCD 2): 0.226 ± 0.0013 mJy at phase 0.0123": band, value with error and unit, where
        Matcher m = Pattern.compile("^g \\(CCD 2\\): (-?[0-9.eE+-]+) \u00b1 [0-9.eE+-]+ mJy at phase (-?[0-9.]+)$")
                .matcher(text);
        assertTrue(m.find(), "no read-out of the g point under the pointer: " + text);
        // the marker of a neighbouring point can overlap: accept 2 frames (10 s each in 0.058 d: 0.004 in phase)
        assertEquals(px, Double.parseDouble(m.group(2)), 0.005, text);
        assertEquals(py, Double.parseDouble(m.group(1)), 0.1 * Math.abs(py) + 0.01, text);
    }

    @Test
    @Order(6)
    void reopeningTheViewShowsTheLastRunFromItsFiles() throws Exception {
        showFresh();
        int points = lv.pointCount();
        page.hideView(lv);
        Ui.settle();
        lv = (LightcurveView) page.showView(CalphotUi.LIGHTCURVE_VIEW_ID);
        Ui.settle();
        assertNotNull(lv.lightcurves(), "the reopened view should read the last run's lightcurves");
        assertEquals(run.outputDir().toAbsolutePath(), lv.lightcurves().outputDir().toAbsolutePath());
        assertEquals(5, lv.panelCount());
        // the same frames, read back from the CSV files the run wrote
        assertEquals(points, lv.pointCount());
        JFreeChart c = lv.panel().chart();
        assertNotNull(c);
        assertTrue(c.getTitle().getText().contains("SIMCV"), c.getTitle().getText());
    }

    @Test
    @Order(7)
    void outputsAreNotNightsAndLightcurveFitsIsNoLog() {
        Path out = run.outputDir();
        assertTrue(ObservationsView.isOutputs(out), out.toString());
        assertTrue(ObservationsView.isOutputs(out.resolve("MCMC_LIGHTCURVES")));
        assertEquals(ObservationsView.Kind.LOG, ObservationsView.Kind.of(work.resolve("run001.log")));
        List<Path> fits = run.files().stream().filter(f -> f.toString().endsWith(".fits")).toList();
        assertFalse(fits.isEmpty(), "the demo writes FITS lightcurves: " + run.files());
        for (Path f : fits) {
            Path abs = f.isAbsolute() ? f : run.outputDir().resolve(f);
            assertEquals(ObservationsView.Kind.LIGHTCURVE, ObservationsView.Kind.of(abs), abs.toString());
        }
    }

    @Test
    @Order(8)
    void extinctionDialogDefaultsComeFromTheConfig() {
        Path log = work.resolve("run001.log");
        Guess g = Guess.of(log);
        // the demo names two comparison magnitudes per band: apertures 2 and 3 (1 is the target)
        assertEquals("2,3", g.comparisons());
        assertEquals(work.resolve("calphot_out").normalize(), DialogFields.outDir(g, log));
        double range = ExtinctionAnalysis.airmassRange(log, g);
        // the simulated night spans 83 min at La Palma around transit of a Dec +20 target: far below 0.2
        assertTrue(range > 0 && range < 0.2, String.format(Locale.ROOT, "airmass range %.4f", range));
    }

    @Test
    @Order(9)
    void maskFivePointsAndRunAgain() throws Exception {
        showFresh();
        lv.setXAxis(org.calphot.plot.XAxisKind.PHASE);
        var g = lv.lightcurves().nights().get(0).bands().get(1);
        // five consecutive g frames after the eclipse; zoom so that neighbours are far apart on screen
        int k = 0;
        while (g.phase()[k] < 0.1) {
            k++;
        }
        double lo = (g.phase()[k - 1] + g.phase()[k]) / 2;
        double hi = (g.phase()[k + 4] + g.phase()[k + 5]) / 2;
        plot().getDomainAxis().setRange(g.phase()[k - 3], g.phase()[k + 8]);
        PlotRenderingInfo info = drawn();
        Rectangle2D area = info.getSubplotInfo(1).getDataArea();
        ValueAxis x = plot().getDomainAxis();
        int x1 = (int) Math.round(x.valueToJava2D(lo, area, RectangleEdge.BOTTOM));
        int x2 = (int) Math.round(x.valueToJava2D(hi, area, RectangleEdge.BOTTOM));
        lv.setSelecting(true);
        send(SWT.MouseDown, x1, (int) area.getMinY() + 2, 1, 1);
        send(SWT.MouseMove, x2, (int) area.getMaxY() - 2, 0, 0);
        send(SWT.MouseUp, x2, (int) area.getMaxY() - 2, 1, 1);
        Ui.settle();
        assertEquals(5, lv.selectedCount(), "the box spans five g frames");
        Ui.screenshot(shell, "plot-2-masked-selection");
        double[] masked = java.util.Arrays.copyOfRange(g.phase(), k, k + 5);
        Path calib;
        try (var st = Files.list(run.outputDir().resolve("MCMC_LIGHTCURVES"))) {
            calib = st.filter(f -> f.toString().endsWith("_g.calib")).findFirst().orElseThrow();
        }
        int before = calibPhases(calib).size();

        RunJob job = lv.maskSelected(page);
        assertNotNull(job, "Mask Selected should re-run the config");
        assertTrue(Ui.join(job), "the re-run did not finish");
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage() + "\n"
                + ConsoleView.contents());
        String cfg = Files.readString(work.resolve("calphot.yaml"));
        assertTrue(cfg.contains("mask points:") && cfg.contains("  run001.log:") && cfg.contains("{ccd: 2, bmjd: ["),
                cfg);
        // a changed config writes to a new run-N folder beside the first run's outputs
        Path calibAfter = job.result().outputDir().resolve(run.outputDir().relativize(calib));
        List<Double> after = calibPhases(calibAfter);
        assertEquals(before - 5, after.size(), "five g rows fewer in " + calibAfter);
        for (double m : masked) {
            assertFalse(after.contains(m), "masked phase " + m + " still in " + calib);
        }
        String prov = Files.readString(job.result().outputDir().resolve("provenance.json")).replaceAll("\\s", "");
        Matcher mf = Pattern.compile("\"masked_frames\":\\[([0-9,]+)\\]").matcher(prov);
        assertTrue(mf.find(), "provenance lists no masked frames");
        assertEquals(5, mf.group(1).split(",").length, mf.group(0));
        // the view shows the new run, without those points
        assertTrue(Ui.until(() -> lv.result() == job.result()), "the Lightcurve view never got the re-run");
        lv.setSelecting(false);
        Ui.screenshot(shell, "plot-3-after-mask");
    }

    @Test
    @Order(10)
    void theThreeEphemerisNightsOverlaidInPhase() throws Exception {
        Path eph = Ui.demo().resolveSibling("ephemeris");
        Path dir = Path.of("target", "ui-work", "ephemeris").toAbsolutePath();
        Ui.deleteTree(dir);
        Files.createDirectories(dir);
        Files.copy(eph.resolve("calphot.yaml"), dir.resolve("calphot.yaml"));
        for (String n : List.of("night1", "night2", "night3")) {
            Files.createDirectories(dir.resolve(n));
            Files.copy(eph.resolve(n).resolve(n + ".log"), dir.resolve(n).resolve(n + ".log"));
        }
        RunJob job = new RunJob(dir.resolve("calphot.yaml"), Files.readString(dir.resolve("calphot.yaml")), null);
        job.schedule();
        assertTrue(Ui.join(job), "the ephemeris example did not finish");
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
        lv.show(job.result());
        assertEquals(List.of("night1.log", "night2.log", "night3.log"), lv.nightNames());
        lv.selectNight(2);
        assertTrue(lv.panel().chart().getTitle().getText().contains("night3.log"), lv.panel().chart().getTitle().getText());
        lv.setOverlay(true);
        Ui.settle();
        assertEquals(1, lv.panelCount(), "one band (g)");
        XYPlot g = (XYPlot) plot().getSubplots().get(0);
        assertEquals(3, g.getDataset(0).getSeriesCount(), "one series per night");
        int n = job.result().logs().stream().mapToInt(l -> l.ccds().get(0).keptInPhase()).sum();
        assertEquals(n, lv.pointCount());
        assertEquals(3, lv.panel().chart().getLegend().getSources()[0].getLegendItems().getItemCount());
        Ui.screenshot(shell, "plot-4-overlay-three-nights");
        lv.setOverlay(false);
    }

    @Test
    @Order(11)
    void anOpenConfigIsSavedWithTheWorkbenchAndComesBack() throws Exception {
        var editor = org.calphot.ui.internal.editor.ConfigEditor.open(page, work.resolve("calphot.yaml"));
        var input = editor.getEditorInput();
        assertNotNull(input.getPersistable(), "the config editor's input must be saved with the workbench");
        org.eclipse.ui.XMLMemento m = org.eclipse.ui.XMLMemento.createWriteRoot("input");
        input.getPersistable().saveState(m);
        var factory = PlatformUI.getWorkbench().getElementFactory(input.getPersistable().getFactoryId());
        assertNotNull(factory, "no element factory registered for " + input.getPersistable().getFactoryId());
        org.eclipse.ui.XMLMemento read = org.eclipse.ui.XMLMemento.createReadRoot(new java.io.StringReader(
                toString(m)));
        assertEquals(input, factory.createElement(read));
        page.closeEditor(editor, false);
    }

    private static String toString(org.eclipse.ui.XMLMemento m) throws java.io.IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        m.save(w);
        return w.toString();
    }

    private static List<Double> calibPhases(Path calib) throws Exception {
        List<Double> out = new ArrayList<>();
        for (String l : Files.readAllLines(calib)) {
            if (!l.startsWith("#") && !l.isBlank()) {
                out.add(Double.parseDouble(l.strip().split("\\s+")[0]));
            }
        }
        return out;
    }
}
