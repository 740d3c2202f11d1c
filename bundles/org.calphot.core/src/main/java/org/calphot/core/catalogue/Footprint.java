// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

import java.util.Locale;

/**
 * Where on the sky a survey catalogue has data, as a declination band: coarse on purpose (surveys have
 * holes and ragged edges). {@code catalogue: auto} uses it to skip catalogues that cannot hold a field;
 * a field inside the band whose stars the survey does not have is found by the query itself (no star).
 *
 * @param decMinDeg   southern limit, degrees
 * @param decMaxDeg   northern limit, degrees
 * @param description one line for users, e.g. "Dec > -30 (3pi survey)"
 */
public record Footprint(double decMinDeg, double decMaxDeg, String description) {

    /** The whole sky (Gaia). */
    public static final Footprint WHOLE_SKY = new Footprint(-90, 90, "whole sky");

    public Footprint {
        if (!(decMinDeg >= -90 && decMaxDeg <= 90 && decMinDeg < decMaxDeg)) {
            throw new IllegalArgumentException("bad footprint " + decMinDeg + ".." + decMaxDeg);
        }
    }

    public boolean contains(double raDeg, double decDeg) {
        return decDeg >= decMinDeg && decDeg <= decMaxDeg;
    }

    @Override
    public String toString() {
        return description + String.format(Locale.ROOT, " [Dec %+.0f..%+.0f]", decMinDeg, decMaxDeg);
    }
}
