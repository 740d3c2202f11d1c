// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.run;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;

/**
 * The run console: progress steps and warnings, and the Calibration log line by line as the pipeline writes it
 * (lines of logs calibrated in parallel carry the log's name). Lines arrive from any thread and are appended in
 * batches on the UI thread; the text is kept while the view is closed.
 */
public final class ConsoleView extends ViewPart {

    private static final StringBuilder TEXT = new StringBuilder();
    private static final List<ConsoleView> OPEN = new ArrayList<>();
    /** Bumped by {@link #clear()}: open views then rebuild their text instead of appending. */
    private static int generation;
    private static boolean refreshPending;
    private StyledText text;
    private int shownLength;
    private int shownGeneration = -1;

    /** Appends a line (any thread). */
    public static void println(String line) {
        boolean schedule;
        synchronized (TEXT) {
            TEXT.append(line).append('\n');
            schedule = !refreshPending;
            refreshPending = true;
        }
        if (schedule) {
            // one refresh for however many lines arrive before the UI thread gets to it
            Display.getDefault().asyncExec(ConsoleView::refreshAll);
        }
    }

    public static void clear() {
        synchronized (TEXT) {
            TEXT.setLength(0);
            generation++;
            refreshPending = true;
        }
        Display.getDefault().asyncExec(ConsoleView::refreshAll);
    }

    public static String contents() {
        synchronized (TEXT) {
            return TEXT.toString();
        }
    }

    private static void refreshAll() {
        synchronized (TEXT) {
            refreshPending = false;
        }
        for (ConsoleView v : List.copyOf(OPEN)) {
            v.refresh();
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        text = new StyledText(parent, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        OPEN.add(this);
        Action clear = new Action("Clear") {
            @Override
            public void run() {
                clear();
            }
        };
        clear.setToolTipText("Clear the console");
        getViewSite().getActionBars().getToolBarManager().add(clear);
        refresh();
    }

    private void refresh() {
        if (text == null || text.isDisposed()) {
            return;
        }
        String all;
        int gen;
        synchronized (TEXT) {
            all = TEXT.toString();
            gen = generation;
        }
        if (all.isEmpty()) {
            text.setText("Runs started with Run Config (Ctrl+R) report their steps here, then the Calibration log"
                    + " as it is written.\nExtinction, eclipse timing and ephemeris fits (right-click in Observations)"
                    + " report here too.\n");
            shownLength = 0;
            shownGeneration = gen;
            return;
        }
        if (gen != shownGeneration || shownLength == 0 || all.length() < shownLength) {
            text.setText(all);
        } else if (all.length() > shownLength) {
            text.append(all.substring(shownLength));
        }
        shownLength = all.length();
        shownGeneration = gen;
        text.setTopIndex(text.getLineCount() - 1);
    }

    @Override
    public void dispose() {
        OPEN.remove(this);
        super.dispose();
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }
}
