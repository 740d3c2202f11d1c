// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

/**
 * What the x axis of a time-series figure shows. Times are drawn relative to a whole day, named in the axis label
 * ("BMJD(TDB) − 58403"), so tick labels stay short while the data keep full precision.
 */
public enum XAxisKind {
    /** Orbital phase in cycles from the ephemeris' zero point. */
    PHASE("Orbital phase (cycles)", false),
    /** Barycentric MJD in the TDB scale, days. */
    BMJD_TDB("BMJD(TDB)", true),
    /** MJD in UTC at mid-exposure, days. */
    MJD_UTC("MJD(UTC)", true);

    private final String name;
    private final boolean time;

    XAxisKind(String name, boolean time) {
        this.name = name;
        this.time = time;
    }

    /** True for the day-valued kinds that are drawn relative to a whole-day offset. */
    public boolean isTime() {
        return time;
    }

    /** The whole-day offset subtracted before drawing: floor of the smallest finite value (0 for phase). */
    public double offset(double[]... xs) {
        if (!time) {
            return 0;
        }
        double min = Double.POSITIVE_INFINITY;
        for (double[] x : xs) {
            if (x == null) {
                continue;
            }
            for (double v : x) {
                if (Double.isFinite(v) && v < min) {
                    min = v;
                }
            }
        }
        return Double.isFinite(min) ? Math.floor(min) : 0;
    }

    /** The axis label for a given offset, e.g. {@code BMJD(TDB) − 58403 (d)}. */
    public String label(double offset) {
        if (!time) {
            return name;
        }
        if (offset == 0) {
            return name + " (d)";
        }
        return name + " \u2212 " + org.calphot.plot.internal.Charts.plain(offset) + " (d)";
    }
}
