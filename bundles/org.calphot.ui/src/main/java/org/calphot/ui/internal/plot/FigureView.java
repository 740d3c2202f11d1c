// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.calphot.plot.FigurePage;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionManager;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;

/**
 * A plot view of one analysis result (an extinction fit, timed eclipses, an O−C diagram, an MCMC chain): one or
 * more figures, chosen with buttons on the toolbar (or in the view menu when there are many), with Reset Zoom and
 * Export as the Lightcurve view has. Figures are built when first shown.
 */
public abstract class FigureView extends ViewPart {

    /**
     * One figure: a short name for its button ("r", "E = 17", "Corner"), a tooltip, the builder of a
     * {@link JFreeChart} or {@link FigurePage}, and the file name stem offered on export.
     */
    public record Figure(String name, String tip, Supplier<Drawable> build, String exportStem) {
    }

    private static final int MAX_BUTTONS = 8;
    private static final String GROUP = "figures";

    protected ChartPanel panel;
    private List<Figure> figures = List.of();
    private String source = "";
    private int index = -1;
    private final List<IAction> selectors = new ArrayList<>();

    protected abstract String emptyMessage();

    @Override
    public void createPartControl(Composite parent) {
        panel = new ChartPanel(parent, emptyMessage());
        IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
        IMenuManager menu = getViewSite().getActionBars().getMenuManager();
        tb.add(new GroupMarker(GROUP));
        // a named separator ends the group, so the figure buttons stay left of Reset Zoom
        tb.add(new Separator("tools"));
        tb.add(ResultView.action("Reset Zoom", "Show all the data again (an enlarged panel goes back to its page)",
                () -> panel.resetZoom()));
        tb.add(new Separator());
        tb.add(ResultView.action("Export...", "Save the figure as shown as PNG or PDF (by the file name)",
                () -> panel.exportDialog("png")));
        menu.add(ResultView.action("Export as PDF...", "Save the figure as a vector PDF",
                () -> panel.exportDialog("pdf")));
        menu.add(new Separator(GROUP));
    }

    /** Shows figures from a source (a file or a tool run, named in the view's description); UI thread. */
    public void show(String sourceDescription, List<Figure> list) {
        this.source = sourceDescription == null ? "" : sourceDescription;
        this.figures = List.copyOf(list);
        IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
        IMenuManager menu = getViewSite().getActionBars().getMenuManager();
        for (IAction a : selectors) {
            tb.remove(a.getId());
            menu.remove(a.getId());
        }
        selectors.clear();
        if (figures.size() > 1) {
            IContributionManager target = figures.size() <= MAX_BUTTONS ? tb : menu;
            for (int i = 0; i < figures.size(); i++) {
                int k = i;
                Figure f = figures.get(i);
                Action a = new Action(f.name(), IAction.AS_RADIO_BUTTON) {
                    @Override
                    public void run() {
                        if (isChecked()) {
                            select(k);
                        }
                    }
                };
                a.setId("figure." + i);
                a.setToolTipText(f.tip());
                selectors.add(a);
                target.appendToGroup(GROUP, a);
            }
        }
        tb.update(true);
        menu.update(true);
        getViewSite().getActionBars().updateActionBars();
        index = -1;
        if (figures.isEmpty()) {
            panel.setMessage(emptyMessage());
            setContentDescription(source);
        } else {
            select(0);
        }
    }

    /** Shows figure i of the current list; UI thread. */
    public void select(int i) {
        index = i;
        for (int k = 0; k < selectors.size(); k++) {
            selectors.get(k).setChecked(k == i);
        }
        Figure f = figures.get(i);
        Drawable d;
        try {
            d = f.build().get();
        } catch (RuntimeException e) {
            panel.setMessage("Cannot draw " + f.name() + ": " + e.getMessage());
            return;
        }
        if (d instanceof FigurePage p) {
            panel.setPage(p, f.exportStem());
        } else if (d instanceof JFreeChart c) {
            panel.setChart(c, f.exportStem());
        } else {
            panel.setMessage("Nothing to show for " + f.name());
        }
        setContentDescription(source + (figures.size() > 1 ? "   (" + f.tip() + ")" : ""));
    }

    /** Shows a message instead of a figure (e.g. while a tool runs, or why it failed). */
    public void message(String text) {
        panel.setMessage(text);
    }

    public List<Figure> figures() {
        return figures;
    }

    public int selected() {
        return index;
    }

    public ChartPanel panel() {
        return panel;
    }

    @Override
    public void setFocus() {
        panel.setFocus();
    }
}
