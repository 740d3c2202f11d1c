// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import org.calphot.core.CalphotException;
import org.calphot.core.time.Site;
import org.calphot.core.time.SkyPosition;
import org.calphot.simulator.internal.IndependentSky;

/**
 * Where the simulator takes the true BMJD(TDB), altitude and airmass of each exposure from. The truth must not come
 * from the code it is used to check, so the default ({@link #independent()}) shares nothing with calphot's time
 * service: an astropy-computed table of the Earth's barycentric position and leap seconds, plus a few lines of
 * textbook spherical astronomy.
 */
public interface SkyTruth {

    /** One line for the truth file: what computed the times and airmasses. */
    String source();

    /**
     * Fills, for each {@code mjdUtc[from .. from+n)}, the BMJD(TDB), the airless altitude in degrees and the
     * plane-parallel airmass sec z (NaN at or below the horizon), at the same indices.
     */
    void compute(Site site, SkyPosition target, double[] mjdUtc, int from, int n, double[] bmjdTdb, double[] altDeg,
            double[] airmass) throws CalphotException;

    /** The independent truth: astropy tables for the Earth, an independent implementation for the rest. */
    static SkyTruth independent() {
        return IndependentSky.instance();
    }
}
