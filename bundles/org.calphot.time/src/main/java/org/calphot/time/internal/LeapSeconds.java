// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import org.jastronomy.jsofa.JSOFA;
import org.jastronomy.jsofa.JSOFAIllegalParameter;
import org.jastronomy.jsofa.JSOFAInternalError;

/**
 * TAI-UTC from jsofa's {@code jauDat} table, flattened to per-day numbers so the hot loop does no
 * calendar arithmetic. On a UTC day that ends in a leap second the MJD fraction spans 86401 SI
 * seconds (SOFA {@code utctai} and astropy's "quasi-JD" convention), so
 * TAI-UTC = dat0 + f * dleap with dat0 the value at the day's start and dleap the step at its end.
 * Only UTC since 1972-01-01 (integer leap seconds) is supported.
 */
final class LeapSeconds {

    /** 1972-01-01: start of UTC with whole leap seconds. */
    static final int FIRST_MJD = 41317;
    /** 2100-01-01: end of jsofa epv00's stated validity (1900-2100). */
    static final int LAST_MJD = 88069;

    /**
     * The table is known to hold every leap second before this MJD (2026-06-28): the IERS
     * leap-seconds.list updated through Bulletin C ("File expires on 28 June 2026", NTP expiry
     * 3991593600) announces none after 2017-01-01, which is jsofa's last entry too. jsofa itself
     * only confirms "no change" up to {@link JSOFA#latestConfirmedNoLeapSecondChange} (MJD 59395).
     */
    static final double VALID_UNTIL_MJD = 61219.0;
    static final String VALID_UNTIL_SOURCE =
            "IERS leap-seconds.list (Bulletin C), file expires 2026-06-28; jsofa 20210512 table ends with 37 s from 2017-01-01";

    private static final LeapSeconds INSTANCE = new LeapSeconds();

    /** MJDs (0h UTC) at which TAI-UTC changes, ascending, and the value from then on. */
    private final int[] changeMjd;
    private final double[] datFrom;

    private LeapSeconds() {
        int[] mjd = new int[64];
        double[] val = new double[64];
        int n = 0;
        double prev = Double.NaN;
        try {
            for (int y = 1972; y <= 2100; y++) {
                for (int m = 1; m <= 12; m++) {
                    double d = JSOFA.jauDat(y, m, 1, 0.0);
                    if (d != prev) {
                        JSOFA.JulianDate jd = JSOFA.jauCal2jd(y, m, 1);
                        mjd[n] = (int) Math.round(jd.djm1);
                        val[n] = d;
                        n++;
                        prev = d;
                    }
                }
            }
        } catch (JSOFAIllegalParameter | JSOFAInternalError e) {
            throw new IllegalStateException("jsofa leap-second table unusable", e);
        }
        changeMjd = java.util.Arrays.copyOf(mjd, n);
        datFrom = java.util.Arrays.copyOf(val, n);
    }

    static LeapSeconds get() {
        return INSTANCE;
    }

    /** TAI-UTC in seconds at 0h UTC of integer MJD {@code day} ({@code day >= FIRST_MJD}). */
    double datAtStartOf(int day) {
        int lo = 0;
        int hi = changeMjd.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (changeMjd[mid] <= day) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return datFrom[lo];
    }

    /** Seconds inserted at the end of UTC day {@code day} (0 on almost every day, 1 on leap-second days). */
    double leapAtEndOf(int day) {
        return datAtStartOf(day + 1) - datAtStartOf(day);
    }

    /** TT-UTC in seconds at MJD(UTC) {@code mjd}, continuous through a leap-second day. */
    double ttMinusUtc(double mjd) {
        int day = (int) Math.floor(mjd);
        double f = mjd - day;
        return 32.184 + datAtStartOf(day) + f * leapAtEndOf(day);
    }

    /** MJD of the last leap second's day start (e.g. 57754 for 2017-01-01). */
    int lastChangeMjd() {
        return changeMjd[changeMjd.length - 1];
    }

    double lastDat() {
        return datFrom[datFrom.length - 1];
    }
}
