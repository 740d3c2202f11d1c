// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.ui.internal.ObservationsView;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;

/**
 * The analyses beside a run, from the Observations view: extinction of a log, eclipse times of logs, an ephemeris
 * fit of eclipse times, and opening what {@code calphot extinction}, {@code eclipse-times} and {@code ephemeris}
 * wrote. Each runs as a background job through the same tools as the command line (same files written, same
 * figures), reports in the Run Console and shows its figures in a plot view.
 */
public final class Analyses {

    private Analyses() {
    }

    /** Adds the analyses that fit the selection to the Observations view's context menu. */
    public static void fillContextMenu(IMenuManager menu, IStructuredSelection selection, IWorkbenchPage page,
            Path root) {
        List<Path> files = new ArrayList<>();
        for (Object o : selection.toList()) {
            Path p = o instanceof ObservationsView.RunGroup g ? g.log() : o instanceof Path q ? q : null;
            if (p != null) {
                files.add(p);
            }
        }
        List<Path> logs = files.stream().filter(f -> ObservationsView.Kind.of(f) == ObservationsView.Kind.LOG)
                .toList();
        Shell shell = page.getWorkbenchWindow().getShell();
        if (logs.size() == 1) {
            menu.add(action("Fit Extinction...", "Extinction coefficients per CCD from this log (calphot extinction)",
                    () -> {
                        ToolDialog d = ExtinctionAnalysis.extinctionDialog(shell, logs.get(0), root);
                        if (d.open() == Window.OK) {
                            ExtinctionAnalysis.fitExtinction(page,
                                    ExtinctionAnalysis.extinctionRequest(logs.get(0), d.values()));
                        }
                    }));
        }
        if (!logs.isEmpty()) {
            menu.add(action(logs.size() == 1 ? "Time Eclipses..." : "Time Eclipses of " + logs.size() + " Logs...",
                    "Mid-eclipse times by MCMC into EPHEMERIS/eclipse_times.txt (calphot eclipse-times)", () -> {
                        ToolDialog d = EclipseTimingAnalysis.timingDialog(shell, logs, root);
                        if (d.open() == Window.OK) {
                            EclipseTimingAnalysis.timeEclipses(page,
                                    EclipseTimingAnalysis.timingRequest(logs, d.values()));
                        }
                    }));
        }
        if (files.size() == 1) {
            Path f = files.get(0);
            ObservationsView.Kind k = ObservationsView.Kind.of(f);
            if (k == ObservationsView.Kind.ECLIPSE_TIMES) {
                menu.add(action("Show O\u2212C (Least Squares)", "O\u2212C against the least-squares ephemeris",
                        () -> ResultFiles.open(page, f)));
                menu.add(action("Fit Ephemeris (MCMC)", "T0 and P by MCMC, O\u2212C, traces and corner plot; writes "
                        + "ephemeris_fit.txt, ephemeris_chain.txt and the figures beside the file (calphot ephemeris)",
                        () -> EphemerisAnalysis.fitEphemeris(page, f)));
            } else if (k == ObservationsView.Kind.EXTINCTION || k == ObservationsView.Kind.EPHEMERIS_FIT
                    || k == ObservationsView.Kind.CHAIN) {
                menu.add(action("Open", "Show the figures of this result", () -> ResultFiles.open(page, f)));
            }
        }
    }

    private static org.eclipse.jface.action.Action action(String text, String tip, Runnable r) {
        org.eclipse.jface.action.Action a = new org.eclipse.jface.action.Action(text) {
            @Override
            public void run() {
                r.run();
            }
        };
        a.setToolTipText(tip);
        return a;
    }
}
