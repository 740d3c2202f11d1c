// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.ephemeris.EphemerisFitFile;
import org.calphot.plot.FigurePage;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.plot.FigureView;
import org.calphot.ui.internal.tools.Analyses;
import org.calphot.ui.internal.tools.EclipseTimingAnalysis;
import org.calphot.ui.internal.tools.EphemerisAnalysis;
import org.calphot.ui.internal.tools.ExtinctionAnalysis;
import org.calphot.ui.internal.tools.ResultFiles;
import org.calphot.ui.internal.tools.ToolDialog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The analyses beside a run, as a user does them from Observations: fit extinction on a long real ULTRACAM run,
 * time the eclipses of three simulated nights, fit the ephemeris by MCMC, open the files those write. Each view is
 * checked against numbers of the same data and saved as a screenshot under target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisViewsTest {

    static final String ASASSN_LOG = "logs/hipercam_ultracam_asassn16kr_2018-10/2018_10_15.log";
    /** ASASSN-16kr, La Silla 2018-10-15: airmass 2.85 to 4.34, long enough for extinction (unlicensed: may be absent). */
    static final Path ASASSN = ReferenceData.referenceFolder().resolve(ASASSN_LOG);
    static final Path EPHEMERIS_EXAMPLE = Ui.demo().resolveSibling("ephemeris");
    /** The simulated ephemeris of examples/ephemeris (README). */
    static final double T0 = 60384.6512345;
    static final double PERIOD = 0.0583110795;

    private static IWorkbenchPage page;
    private static Shell shell;
    private static Path work;
    /** Where Time Eclipses wrote (the dialog's output folder). */
    private static Path timingOut;

    @BeforeAll
    static void setUp() throws Exception {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        page = window.getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(CalphotUi.PERSPECTIVE_ID));
        shell = window.getShell();
        shell.setBounds(0, 0, 1280, 860);
        work = Path.of("target", "ui-work", "analyses").toAbsolutePath();
        Ui.deleteTree(work);
        Files.createDirectories(work.resolve("asassn"));
        if (ReferenceData.unlicensedPresent() || ReferenceData.required()) {
            Files.copy(ReferenceData.unlicensed(ASASSN_LOG), work.resolve("asassn/2018_10_15.log"));
        }
        Files.copy(EPHEMERIS_EXAMPLE.resolve("calphot.yaml"), work.resolve("calphot.yaml"));
        for (String n : new String[] {"night1", "night2", "night3"}) {
            Files.createDirectories(work.resolve(n));
            Files.copy(EPHEMERIS_EXAMPLE.resolve(n + "/" + n + ".log"), work.resolve(n + "/" + n + ".log"));
        }
        ((ObservationsView) page.showView(CalphotUi.OBSERVATIONS_VIEW_ID)).setRoot(work);
    }

    private static FigureView view(String id) {
        return (FigureView) page.findView(id);
    }

    private static void finish(Job job) {
        assertTrue(Ui.join(job), job.getName() + " did not finish");
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getName() + ": " + job.getResult().getMessage()
                + "\n" + org.calphot.ui.internal.run.ConsoleView.contents());
    }

    private static List<String> menuLabels(Object... selected) {
        MenuManager m = new MenuManager();
        Analyses.fillContextMenu(m, new StructuredSelection(Arrays.asList(selected)), page, work);
        return Arrays.stream(m.getItems()).map(i -> ((ActionContributionItem) i).getAction().getText()).toList();
    }

    @Test
    @Order(1)
    void fitExtinctionFromTheContextMenuOfALog() throws Exception {
        ReferenceData.unlicensed(ASASSN_LOG);
        Path log = work.resolve("asassn/2018_10_15.log");
        assertEquals(List.of("Fit Extinction...", "Time Eclipses..."), menuLabels(log));
        ToolDialog d = ExtinctionAnalysis.extinctionDialog(shell, log, work);
        d.setBlockOnOpen(false);
        d.open();
        d.set("site", "lasilla");
        d.set("target", "20:21:14.40 -15:36:29.0");
        d.set("apertures", "");
        Ui.screenshot(d.getShell(), "8-extinction-dialog");
        d.set("target", "20:21:14.40");
        assertTrue(!d.ok(), "a pointing without Dec must keep the dialog open");
        d.set("target", "20:21:14.40 -15:36:29.0");
        assertTrue(d.ok());
        finish(ExtinctionAnalysis.fitExtinction(page, ExtinctionAnalysis.extinctionRequest(log, d.values())));

        FigureView v = view(CalphotUi.EXTINCTION_VIEW_ID);
        assertTrue(Ui.until(() -> v.figures().size() == 3), "one figure per CCD (r, g, u)");
        assertEquals(List.of("r (CCD 1)", "g (CCD 2)", "u (CCD 3)"), v.figures().stream().map(FigureView.Figure::name).toList());
        // the joint k of the command line on the same log and pointing (`calphot extinction ... --site lasilla
        // --target "20:21:14.40 -15:36:29.0"`): r 0.0248 +- 0.0376, the target left out and the red-noise error
        assertTrue(v.figures().get(0).tip().contains("joint k = 0.025 \u00b1 0.038"), v.figures().get(0).tip());
        JFreeChart c = v.panel().chart();
        assertNotNull(c);
        assertEquals(3, ((CombinedDomainXYPlot) c.getPlot()).getSubplots().size(), "one panel per aperture");
        // written where the dialog said: the output folder of the config naming the log, else beside the log
        Path outDir = Path.of(d.values().get("out"));
        Path json = outDir.resolve("2018_10_15_extinction.json");
        assertTrue(Files.isRegularFile(json) && Files.isRegularFile(outDir.resolve("2018_10_15_extinction_ccd3.png")));
        Ui.screenshot(shell, "9-extinction-fit");

        // the file the fit wrote opens in the same view with the same numbers
        v.select(2);
        String before = v.figures().get(2).tip();
        finish(ResultFiles.open(page, json));
        assertTrue(Ui.until(() -> v.selected() == 0 && v.figures().size() == 3));
        assertEquals(before, v.figures().get(2).tip());
    }

    @Test
    @Order(2)
    void timeTheEclipsesOfThreeNights() throws Exception {
        List<Path> logs = List.of(work.resolve("night1/night1.log"), work.resolve("night2/night2.log"),
                work.resolve("night3/night3.log"));
        assertEquals(List.of("Time Eclipses of 3 Logs..."), menuLabels(logs.toArray()));
        ToolDialog d = EclipseTimingAnalysis.timingDialog(shell, logs, work);
        d.setBlockOnOpen(false);
        d.open();
        Ui.screenshot(d.getShell(), "10-eclipse-timing-dialog");
        // defaults from the config that names the logs (examples/ephemeris/calphot.yaml)
        assertTrue(d.ok());
        assertEquals("TNO", d.values().get("site"));
        assertEquals("10:00:00.00 +20:00:00.0", d.values().get("target"));
        assertEquals("60384.6512345 0.0583110795", d.values().get("ephemeris"));
        // the EPHEMERIS folder goes under the output folder of the config naming the logs
        timingOut = Path.of(d.values().get("out"));
        finish(EclipseTimingAnalysis.timeEclipses(page, EclipseTimingAnalysis.timingRequest(logs, d.values())));

        FigureView ev = view(CalphotUi.ECLIPSE_VIEW_ID);
        assertTrue(Ui.until(() -> ev.figures().size() == 3), "one figure per eclipse");
        assertEquals(List.of("night1_E0", "night2_E17", "night3_E120"),
                ev.figures().stream().map(FigureView.Figure::name).sorted().toList());
        assertTrue(ev.panel().hasFigure());
        Ui.screenshot(shell, "11-eclipse-fit");

        EclipseTimeTable t = EclipseTimesFile.read(timingOut.resolve("EPHEMERIS/eclipse_times.txt"), null);
        assertEquals(3, t.size());
        for (int i = 0; i < 3; i++) {
            // simulated mid-eclipse times are exactly on the ephemeris; timing errors are ~0.25 s
            double oc = (t.bmjdTdb()[i] - (T0 + PERIOD * t.cycles()[i])) * 86400;
            assertTrue(Math.abs(oc) < 5 * t.errors()[i] * 86400, "O-C " + oc + " s at cycle " + t.cycles()[i]);
        }
        FigureView oc = view(CalphotUi.OC_VIEW_ID);
        assertTrue(Ui.until(() -> oc.figures().size() == 1 && oc.panel().hasFigure()), "O-C of the three times");
        page.activate(oc);
        Ui.screenshot(shell, "12-oc-least-squares");
    }

    @Test
    @Order(3)
    void fitTheEphemerisByMcmcAndLookAtTheChain() throws Exception {
        Path times = timingOut.resolve("EPHEMERIS/eclipse_times.txt");
        assertEquals(List.of("Show O\u2212C (Least Squares)", "Fit Ephemeris (MCMC)"), menuLabels(times));
        finish(EphemerisAnalysis.fitEphemeris(page, times));
        FigureView mv = view(CalphotUi.MCMC_VIEW_ID);
        assertTrue(Ui.until(() -> mv.figures().size() == 2 && mv.panel().hasFigure()), "traces and corner plot");
        var fit = EphemerisFitFile.read(timingOut.resolve("EPHEMERIS/ephemeris_fit.txt"));
        // the simulated ephemeris within 4 sigma of the MCMC errors
        assertTrue(Math.abs(fit.t0() - T0) < 4 * fit.t0Err(), fit.t0() + " +- " + fit.t0Err());
        assertTrue(Math.abs(fit.period() - PERIOD) < 4 * fit.periodErr(), fit.period() + " +- " + fit.periodErr());
        Ui.screenshot(shell, "13-mcmc-traces");

        mv.select(1);
        FigurePage corner = mv.panel().page();
        assertNotNull(corner, "the corner plot is a page of panels");
        assertEquals(2, corner.rows());
        Ui.settle();
        assertNotNull(corner.drawnDataArea(1, 0), "the page was drawn in the view");
        Ui.screenshot(shell, "14-mcmc-corner");
        Path png = Path.of("target", "screenshots", "exported-corner.png").toAbsolutePath();
        mv.panel().export(png);
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertEquals("PNG", new String(head, 1, 3, StandardCharsets.US_ASCII));

        assertTrue(mv.panel().enlarge(1, 0), "the T0-P panel enlarges");
        assertTrue(mv.panel().isEnlarged());
        assertNotNull(mv.panel().chart());
        Ui.screenshot(shell, "15-corner-panel-enlarged");
        mv.panel().resetZoom();
        assertNull(mv.panel().chart());
        assertTrue(mv.panel().page() == corner, "Reset Zoom goes back to the page");

        FigureView oc = view(CalphotUi.OC_VIEW_ID);
        assertTrue(oc.getContentDescription().contains("MCMC"), oc.getContentDescription());
    }

    @Test
    @Order(4)
    void openTheFilesTheFitsWrote() throws Exception {
        Path dir = timingOut.resolve("EPHEMERIS");
        finish(ResultFiles.open(page, dir.resolve("ephemeris_chain.txt")));
        FigureView mv = view(CalphotUi.MCMC_VIEW_ID);
        assertTrue(Ui.until(() -> mv.getContentDescription().contains("after burn-in")), mv.getContentDescription());
        assertEquals(2, mv.figures().size());
        finish(ResultFiles.open(page, dir.resolve("ephemeris_fit.txt")));
        FigureView oc = view(CalphotUi.OC_VIEW_ID);
        assertTrue(Ui.until(() -> oc.getContentDescription().contains("ephemeris_fit.txt")));
        assertTrue(oc.panel().hasFigure());
        page.activate(oc);
        Ui.screenshot(shell, "16-oc-from-fit-file");
    }
}
