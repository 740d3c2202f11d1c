// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time;

import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.time.internal.DefaultSiteRegistry;
import org.calphot.time.internal.SofaTimeCorrector;

/** Plain constructors of this bundle's services, for use without OSGi (tests, tools). */
public final class TimeServices {

    private TimeServices() {
    }

    /** The jsofa corrector with no Earth-orientation data (see {@link TimeCorrector#withEarthOrientation}). */
    public static TimeCorrector corrector() {
        return new SofaTimeCorrector();
    }

    /** The built-in observatory table. */
    public static SiteRegistry siteRegistry() {
        return new DefaultSiteRegistry();
    }
}
