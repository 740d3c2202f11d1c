// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.calphot.ui.CalphotUi;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/** Starts the real workbench (under Xvfb in CI) and checks the calphot perspective and its views. */
class PerspectiveTest {

    @Test
    void calphotPerspectiveShowsItsViews() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window");
        IWorkbenchPage page = window.getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(CalphotUi.PERSPECTIVE_ID));
        assertEquals(CalphotUi.PERSPECTIVE_ID, page.getPerspective().getId());
        IViewPart observations = page.findView(CalphotUi.OBSERVATIONS_VIEW_ID);
        IViewPart lightcurve = page.findView(CalphotUi.LIGHTCURVE_VIEW_ID);
        assertNotNull(observations, "Observations view not in the perspective");
        assertNotNull(lightcurve, "Lightcurve view not in the perspective");
        assertEquals("Observations", ((org.eclipse.ui.IWorkbenchPart2) observations).getPartName());
        assertEquals("Lightcurve", ((org.eclipse.ui.IWorkbenchPart2) lightcurve).getPartName());
    }
}
