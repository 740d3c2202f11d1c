// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.time;

/**
 * Output columns of a {@link TimeCorrector} call, indexed like the input {@code mjdUtc} array.
 * A null column is not computed. Arrays are caller-owned so a whole log can be converted without
 * allocation per frame.
 *
 * @param bmjdTdb      barycentric MJD in TDB (the main product)
 * @param tdbMinusUtcS TDB - UTC in seconds (leap seconds + 32.184 s + TDB - TT)
 * @param lttBaryS     barycentric light-travel time of the observer in seconds (Roemer delay)
 * @param lttHelioS    heliocentric light-travel time in seconds (for old HJD ephemerides only)
 * @param hmjdTdb      heliocentric MJD in TDB; never mix it with {@code bmjdTdb} (they differ by up to ~4 s)
 * @param altDeg       airless altitude of the target in degrees
 * @param airmass      airmass by the requested {@link AirmassFormula}; NaN at or below the horizon
 */
public record TimeColumns(double[] bmjdTdb, double[] tdbMinusUtcS, double[] lttBaryS, double[] lttHelioS,
        double[] hmjdTdb, double[] altDeg, double[] airmass) {

    /** Barycentric columns, TDB-UTC, light time, altitude and airmass; no heliocentric ones. */
    public static TimeColumns barycentric(int n) {
        return new TimeColumns(new double[n], new double[n], new double[n], null, null, new double[n],
                new double[n]);
    }

    /** Every column, heliocentric ones included. */
    public static TimeColumns all(int n) {
        return new TimeColumns(new double[n], new double[n], new double[n], new double[n], new double[n],
                new double[n], new double[n]);
    }

    /** BMJD(TDB) only: the cheapest call. */
    public static TimeColumns bmjdOnly(int n) {
        return new TimeColumns(new double[n], null, null, null, null, null, null);
    }
}
