// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.editor.ConfigEditor;
import org.calphot.ui.internal.plot.ComparisonView;
import org.calphot.ui.internal.plot.LightcurveView;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Run Config: saves and runs the config in the active editor (else the config selected in Observations) as a
 * {@link RunJob}. When it ends, the plot views show the results; an error in the config opens the editor at the
 * offending key.
 */
public final class RunConfigHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        IWorkbenchPage page = w.getActivePage();
        RunJob job = start(page);
        if (job == null) {
            MessageDialog.openInformation(w.getShell(), "Run Config",
                    "Open a cal_phot config (.yaml) in the editor, or select one in Observations, then run it.");
        }
        return job;
    }

    /** Starts a run of the active config; null when there is none. */
    public static RunJob start(IWorkbenchPage page) {
        Path config = null;
        String text = null;
        IEditorPart e = page.getActiveEditor();
        if (e instanceof ConfigEditor ce) {
            if (ce.isDirty()) {
                ce.doSave(new NullProgressMonitor());
            }
            config = ce.file();
            text = ce.source().document().get();
        } else {
            IViewPart v = page.findView(CalphotUi.OBSERVATIONS_VIEW_ID);
            if (v instanceof ObservationsView ov
                    && ov.viewer().getSelection() instanceof IStructuredSelection s
                    && s.getFirstElement() instanceof Path p
                    && ObservationsView.Kind.of(p) == ObservationsView.Kind.CONFIG) {
                config = p;
                try {
                    text = Files.readString(p);
                } catch (java.io.IOException ex) {
                    return null;
                }
            }
        }
        if (config == null) {
            return null;
        }
        try {
            page.showView(CalphotUi.CONSOLE_VIEW_ID, null, IWorkbenchPage.VIEW_VISIBLE);
        } catch (PartInitException ex) {
            // the run still goes; its messages wait in the console buffer
        }
        ConsoleView.clear();
        RunJob job = new RunJob(config, text, j -> finished(page, j));
        job.schedule();
        return job;
    }

    static void finished(IWorkbenchPage page, RunJob job) {
        if (page.getWorkbenchWindow().getShell() == null || page.getWorkbenchWindow().getShell().isDisposed()) {
            return;
        }
        try {
            if (job.result() != null) {
                ComparisonView cv = (ComparisonView) page.showView(CalphotUi.COMPARISON_VIEW_ID, null,
                        IWorkbenchPage.VIEW_CREATE);
                cv.show(job.result());
                LightcurveView lv = (LightcurveView) page.showView(CalphotUi.LIGHTCURVE_VIEW_ID);
                lv.show(job.result());
                IViewPart obs = page.findView(CalphotUi.OBSERVATIONS_VIEW_ID);
                if (obs instanceof ObservationsView ov) {
                    ov.refresh();
                }
            } else if (job.errorLine() > 0) {
                ConfigEditor.open(page, job.config()).reveal(job.errorLine());
            }
        } catch (PartInitException ex) {
            // views missing from a customised layout: the console has the outcome
        }
    }
}
