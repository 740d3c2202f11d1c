// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import java.util.Locale;

import org.calphot.core.Location;
import org.calphot.core.Warnings;

/**
 * Cycle numbers from a prior ephemeris (the original made the user type them in): the nearest
 * integer to {@code (T - T0) / P}, with a warning when {@code |O - C| > P/4}, where the
 * assignment could be off by one.
 */
public final class CycleNumbers {

    private CycleNumbers() {
    }

    public static int[] assign(double[] bmjdTdb, Ephemeris prior, Warnings warnings) {
        int[] c = new int[bmjdTdb.length];
        for (int i = 0; i < c.length; i++) {
            long e = prior.nearestCycle(bmjdTdb[i]);
            if (e > Integer.MAX_VALUE || e < Integer.MIN_VALUE) {
                throw new IllegalArgumentException("cycle number out of range");
            }
            c[i] = (int) e;
            double oc = bmjdTdb[i] - prior.predict(e);
            if (Math.abs(oc) > 0.25 * prior.periodDays() && warnings != null) {
                warnings.warn(Location.NONE, String.format(Locale.ROOT,
                        "eclipse at BMJD %.6f: O-C = %.1f s is more than P/4 from the prior ephemeris; cycle %d is ambiguous",
                        bmjdTdb[i], oc * 86400, e));
            }
        }
        return c;
    }

    public static EclipseTimeTable assign(EclipseTimeTable table, Ephemeris prior, Warnings warnings) {
        return table.withCycles(assign(table.bmjdTdb(), prior, warnings));
    }
}
