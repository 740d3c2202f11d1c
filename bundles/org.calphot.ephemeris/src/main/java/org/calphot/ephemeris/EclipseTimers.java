// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.ephemeris.internal.DefaultEclipseTimer;
import org.calphot.ephemeris.internal.WdBrightSpotTimer;
import org.calphot.ephemeris.internal.WdContactsTimer;

/** The eclipse-timing models by name, without OSGi (the same classes the DS services are). */
public final class EclipseTimers {

    /** The model names, the default first. */
    public static final List<String> NAMES = List.of("symmetric", "wd-contacts", "wd-bright-spot");

    private EclipseTimers() {
    }

    /**
     * The timer of a model name.
     *
     * @param where where the name came from, for the error message
     */
    public static EclipseTimer byName(String name, Location where) throws BadInputException {
        String n = name == null ? "symmetric" : name.strip().toLowerCase(java.util.Locale.ROOT);
        switch (n) {
            case "symmetric":
                return new DefaultEclipseTimer();
            case "wd-contacts":
                return new WdContactsTimer();
            case "wd-bright-spot":
                return new WdBrightSpotTimer();
            default:
                throw new BadInputException("unknown eclipse model '" + name + "' (models: " + String.join(", ", NAMES)
                        + ")", where == null ? Location.NONE : where);
        }
    }
}
