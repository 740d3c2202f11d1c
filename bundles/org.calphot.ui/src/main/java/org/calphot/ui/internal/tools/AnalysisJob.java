// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.CancelledException;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.plot.FigureView;
import org.calphot.ui.internal.plot.FigureView.Figure;
import org.calphot.ui.internal.run.ConsoleView;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.progress.IProgressConstants;

/**
 * Runs an analysis as a background job, the plumbing every analysis shares: its output and warnings go to the
 * Run Console, its figures to a plot view, an error to that view, and the Observations tree is refreshed after
 * (the tools write files). Jobs belong to the family {@code Analyses.class}.
 */
final class AnalysisJob {

    private AnalysisJob() {
    }

    @FunctionalInterface
    interface Work {
        /** Runs off the UI thread; returns what to do on the UI thread with the result. */
        Runnable run(IProgressMonitor monitor, Warnings warnings, PrintWriter out) throws CalphotException,
                IOException;
    }

    /** A user job: output and warnings to the Run Console, the result shown in a view, errors in that view. */
    static Job job(IWorkbenchPage page, String name, String viewId, Work work) {
        Job j = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(name, PROGRESS_UNITS);
                PrintWriter out = new PrintWriter(new ConsoleWriter(), true);
                Warnings warnings = (where, msg) -> ConsoleView.println("warning: "
                        + (where == null || where.toString().isEmpty() ? "" : where + ": ") + msg);
                try {
                    Runnable show = work.run(monitor, warnings, out);
                    out.flush();
                    Display.getDefault().asyncExec(show);
                    return Status.OK_STATUS;
                } catch (CancelledException e) {
                    ConsoleView.println("cancelled");
                    return Status.CANCEL_STATUS;
                } catch (CalphotException e) {
                    out.flush();
                    ConsoleView.println("error: " + e.describe());
                    fail(page, viewId, name + " failed:\n\n" + e.describe());
                    return new Status(IStatus.ERROR, CalphotUi.BUNDLE_ID, e.describe());
                } catch (IOException | RuntimeException e) {
                    out.flush();
                    ConsoleView.println("error: " + e);
                    fail(page, viewId, name + " failed:\n\n" + e);
                    return new Status(IStatus.ERROR, CalphotUi.BUNDLE_ID, name + " failed", e);
                } finally {
                    monitor.done();
                    // the tools write files: show them in the tree whatever the outcome
                    Display.getDefault().asyncExec(() -> {
                        if (page.findView(CalphotUi.OBSERVATIONS_VIEW_ID) instanceof ObservationsView ov) {
                            ov.refresh();
                        }
                    });
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == Analyses.class;
            }
        };
        j.setUser(true);
        j.setPriority(Job.LONG);
        // the outcome is in the console and the view; no modal dialog on top
        j.setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        try {
            page.showView(CalphotUi.CONSOLE_VIEW_ID, null, IWorkbenchPage.VIEW_VISIBLE);
            if (page.showView(viewId, null, IWorkbenchPage.VIEW_VISIBLE) instanceof FigureView v) {
                v.message(name + " ...");
            }
        } catch (PartInitException e) {
            // the job still runs; its output is in the console buffer
        }
        j.schedule();
        return j;
    }

    static void fail(IWorkbenchPage page, String viewId, String text) {
        Display.getDefault().asyncExec(() -> {
            if (page.findView(viewId) instanceof FigureView v) {
                v.message(text);
            }
        });
    }

    /** Shows figures in a view (to run on the UI thread). */
    static Runnable show(IWorkbenchPage page, String viewId, String source, List<Figure> figures) {
        List<Figure> copy = List.copyOf(figures);
        return () -> {
            if (page.getWorkbenchWindow().getShell() == null || page.getWorkbenchWindow().getShell().isDisposed()) {
                return;
            }
            try {
                ((FigureView) page.showView(viewId)).show(source, copy);
            } catch (PartInitException e) {
                ConsoleView.println("cannot open the view " + viewId + ": " + e.getMessage());
            }
        };
    }

    /** Units of an analysis job's progress bar; the tools' begin/worked are scaled into what is left of it. */
    private static final int PROGRESS_UNITS = 1000;

    static ProgressMonitor adapt(IProgressMonitor m) {
        return new ProgressMonitor() {
            private double used;
            private double perUnit;

            @Override
            public synchronized void begin(String task, int totalWork) {
                m.setTaskName(task);
                // each begin (a tool, then its sampler) shares what is left of the bar
                perUnit = totalWork > 0 ? (PROGRESS_UNITS - used) / totalWork : 0;
            }

            @Override
            public synchronized void worked(int work) {
                double d = Math.min(work * perUnit, PROGRESS_UNITS - used);
                if (d > 0) {
                    used += d;
                    m.internalWorked(d);
                }
            }

            @Override
            public void subTask(String name) {
                m.subTask(name);
                ConsoleView.println("  " + name);
            }

            @Override
            public boolean isCanceled() {
                return m.isCanceled();
            }
        };
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** The file with its folder: "EPHEMERIS/eclipse_times.txt". */
    static String describe(Path f) {
        Path parent = f.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? f.getFileName().toString()
                : parent.getFileName() + "/" + f.getFileName();
    }

    /** Lines written by a tool, to the Run Console as they complete. */
    private static final class ConsoleWriter extends Writer {
        private final StringBuilder line = new StringBuilder();

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c == '\n') {
                    ConsoleView.println(line.toString());
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }

        @Override
        public synchronized void flush() {
            if (line.length() > 0) {
                ConsoleView.println(line.toString());
                line.setLength(0);
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
