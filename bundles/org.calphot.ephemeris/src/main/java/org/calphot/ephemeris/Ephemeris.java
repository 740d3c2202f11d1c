// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

/** A linear ephemeris {@code T(E) = t0 + period * E}, times BMJD(TDB), period in days. */
public record Ephemeris(double t0BmjdTdb, double periodDays) {

    public Ephemeris {
        if (!Double.isFinite(t0BmjdTdb) || !(periodDays > 0) || !Double.isFinite(periodDays)) {
            throw new IllegalArgumentException("ephemeris needs a finite T0 and a positive period");
        }
    }

    public double predict(long cycle) {
        return t0BmjdTdb + periodDays * cycle;
    }

    /** Nearest cycle number to a time. */
    public long nearestCycle(double bmjdTdb) {
        return Math.round((bmjdTdb - t0BmjdTdb) / periodDays);
    }

    /** Orbital phase in [0, 1). */
    public double phase(double bmjdTdb) {
        double x = (bmjdTdb - t0BmjdTdb) / periodDays;
        return x - Math.floor(x);
    }
}
