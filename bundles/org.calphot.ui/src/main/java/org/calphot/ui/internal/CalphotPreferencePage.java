// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import org.calphot.config.OutputFormat;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Window > Preferences > calphot: catalogue cache and offline mode, defaults for configs, outputs, plots. */
public final class CalphotPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public CalphotPreferencePage() {
        super(GRID);
        setDescription("Settings of runs started from the workbench. A config's own keys always win, except where noted.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(Prefs.store());
    }

    @Override
    protected void createFieldEditors() {
        section("Catalogue (SDSS: true configs)");
        addField(new DirectoryFieldEditor(Prefs.CACHE_DIR, "Cache folder (empty = ~/.cache/calphot):",
                getFieldEditorParent()));
        addField(new BooleanFieldEditor(Prefs.OFFLINE, "Offline: answer catalogue queries from the cache only",
                getFieldEditorParent()));
        section("New configs and the form page");
        addField(new StringFieldEditor(Prefs.DEFAULT_SITE, "Default observatory (site name):", getFieldEditorParent()));
        addField(new ComboFieldEditor(Prefs.AIRMASS, "Airmass formula when the config names none:", new String[][] {
            {"as the config (sec z, cal_phot's)", "config"},
            {"plane parallel, sec z", "plane-parallel"},
            {"Young & Irvine 1967", "young-irvine"}}, getFieldEditorParent()));
        section("Lightcurve files written by a run");
        addField(new BooleanFieldEditor(Prefs.FORMATS_FROM_CONFIG, "Use the config's 'output formats' (else the boxes below)",
                getFieldEditorParent()));
        for (OutputFormat f : OutputFormat.values()) {
            addField(new BooleanFieldEditor(Prefs.FORMAT_PREFIX + f.key(), describe(f), getFieldEditorParent()));
        }
        section("Plots");
        addField(new ComboFieldEditor(Prefs.PLOT_X, "Lightcurve x axis:", new String[][] {
            {"Orbital phase (cycles)", "phase"}, {"BMJD(TDB) (days)", "bmjd"}}, getFieldEditorParent()));
    }

    private static String describe(OutputFormat f) {
        return switch (f) {
            case CALIB -> ".calib (cal_phot's phase, flux, error)";
            case CSV -> ".csv (every column)";
            case FITS -> ".fits (binary table, BMJD_TDB)";
            case LCURVE -> ".lcurve (lcurve's six columns)";
        };
    }

    private void section(String title) {
        Label l = new Label(getFieldEditorParent(), SWT.NONE);
        l.setText(title);
        l.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
    }
}
