// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import org.calphot.ui.CalphotUi;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Read left to right: the observations, the config being edited with its problems and the run console below it,
 * and the plots on the right.
 */
public final class CalphotPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        layout.addView(CalphotUi.OBSERVATIONS_VIEW_ID, IPageLayout.LEFT, 0.18f, editors);
        IFolderLayout plots = layout.createFolder("org.calphot.ui.plots", IPageLayout.RIGHT, 0.5f, editors);
        plots.addView(CalphotUi.LIGHTCURVE_VIEW_ID);
        plots.addView(CalphotUi.COMPARISON_VIEW_ID);
        plots.addView(CalphotUi.LOG_VIEW_ID);
        // the analysis views open on demand (from Observations) in their own stack below the plots, so neither
        // stack has so many tabs that their names are cut to "Lig..."; none is made at start-up
        org.eclipse.ui.IPlaceholderFolderLayout analyses = layout.createPlaceholderFolder("org.calphot.ui.analyses",
                IPageLayout.BOTTOM, 0.5f, "org.calphot.ui.plots");
        analyses.addPlaceholder(CalphotUi.EXTINCTION_VIEW_ID);
        analyses.addPlaceholder(CalphotUi.ECLIPSE_VIEW_ID);
        analyses.addPlaceholder(CalphotUi.OC_VIEW_ID);
        analyses.addPlaceholder(CalphotUi.MCMC_VIEW_ID);
        IFolderLayout bottom = layout.createFolder("org.calphot.ui.bottom", IPageLayout.BOTTOM, 0.6f, editors);
        bottom.addView(CalphotUi.PROBLEMS_VIEW_ID);
        bottom.addView(CalphotUi.CONSOLE_VIEW_ID);
        for (String id : new String[] {CalphotUi.OBSERVATIONS_VIEW_ID, CalphotUi.LIGHTCURVE_VIEW_ID,
            CalphotUi.COMPARISON_VIEW_ID, CalphotUi.LOG_VIEW_ID, CalphotUi.PROBLEMS_VIEW_ID, CalphotUi.CONSOLE_VIEW_ID,
            CalphotUi.EXTINCTION_VIEW_ID, CalphotUi.ECLIPSE_VIEW_ID, CalphotUi.OC_VIEW_ID, CalphotUi.MCMC_VIEW_ID}) {
            layout.addShowViewShortcut(id);
        }
    }
}
