// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.plot.FigureView;
import org.calphot.ui.internal.tools.EclipseTimingAnalysis;
import org.calphot.ui.internal.tools.ToolDialog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

/**
 * Time Eclipses with a chosen model and CCD (issue 19): the dialog offers the three models and the CCD, the
 * white-dwarf contact model times the three simulated ULTRASPEC nights of examples/ephemeris on the ephemeris
 * they were simulated on, and each eclipse's figure shows the model and the white dwarf's contact points.
 */
class EclipseDialogTest {

    /** The simulated ephemeris of examples/ephemeris (its README). */
    static final double T0 = 60384.6512345;
    static final double PERIOD = 0.0583110795;

    @Test
    void chooseTheWdContactsModelAndTheCcdAndSeeTheContactPoints() throws Exception {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(CalphotUi.PERSPECTIVE_ID));
        Shell shell = window.getShell();
        shell.setBounds(0, 0, 1280, 860);
        Path work = Path.of("target", "ui-work", "eclipse-models").toAbsolutePath();
        Ui.deleteTree(work);
        Path example = Ui.demo().resolveSibling("ephemeris");
        Files.createDirectories(work);
        // the config names the model: the dialog starts from it
        Files.writeString(work.resolve("calphot.yaml"), "eclipse model: wd-bright-spot\n"
                + Files.readString(example.resolve("calphot.yaml")));
        List<Path> logs = new ArrayList<>();
        for (String n : new String[] {"night1", "night2", "night3"}) {
            Files.createDirectories(work.resolve(n));
            logs.add(Files.copy(example.resolve(n + "/" + n + ".log"), work.resolve(n + "/" + n + ".log")));
        }
        ((ObservationsView) page.showView(CalphotUi.OBSERVATIONS_VIEW_ID)).setRoot(work);

        ToolDialog d = EclipseTimingAnalysis.timingDialog(shell, logs, work);
        d.setBlockOnOpen(false);
        d.open();
        assertNotNull(d.combo("model"), "the model is a drop-down");
        assertEquals(List.of("symmetric", "wd-contacts", "wd-bright-spot"), Arrays.asList(d.combo("model").getItems()));
        assertEquals("wd-bright-spot", d.combo("model").getText(), "the config's eclipse model");
        assertEquals("auto", d.combo("ccd").getText(), "no eclipse ccd in the config: the best CCD");
        d.set("model", "box");
        assertFalse(d.ok(), "an unknown model keeps the dialog open");
        d.set("model", "wd-contacts");
        d.set("ccd", "1");
        Ui.screenshot(d.getShell(), "13-eclipse-dialog-models");
        assertTrue(d.ok());
        EclipseTimingAnalysis.TimingRequest req = EclipseTimingAnalysis.timingRequest(logs, d.values());
        assertEquals("wd-contacts", req.model());
        assertEquals("1", req.ccd());
        Job job = EclipseTimingAnalysis.timeEclipses(page, req);
        assertTrue(Ui.join(job), "timing did not finish");
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage() + "\n"
                + org.calphot.ui.internal.run.ConsoleView.contents());

        FigureView ev = (FigureView) page.findView(CalphotUi.ECLIPSE_VIEW_ID);
        assertTrue(Ui.until(() -> ev.figures().size() == 3 && ev.panel().hasFigure()), "one figure per eclipse");
        JFreeChart c = ev.panel().chart();
        assertNotNull(c);
        // the model named on the figure, and the white dwarf's mid-ingress and mid-egress marked in every panel
        StringBuilder subtitles = new StringBuilder();
        for (int i = 0; i < c.getSubtitleCount(); i++) {
            if (c.getSubtitle(i) instanceof TextTitle t) {
                subtitles.append(t.getText()).append('\n');
            }
        }
        assertTrue(subtitles.toString().contains("model wd-contacts"), subtitles.toString());
        XYPlot top = (XYPlot) ((CombinedDomainXYPlot) c.getPlot()).getSubplots().get(0);
        List<String> labels = new ArrayList<>();
        for (Object o : top.getDomainMarkers(Layer.BACKGROUND)) {
            labels.add(((Marker) o).getLabel());
        }
        assertTrue(labels.containsAll(List.of("WD ingress", "WD egress")), labels.toString());
        Ui.screenshot(shell, "14-eclipse-wd-contacts");

        // the times on the ephemeris the nights were simulated on, within 5 sigma; the file says the model
        Path out = Path.of(d.values().get("out"));
        EclipseTimeTable t = EclipseTimesFile.read(out.resolve("EPHEMERIS/eclipse_times.txt"), null);
        assertEquals(3, t.size());
        for (int i = 0; i < 3; i++) {
            double oc = (t.bmjdTdb()[i] - (T0 + PERIOD * t.cycles()[i])) * 86400;
            assertTrue(Math.abs(oc) < 5 * t.errors()[i] * 86400, "O-C " + oc + " s at cycle " + t.cycles()[i]);
        }
        String console = org.calphot.ui.internal.run.ConsoleView.contents();
        assertTrue(console.contains("--model wd-contacts --ccd 1"), console);
    }
}
