// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.live;

import java.nio.file.Path;

import org.calphot.pipeline.LiveSession;
import org.calphot.pipeline.RunResult;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.editor.ConfigEditor;
import org.calphot.ui.internal.plot.LightcurveView;
import org.calphot.ui.internal.run.ConsoleView;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;

/**
 * The Live toggle: on, follows the logs of the open config (else the one selected in Observations) with a
 * {@link LiveJob} and shows the Lightcurve view growing, the current phase marked by a red line; off, stops with
 * the final whole run.
 */
public final class LiveToggleHandler extends AbstractHandler {

    public static final String COMMAND_ID = "org.calphot.ui.live";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        Command command = event.getCommand();
        boolean wasOn = HandlerUtil.toggleCommandState(command);
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        if (wasOn) {
            stopAll();
            return null;
        }
        LiveJob job = start(page);
        if (job == null) {
            HandlerUtil.toggleCommandState(command); // back off: nothing to follow
            MessageDialog.openInformation(page.getWorkbenchWindow().getShell(), "Live",
                    "Open a cal_phot config (.yaml) in the editor, or select one in Observations, then turn Live on.");
        }
        return job;
    }

    /** Stops every live job (each ends with its final whole run). */
    public static void stopAll() {
        for (LiveJob j : LiveJob.RUNNING.values()) {
            j.cancel();
        }
    }

    /** Starts following the active config and shows the Live toggle on (the workbench's {@code --live}). */
    public static LiveJob startChecked(org.eclipse.ui.IWorkbenchWindow window, IWorkbenchPage page) {
        LiveJob j = start(page);
        if (j != null) {
            org.eclipse.ui.commands.ICommandService cs = window.getService(org.eclipse.ui.commands.ICommandService.class);
            Command c = cs.getCommand(COMMAND_ID);
            org.eclipse.core.commands.State st = c.getState(org.eclipse.ui.handlers.RegistryToggleState.STATE_ID);
            if (st != null) {
                st.setValue(Boolean.TRUE);
            }
            cs.refreshElements(COMMAND_ID, null);
        }
        return j;
    }

    /** Starts following the active config; null when there is none. */
    public static LiveJob start(IWorkbenchPage page) {
        Path config = activeConfig(page);
        if (config == null) {
            return null;
        }
        return start(page, config);
    }

    public static LiveJob start(IWorkbenchPage page, Path config) {
        LiveJob running = LiveJob.RUNNING.get(config);
        if (running != null) {
            return running;
        }
        try {
            page.showView(CalphotUi.CONSOLE_VIEW_ID, null, IWorkbenchPage.VIEW_VISIBLE);
        } catch (PartInitException ex) {
            // messages wait in the console buffer
        }
        ConsoleView.clear();
        LiveJob job = new LiveJob(config, (j, current, step) -> show(page, current, step));
        job.schedule();
        return job;
    }

    static void show(IWorkbenchPage page, RunResult current, LiveSession.Step step) {
        if (page.getWorkbenchWindow().getShell() == null || page.getWorkbenchWindow().getShell().isDisposed()) {
            return;
        }
        try {
            LightcurveView lv = (LightcurveView) page.showView(CalphotUi.LIGHTCURVE_VIEW_ID, null,
                    IWorkbenchPage.VIEW_VISIBLE);
            lv.show(current);
            markPhase(lv, step);
            IViewPart obs = page.findView(CalphotUi.OBSERVATIONS_VIEW_ID);
            if (obs instanceof ObservationsView ov) {
                ov.refresh();
            }
        } catch (PartInitException ex) {
            // the view is missing from a customised layout: the console has the status
        }
    }

    /** A vertical line at the phase (or BMJD) of the last frame in every panel. */
    private static void markPhase(LightcurveView lv, LiveSession.Step step) {
        JFreeChart chart = lv.panel() == null ? null : lv.panel().chart();
        if (chart == null || step == null || step.logs().isEmpty()) {
            return;
        }
        LiveSession.LogStatus s = step.logs().get(0);
        // the wrapped JFreeChart exports no title package: the whole title is set as text
        // short: the whole status line (fluxes of every band) would wrap over the panels; it is in Run Console
        chart.setTitle(String.format(java.util.Locale.ROOT, "LIVE  %s: %d frames, BMJD %.5f, phase %+.3f, cycle %d",
                s.log().getFileName(), s.frames(), s.lastBmjd(), s.phase(), s.cycle()));
        XYPlot first = chart.getPlot() instanceof XYPlot xy ? xy : null;
        String axis = first != null && first.getDomainAxis() != null ? String.valueOf(first.getDomainAxis().getLabel())
                : "";
        boolean phase = !axis.contains("BMJD");
        double x = phase ? s.phase() : s.lastBmjd();
        if (!Double.isFinite(x)) {
            return;
        }
        ValueMarker m = new ValueMarker(x, java.awt.Color.RED, new java.awt.BasicStroke(1.5f));
        m.setLabel(String.format(java.util.Locale.ROOT, "now %.3f", x));
        if (chart.getPlot() instanceof CombinedDomainXYPlot c) {
            for (Object p : c.getSubplots()) {
                ((XYPlot) p).addDomainMarker(m);
            }
        } else if (chart.getPlot() instanceof XYPlot p) {
            p.addDomainMarker(m);
        }
    }

    private static Path activeConfig(IWorkbenchPage page) {
        IEditorPart e = page.getActiveEditor();
        if (e instanceof ConfigEditor ce) {
            if (ce.isDirty()) {
                ce.doSave(new NullProgressMonitor());
            }
            return ce.file();
        }
        IViewPart v = page.findView(CalphotUi.OBSERVATIONS_VIEW_ID);
        if (v instanceof ObservationsView ov && ov.viewer().getSelection() instanceof IStructuredSelection s
                && s.getFirstElement() instanceof Path p && ObservationsView.Kind.of(p) == ObservationsView.Kind.CONFIG) {
            return p;
        }
        return null;
    }
}
