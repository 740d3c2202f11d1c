// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.time.SkyPosition;
import org.junit.jupiter.api.Test;

/** Target strings users paste; expected values derived by hand (h*15 + m/4 + s/240; d + m/60 + s/3600). */
class SkyPositionParserTest {

    private static final double EPS = 1e-9;

    private static SkyPosition p(String s) throws BadInputException {
        return SkyPosition.parse(s, Location.NONE);
    }

    @Test
    void colonForm() throws Exception {
        SkyPosition s = p("20:23:04.5 -00:02:56.3");
        assertEquals(20 * 15 + 23 / 4.0 + 4.5 / 240, s.raDeg(), EPS);
        assertEquals(-(2 / 60.0 + 56.3 / 3600), s.decDeg(), EPS); // -00 keeps its sign
        SkyPosition nn = p("15:52:56.125 +12:54:44.68");
        assertEquals(238.2338541666667, nn.raDeg(), EPS);
        assertEquals(12.912411111111111, nn.decDeg(), EPS);
    }

    @Test
    void minusZeroKeepsSignInEveryForm() throws Exception {
        assertTrue(p("20 23 04.5 -00 02 56.3").decDeg() < 0);
        assertTrue(p("20h23m04.5s -00d02m56.3s").decDeg() < 0);
        assertTrue(p("20:23:04.5, -00:02:56.3").decDeg() < 0);
        assertTrue(p("20:23:04.5 -0:0:1").decDeg() < 0);
        assertEquals(2 / 60.0 + 56.3 / 3600, p("20:23:04.5 +00:02:56.3").decDeg(), EPS);
    }

    @Test
    void spaceSeparatedAndLetters() throws Exception {
        SkyPosition a = p("  07 48 59.56   +31 25 12.7 ");
        SkyPosition b = p("07h48m59.56s +31d25m12.7s");
        SkyPosition c = p("07:48:59.56 31:25:12.7");
        assertEquals(7 * 15 + 48 / 4.0 + 59.56 / 240, a.raDeg(), EPS);
        assertEquals(31 + 25 / 60.0 + 12.7 / 3600, a.decDeg(), EPS);
        assertEquals(a, b);
        assertEquals(a, c);
    }

    @Test
    void decimalDegrees() throws Exception {
        SkyPosition s = p("305.76875 -0.04897");
        assertEquals(305.76875, s.raDeg(), 0);
        assertEquals(-0.04897, s.decDeg(), 0);
        assertEquals(new SkyPosition(10.5, 20.25), p("10.5, 20.25"));
        assertEquals(new SkyPosition(0, -90), p("0 -90"));
    }

    @Test
    void outOfRangeFieldsAreLocated() {
        BadInputException e = assertThrows(BadInputException.class, () -> SkyPosition.parse(
                "20:61:04.5 -00:02:56.3", Location.of("cfg.yaml", 7, 10)));
        assertTrue(e.getMessage().contains("minutes 61"), e.getMessage());
        assertEquals(7, e.location().line());
        assertEquals(10, e.location().column()); // the RA field starts at column 10 of the line
        e = assertThrows(BadInputException.class, () -> SkyPosition.parse("20:23:04.5 -00:02:60",
                Location.of("cfg.yaml", 7, 10)));
        assertTrue(e.getMessage().contains("seconds 60"), e.getMessage());
        assertEquals(21, e.location().column());
        assertThrows(BadInputException.class, () -> p("24:00:00 +10:00:00"));
        assertThrows(BadInputException.class, () -> p("-01:00:00 +10:00:00"));
        assertThrows(BadInputException.class, () -> p("10:00:00 +91:00:00"));
        assertThrows(BadInputException.class, () -> p("10:00:00 -90:00:01"));
        assertThrows(BadInputException.class, () -> p("360 0"));
        assertThrows(BadInputException.class, () -> p("10 95"));
        assertThrows(BadInputException.class, () -> p("10:00:xx +10:00:00"));
        assertThrows(BadInputException.class, () -> p("10:00:00"));
        assertThrows(BadInputException.class, () -> p("1 2 3 4 5"));
        assertThrows(BadInputException.class, () -> p(""));
        assertThrows(BadInputException.class, () -> p("10:00.5:00 +10:00:00"));
    }

    /**
     * Issue 15 item 4: on the command line a bare decimal RA is refused as ambiguous (a cal_phot config reads it as
     * hours, calphot's options read it as degrees before); explicit units decide. 10.0166667h x 15 = 150.25 deg.
     */
    @Test
    void commandLineDecimalRaNeedsAUnit() throws Exception {
        BadInputException e = assertThrows(BadInputException.class, () -> SkyPosition.parse("150.25 +20.5",
                org.calphot.core.Location.key(null, 0, "--target"), SkyPosition.DecimalRa.AMBIGUOUS));
        assertTrue(e.getMessage().contains("write 150.25d for degrees or 150.25h for hours"), e.getMessage());
        assertEquals(150.25, SkyPosition.parse("150.25d +20.5", Location.NONE, SkyPosition.DecimalRa.AMBIGUOUS)
                .raDeg(), 1e-12);
        assertEquals(150.25, SkyPosition.parse("10.01666666667h +20.5", Location.NONE,
                SkyPosition.DecimalRa.AMBIGUOUS).raDeg(), 1e-9);
        assertEquals(150.25, SkyPosition.parse("10:01:00 +20:30:00", Location.NONE,
                SkyPosition.DecimalRa.AMBIGUOUS).raDeg(), 1e-9);
        // the config's rule: hours
        assertEquals(150.25, SkyPosition.parse("10.01666666667 +20.5", Location.NONE, SkyPosition.DecimalRa.HOURS)
                .raDeg(), 1e-9);
        assertTrue(SkyPosition.parse("10.01666666667 20.5", Location.NONE, SkyPosition.DecimalRa.HOURS)
                .describeBothForms().startsWith("10:01:00.000 +20:30:00.00 (RA 150.250000 deg = 10.0166667 h"));
    }
}
