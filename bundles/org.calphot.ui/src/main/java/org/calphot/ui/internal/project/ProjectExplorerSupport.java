// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.project;

import org.eclipse.core.resources.IContainer;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.navigator.CommonNavigator;

/** Shows a project (or a folder in one) in the Project Explorer. */
public final class ProjectExplorerSupport {

    public static final String PROJECT_EXPLORER_ID = IPageLayout.ID_PROJECT_EXPLORER;

    private ProjectExplorerSupport() {
    }

    /**
     * Selects and expands the container in the Project Explorer; brings the view to the front only when asked (the
     * Observations view keeps the front at start-up). Nothing happens for a null container.
     */
    public static CommonNavigator show(IWorkbenchPage page, IContainer c, boolean activate) {
        if (page == null || c == null) {
            return null;
        }
        try {
            IViewPart v = page.showView(PROJECT_EXPLORER_ID, null,
                    activate ? IWorkbenchPage.VIEW_ACTIVATE : IWorkbenchPage.VIEW_CREATE);
            if (v instanceof CommonNavigator n) {
                n.getCommonViewer().refresh();
                n.selectReveal(new StructuredSelection(c));
                n.getCommonViewer().expandToLevel(c, 1);
                return n;
            }
        } catch (PartInitException e) {
            System.err.println("calphot workbench: cannot show the Project Explorer: " + e.getMessage());
        }
        return null;
    }
}
