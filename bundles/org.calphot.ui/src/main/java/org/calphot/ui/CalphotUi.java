// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui;

/** Identifiers of the workbench's perspective, views, editor and commands, for tests and later UI bundles. */
public final class CalphotUi {

    public static final String BUNDLE_ID = "org.calphot.ui";
    public static final String PERSPECTIVE_ID = "org.calphot.ui.perspective";
    public static final String OBSERVATIONS_VIEW_ID = "org.calphot.ui.observations";
    public static final String LOG_VIEW_ID = "org.calphot.ui.log";
    public static final String LIGHTCURVE_VIEW_ID = "org.calphot.ui.lightcurve";
    public static final String COMPARISON_VIEW_ID = "org.calphot.ui.comparisons";
    public static final String EXTINCTION_VIEW_ID = "org.calphot.ui.extinction";
    public static final String ECLIPSE_VIEW_ID = "org.calphot.ui.eclipses";
    public static final String OC_VIEW_ID = "org.calphot.ui.oc";
    public static final String MCMC_VIEW_ID = "org.calphot.ui.mcmc";
    public static final String CONSOLE_VIEW_ID = "org.calphot.ui.console";
    public static final String PROBLEMS_VIEW_ID = "org.calphot.ui.problems";
    public static final String CONFIG_EDITOR_ID = "org.calphot.ui.configEditor";
    public static final String RUN_COMMAND_ID = "org.calphot.ui.run";
    public static final String OPEN_FOLDER_COMMAND_ID = "org.calphot.ui.openFolder";
    public static final String PREFERENCE_PAGE_ID = "org.calphot.ui.preferences";

    private CalphotUi() {
    }
}
