// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

import java.util.ArrayList;
import java.util.List;

import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.RunResult;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.JFreeChart;

/**
 * A plot view of the last run's results, one log at a time (chosen in the view menu), with Export and Reset zoom
 * on its toolbar. Subclasses draw the chart.
 */
public abstract class ResultView extends ViewPart {

    protected ChartPanel panel;
    private RunResult result;
    private int logIndex;
    private final List<IAction> logActions = new ArrayList<>();

    protected abstract String emptyMessage();

    /** The chart of one log of the run. */
    protected abstract JFreeChart build(RunResult run, LogResult log);

    protected abstract String exportStem(LogResult log);

    protected void contributeActions(IToolBarManager tb, IMenuManager menu) {
    }

    /** The composite the chart goes in: the part itself, unless a view puts a row of its own above the chart. */
    protected Composite chartParent(Composite parent) {
        return parent;
    }

    /** Whether the view menu lists the run's logs to choose from (a view with its own selector says false). */
    protected boolean logMenu() {
        return true;
    }

    @Override
    public void createPartControl(Composite parent) {
        panel = new ChartPanel(chartParent(parent), emptyMessage());
        IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
        IMenuManager menu = getViewSite().getActionBars().getMenuManager();
        contributeActions(tb, menu);
        tb.add(new Separator());
        tb.add(action("Reset Zoom", "Show all the data again", panel::resetZoom));
        tb.add(new Separator());
        tb.add(action("Export...", "Save the figure as shown as PNG or PDF (by the file name)", () -> panel.exportDialog("png")));
        menu.add(action("Export as PDF...", "Save the figure as a vector PDF", () -> panel.exportDialog("pdf")));
        menu.add(new Separator("logs"));
    }

    protected static Action action(String text, String tip, Runnable r) {
        Action a = new Action(text) {
            @Override
            public void run() {
                r.run();
            }
        };
        a.setToolTipText(tip);
        return a;
    }

    /** Shows a run's results (UI thread). */
    public void show(RunResult run) {
        this.result = run;
        this.logIndex = 0;
        IMenuManager menu = getViewSite().getActionBars().getMenuManager();
        for (IAction a : logActions) {
            menu.remove(a.getId());
        }
        logActions.clear();
        if (run != null && run.logs().size() > 1 && logMenu()) {
            for (int i = 0; i < run.logs().size(); i++) {
                int k = i;
                Action a = new Action("Log " + run.logs().get(i).log().getFileName(), IAction.AS_RADIO_BUTTON) {
                    @Override
                    public void run() {
                        if (isChecked()) {
                            logIndex = k;
                            redraw();
                        }
                    }
                };
                a.setId("log." + i);
                a.setChecked(i == 0);
                logActions.add(a);
                menu.appendToGroup("logs", a);
            }
        }
        getViewSite().getActionBars().updateActionBars();
        redraw();
    }

    public RunResult result() {
        return result;
    }

    protected void redraw() {
        if (panel == null || panel.isDisposed()) {
            return;
        }
        if (result == null || result.logs().isEmpty()) {
            panel.setChart(null, null);
            setContentDescription("");
            return;
        }
        LogResult log = result.logs().get(logIndex);
        JFreeChart c = build(result, log);
        if (c == null) {
            panel.setMessage("Nothing to show for " + log.log().getFileName());
        } else {
            panel.setChart(c, exportStem(log));
        }
        setContentDescription(log.log().getFileName() + "  \u2192  " + result.outputDir().getFileName());
        setTitleToolTip(log.log() + " \u2192 " + result.outputDir());
    }

    public ChartPanel panel() {
        return panel;
    }

    @Override
    public void setFocus() {
        panel.setFocus();
    }
}
