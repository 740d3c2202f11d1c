// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** TAI-UTC per day and the 86401-s leap-second day (values from IERS Bulletin C and the reference README). */
class LeapSecondsTest {

    private final LeapSeconds ls = LeapSeconds.get();

    @Test
    void stepsFromBulletinC() {
        assertEquals(10.0, ls.datAtStartOf(41317)); // 1972-01-01
        assertEquals(32.0, ls.datAtStartOf(53735)); // 2005-12-31
        assertEquals(33.0, ls.datAtStartOf(53736)); // 2006-01-01
        assertEquals(34.0, ls.datAtStartOf(54832)); // 2009-01-01
        assertEquals(35.0, ls.datAtStartOf(56109)); // 2012-07-01
        assertEquals(36.0, ls.datAtStartOf(57204)); // 2015-07-01
        assertEquals(37.0, ls.datAtStartOf(57754)); // 2017-01-01
        assertEquals(37.0, ls.datAtStartOf(61000));
        assertEquals(1.0, ls.leapAtEndOf(57753));
        assertEquals(0.0, ls.leapAtEndOf(57752));
        assertEquals(57754, ls.lastChangeMjd());
    }

    @Test
    void leapDaySpans86401Seconds() {
        // reference README: 64.684 s at 53735.5, 65.183994 s at 53736 - 0.5/86400, 65.184 s at 53736.0
        assertEquals(64.684, ls.ttMinusUtc(53735.5), 1e-9);
        assertEquals(65.184 - 0.5 / 86400, ls.ttMinusUtc(53736 - 0.5 / 86400), 1e-9);
        assertEquals(65.184, ls.ttMinusUtc(53736.0), 1e-12);
        assertEquals(69.184, ls.ttMinusUtc(60000.3), 1e-12);
    }
}
