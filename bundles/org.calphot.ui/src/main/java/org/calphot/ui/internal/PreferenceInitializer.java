package org.calphot.ui.internal;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;

/** Defaults of the calphot preferences. */
public final class PreferenceInitializer extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        Prefs.defaults(Prefs.store());
    }
}
