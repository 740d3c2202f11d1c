// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;

/** Defaults of the calphot preferences. */
public final class PreferenceInitializer extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        Prefs.defaults(Prefs.store());
    }
}
