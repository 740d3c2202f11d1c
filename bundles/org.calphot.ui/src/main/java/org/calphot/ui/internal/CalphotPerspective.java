package org.calphot.ui.internal;

import org.calphot.ui.CalphotUi;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Observations on the left, plots in the middle: the layout an observer reads left to right. */
public final class CalphotPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editors = layout.getEditorArea();
        layout.addView(CalphotUi.OBSERVATIONS_VIEW_ID, IPageLayout.LEFT, 0.28f, editors);
        layout.addView(CalphotUi.LIGHTCURVE_VIEW_ID, IPageLayout.RIGHT, 0.72f, editors);
    }
}
