// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.calphot.ui.internal.WelcomeEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * What an Eclipse user expects of the workbench's frame: Window before Help and Help last, no text-editor items
 * unrelated to calphot, and at first start a short hint in the (otherwise empty) editor area.
 */
class WorkbenchConventionsTest {

    private static String label(MenuItem i) {
        return i.getText().replace("&", "").replaceAll("\t.*$", "").strip();
    }

    /** Every item of a menu and its submenus, as the user sees them when opening each (SWT.Show fills them). */
    private static List<String> all(Menu m, String path) {
        List<String> out = new ArrayList<>();
        m.notifyListeners(SWT.Show, new Event());
        for (MenuItem i : m.getItems()) {
            if ((i.getStyle() & SWT.SEPARATOR) != 0) {
                continue;
            }
            out.add(path + label(i));
            if (i.getMenu() != null) {
                out.addAll(all(i.getMenu(), path + label(i) + " > "));
            }
        }
        m.notifyListeners(SWT.Hide, new Event());
        return out;
    }

    @Test
    void menusFollowEclipseConventionsWithoutUnrelatedItems() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Menu bar = window.getShell().getMenuBar();
        assertNotNull(bar);
        List<String> top = Arrays.stream(bar.getItems()).filter(MenuItem::getEnabled).map(WorkbenchConventionsTest::label)
                .filter(s -> !s.isEmpty()).toList();
        assertEquals("Help", top.get(top.size() - 1), "Help last: " + top);
        assertEquals("Window", top.get(top.size() - 2), "Window just before Help: " + top);
        assertEquals("File", top.get(0), top.toString());
        List<String> items = new ArrayList<>();
        for (MenuItem i : bar.getItems()) {
            if (i.getMenu() != null) {
                items.addAll(all(i.getMenu(), label(i) + " > "));
            }
        }
        for (String unrelated : List.of("Convert Line Delimiters To", "Open File...", "Next Annotation",
                "Last Edit Location", "Key Assist...")) {
            assertFalse(items.stream().anyMatch(s -> s.endsWith(unrelated) || s.contains(unrelated + " >")),
                    "unrelated menu item '" + unrelated + "' in " + items);
        }
        assertTrue(items.contains("calphot > Run Config"), items.toString());
        assertTrue(items.contains("Window > Preferences..."), items.toString());
    }

    @Test
    void theEditorAreaHoldsAHintAtFirstStart() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        // the test workbench starts on a new workspace: its first start
        IEditorReference hint = Arrays.stream(page.getEditorReferences()).filter(r -> r.getId().equals(WelcomeEditor.ID))
                .findFirst().orElse(null);
        assertNotNull(hint, "no Getting Started hint in the editor area at first start");
        assertEquals("Getting Started", hint.getPartName());
        assertTrue(WelcomeEditor.text().contains("Open Observations Folder") && WelcomeEditor.text().contains(
                "Run Config (Ctrl+R"), WelcomeEditor.text());
        page.activate(hint.getPart(true));
        Ui.screenshot(page.getWorkbenchWindow().getShell(), "0-getting-started");
    }
}
