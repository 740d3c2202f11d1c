// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.ui.CalphotUi;
import org.calphot.ui.help.internal.HelpView;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.plot.LightcurveView;
import org.calphot.ui.internal.plot.LightcurveView.YScale;
import org.calphot.ui.internal.run.RunJob;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;

/** Help > Help Contents shows the README rendered; the Lightcurve view's tool bar shows every label whole. */
class HelpAndToolbarTest {

    @Test
    void helpContentsShowsTheReadmeAndDocs() throws Exception {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Shell shell = window.getShell();
        shell.setBounds(0, 0, 1600, 1000);
        shell.setMaximized(true);
        Ui.settle();
        Menu bar = shell.getMenuBar();
        MenuItem helpMenu = null;
        for (MenuItem m : bar.getItems()) {
            if (m.getText().replace("&", "").equals("Help")) {
                helpMenu = m;
            }
        }
        assertNotNull(helpMenu, "a Help menu");
        // menus are filled when shown: let the Help menu build its items
        helpMenu.getMenu().notifyListeners(org.eclipse.swt.SWT.Show, new org.eclipse.swt.widgets.Event());
        List<String> items = new ArrayList<>();
        for (MenuItem i : helpMenu.getMenu().getItems()) {
            items.add(i.getText().replace("&", ""));
        }
        helpMenu.getMenu().notifyListeners(org.eclipse.swt.SWT.Hide, new org.eclipse.swt.widgets.Event());
        assertTrue(items.contains("Help Contents"), "Help menu: " + items);
        assertTrue(items.stream().anyMatch(s -> s.startsWith("About")), "Help menu: " + items);

        window.getService(IHandlerService.class).executeCommand("org.calphot.ui.helpContents", null);
        Ui.settle();
        IWorkbenchPage page = window.getActivePage();
        HelpView help = (HelpView) page.findView(HelpView.ID);
        assertNotNull(help, "Help Contents opens the calphot Help view");
        assertEquals(0, help.shownDocument(), "the README first");
        if (help.textWidget() != null) {
            // no WebKitGTK here: the styled text; the README's words, without its Markdown marks
            String text = help.textWidget().getText();
            assertTrue(text.startsWith("calphot\n"), text.substring(0, Math.min(80, text.length())));
            assertTrue(text.contains("The workbench"), "the walkthrough section");
            assertTrue(!text.contains("```") && !text.contains("](docs/"), "Markdown rendered, not shown raw");
            int at = text.indexOf("\nThe workbench\n") + 1;
            help.textWidget().setTopIndex(help.textWidget().getLineAtOffset(at));
        }
        page.setPartState(page.findViewReference(HelpView.ID), IWorkbenchPage.STATE_MAXIMIZED);
        Ui.screenshot(shell, "help-contents");
        page.setPartState(page.findViewReference(HelpView.ID), IWorkbenchPage.STATE_RESTORED);
        page.hideView(help);
    }

    /**
     * The labels of a tool bar's items, each asserted whole: inside the bar's width (GTK moves items past it to an
     * overflow menu and draws the chevron over the last), as wide as its label, under no other item.
     */
    private static List<String> wholeItems(ToolBar tb, String size) {
        Rectangle bar = tb.getBounds();
        ToolItem[] all = tb.getItems();
        List<String> labels = new ArrayList<>();
        GC gc = new GC(tb);
        try {
            for (int i = 0; i < all.length; i++) {
                Rectangle r = all[i].getBounds();
                String label = all[i].getText();
                assertTrue(r.x >= 0 && r.x + r.width <= bar.width, "'" + label + "' " + r + " past the end of its tool bar "
                        + bar + " at " + size);
                if (!label.isEmpty()) {
                    assertTrue(r.width >= gc.textExtent(label).x, "'" + label + "' wider than its item " + r + " at " + size);
                    labels.add(label);
                }
                if (all[i].getControl() != null) {
                    Rectangle c = all[i].getControl().getBounds();
                    assertTrue(c.x >= r.x && c.x + c.width <= r.x + r.width + 1, "control " + c + " outside its item "
                            + r + " at " + size);
                }
                for (int j = i + 1; j < all.length; j++) {
                    Rectangle o = all[j].getBounds();
                    assertTrue(!r.intersects(o) || r.isEmpty() || o.isEmpty(),
                            "'" + label + "' " + r + " under '" + all[j].getText() + "' " + o + " at " + size);
                }
            }
        } finally {
            gc.dispose();
        }
        return labels;
    }

