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

    @Test
    void lightcurveToolbarLabelsAreWholeMaximisedAndAtDefaultSize() throws Exception {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(CalphotUi.PERSPECTIVE_ID));
        Shell shell = window.getShell();
        Path work = Ui.demoCopy("toolbar");
        ((ObservationsView) page.showView(CalphotUi.OBSERVATIONS_VIEW_ID)).setRoot(work);
        Path cfg = work.resolve("calphot.yaml");
        RunJob job = new RunJob(cfg, Files.readString(cfg), null);
        job.schedule();
        assertTrue(Ui.join(job), "the demo run did not finish");
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
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
                ToolBar tb = (ToolBar) y.getParent();
                Rectangle bar = tb.getBounds();
                GC gc = new GC(tb);
                try {
                    // items past the tool bar's end go to its overflow menu (GTK's arrow), whole; every item shown
                    // must show its whole label, under no other item, and the y drop-down must be among them
                    ToolItem[] all = tb.getItems();
                    int shown = 0;
                    ToolItem yItem = null;
                    for (ToolItem it : all) {
                        if (it.getControl() == y) {
                            yItem = it;
                        }
                    }
                    assertNotNull(yItem, "the drop-down is a tool item");
                    Rectangle yr = yItem.getBounds();
                    assertTrue(yr.x + yr.width <= bar.width, "y drop-down " + yr + " past the tool bar's end "
                            + bar.width + " (maximised " + maximised + ")");
                    for (int i = 0; i < all.length; i++) {
                        Rectangle r = all[i].getBounds();
                        if (r.x + r.width > bar.width) {
                            continue;
                        }
                        shown++;
                        String label = all[i].getText();
                        if (!label.isEmpty()) {
                            assertTrue(r.width >= gc.textExtent(label).x,
                                    "'" + label + "' wider than its item " + r + " (maximised " + maximised + ")");
                        }
                        for (int j = i + 1; j < all.length; j++) {
                            Rectangle o = all[j].getBounds();
                            assertTrue(!r.intersects(o) || r.isEmpty() || o.isEmpty() || o.x + o.width > bar.width,
                                    "'" + label + "' " + r + " under '" + all[j].getText() + "' " + o);
                        }
                    }
                    assertTrue(shown >= 5, shown + " tool items shown");
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
