package org.calphot.ui;

/** Identifiers of the workbench's perspective and views, for tests and later UI bundles. */
public final class CalphotUi {

    public static final String PERSPECTIVE_ID = "org.calphot.ui.perspective";
    public static final String OBSERVATIONS_VIEW_ID = "org.calphot.ui.observations";
    public static final String LIGHTCURVE_VIEW_ID = "org.calphot.ui.lightcurve";

    private CalphotUi() {
    }
}