    @Test
    void lightcurveToolbarLabelsAreWholeMaximisedAndAtDefaultSize() throws Exception {
        IWorkbenchPage page = Ui.calphotPage(false);
        Shell shell = page.getWorkbenchWindow().getShell();
        Path work = Ui.demoInObservations(page, "toolbar");
        RunJob job = Ui.runConfig(work);
        LightcurveView lv = (LightcurveView) page.showView(CalphotUi.LIGHTCURVE_VIEW_ID);
        lv.show(job.result());
        try {
            for (boolean maximised : new boolean[] {true, false}) {
                shell.setMaximized(false);
                shell.setBounds(0, 0, maximised ? 1600 : 1280, maximised ? 1000 : 860);
                shell.setMaximized(maximised);
                Ui.settle();
                Combo y = lv.yScaleCombo();
                assertNotNull(y, "the y-scale drop-down");
                assertTrue(y.isVisible(), "y-scale drop-down visible");
                String size = maximised ? "1600x1000 maximised" : "1280x860";
                // the view's own row of tool bars and the part's tool bar (Reset Zoom, Export...): every item of
                // every bar lies whole inside its bar, each bar whole inside the view, none under another; nothing
                // is left to an overflow chevron (GTK drew it over "Select")
                Composite row = lv.controlRow();
                Rectangle area = row.getParent().getClientArea();
                List<ToolBar> bars = new ArrayList<>();
                for (org.eclipse.swt.widgets.Control c : row.getChildren()) {
                    bars.add((ToolBar) c);
                }
                assertTrue(bars.contains(y.getParent()), "the y drop-down is in the view's row");
                Object m = lv.getViewSite().getActionBars().getToolBarManager();
                while (m instanceof org.eclipse.jface.action.SubToolBarManager sub) {
                    m = sub.getParent();
                }
                ToolBar partBar = ((org.eclipse.jface.action.ToolBarManager) m).getControl();
                assertNotNull(partBar, "the part's tool bar");
                List<String> labels = new ArrayList<>();
                for (ToolBar tb : bars) {
                    Rectangle b = tb.getBounds();
                    assertTrue(tb.isVisible() && b.x >= 0 && b.y >= 0 && b.x + b.width <= area.width
                            && b.y + b.height <= row.getSize().y, "tool bar " + b + " outside the row " + row.getSize()
                            + " of the view " + area + " at " + size);
                    for (ToolBar o : bars) {
                        assertTrue(o == tb || !b.intersects(o.getBounds()), b + " under " + o.getBounds());
                    }
                    labels.addAll(wholeItems(tb, size));
                }
                Rectangle pb = partBar.getBounds();
                Rectangle partArea = partBar.getParent().getClientArea();
                assertTrue(pb.x >= 0 && pb.x + pb.width <= partArea.width, "part tool bar " + pb + " in " + partArea);
                labels.addAll(wholeItems(partBar, size));
                for (String l : List.of("All Nights", "Phase", "BMJD", "Select", "Mask Selected", "Reset Zoom",
                        "Export...")) {
                    assertTrue(labels.contains(l), "'" + l + "' not shown whole at " + size + ": " + labels);
                }
                GC gc = new GC(y);
                try {
                    Rectangle c = y.getBounds();
                    for (String item : y.getItems()) {
                        assertTrue(c.width >= gc.textExtent(item).x, "'" + item + "' wider than the drop-down " + c);
                    }
                } finally {
                    gc.dispose();
                }
                y.select(YScale.AB_MAG.ordinal());
                y.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                Ui.settle();
                assertEquals(YScale.AB_MAG, lv.yScale(), "the drop-down sets the scale");
                Ui.screenshot(shell, "lightcurve-toolbar-" + (maximised ? "maximised" : "default"));
                lv.setYScale(YScale.FLUX);
                assertEquals(0, y.getSelectionIndex(), "the drop-down follows the scale");
            }
        } finally {
            shell.setMaximized(false);
            shell.setBounds(0, 0, 1280, 860);
        }
    }
}
