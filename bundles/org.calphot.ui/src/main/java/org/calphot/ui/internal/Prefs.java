// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.calphot.config.OutputFormat;
import org.calphot.pipeline.RunOptions;
import org.calphot.ui.CalphotUi;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** The workbench preferences (instance scope, i.e. per workspace) and how they become run options. */
public final class Prefs {

    public static final String CACHE_DIR = "catalogueCacheDir";
    public static final String OFFLINE = "offline";
    public static final String DEFAULT_SITE = "defaultSite";
    /** {@code config} (the config's own, default), {@code plane-parallel} or {@code young-irvine}. */
    public static final String AIRMASS = "airmassFormula";
    /** Prefix of one boolean per output format; all false = the config decides. */
    public static final String FORMAT_PREFIX = "format.";
    public static final String FORMATS_FROM_CONFIG = "formatsFromConfig";
    /** {@code phase} or {@code bmjd}. */
    public static final String PLOT_X = "plotX";
    public static final String PLOT_ERROR_BARS = "plotErrorBars";
    public static final String OBSERVATIONS_FOLDER = "observationsFolder";

    private static ScopedPreferenceStore store;

    private Prefs() {
    }

    public static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, CalphotUi.BUNDLE_ID);
        }
        return store;
    }

    static void defaults(IPreferenceStore s) {
        s.setDefault(CACHE_DIR, "");
        s.setDefault(OFFLINE, false);
        s.setDefault(DEFAULT_SITE, "lapalma");
        s.setDefault(AIRMASS, "config");
        s.setDefault(FORMATS_FROM_CONFIG, true);
        for (OutputFormat f : OutputFormat.values()) {
            s.setDefault(FORMAT_PREFIX + f.key(), true);
        }
        s.setDefault(PLOT_X, "phase");
        s.setDefault(PLOT_ERROR_BARS, true);
        s.setDefault(OBSERVATIONS_FOLDER, "");
    }

    /** Run options from the preferences: cache, offline, formats (null = the config's). */
    public static RunOptions runOptions(String programVersion) {
        IPreferenceStore s = store();
        String cache = s.getString(CACHE_DIR).strip();
        Set<OutputFormat> formats = null;
        if (!s.getBoolean(FORMATS_FROM_CONFIG)) {
            formats = EnumSet.noneOf(OutputFormat.class);
            for (OutputFormat f : OutputFormat.values()) {
                if (s.getBoolean(FORMAT_PREFIX + f.key())) {
                    formats.add(f);
                }
            }
        }
        return new RunOptions(null, s.getBoolean(OFFLINE), cache.isEmpty() ? null : Path.of(cache), formats, 0,
                programVersion);
    }

    /** The airmass formula to add to configs that name none, or null to leave the config alone. */
    public static String airmassOverride() {
        String a = store().getString(AIRMASS);
        return a == null || a.isBlank() || a.equals("config") ? null : a;
    }
}
