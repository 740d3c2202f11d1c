// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.LogFlags;
import org.calphot.core.log.PhotometryLog;
import org.calphot.io.LogIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old C++ ULTRACAM logs. No public example exists, so these files are written from the format
 * description in cpp-ultracam's reduce.cc (header lines and field order) and hipercam's rulog.
 */
class UlogTest {

    @TempDir
    Path tmp;

    static List<String> header(boolean nsat) {
        List<String> h = new ArrayList<>();
        h.add("#");
        h.add("# For each CCD of each frame reduced, the following information is printed:");
        h.add("#");
        h.add(nsat ? "# name/number mjd flag nsat expose ccd fwhm beta [naper x y xm ym exm eym counts sigma sky nsky nrej worst error_flag]*num_aper"
                : "# name/number mjd flag expose ccd fwhm beta [naper x y xm ym exm eym counts sigma sky nsky nrej worst error_flag]*num_aper");
        h.add("#");
        h.add("# For the fatal codes, 0. -1 0. 0 will be printed in place of \"counts sigma sky nrej\"");
        h.add("#");
        return h;
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, lines, StandardCharsets.US_ASCII);
        return p;
    }

    @Test
    void post2010Variant() throws Exception {
        List<String> l = header(false);
        // frame 1: CCD 1 two apertures (ap 2 linked: xm ym 0 0, exm eym -1 -1), CCD 2 one aperture, saturated
        l.add("1 53000.123456789012 0 10.5 1 3.2 0 1 100.5 200.5 100.4 200.6 0.012 0.013 12345.6 123.4 50.12 900 3 0 0"
                + " 2 150.0 250.0 0 0 -1 -1 2345.6 45.6 49.5 880 2 0 8");
        l.add("1 53000.123456789012 0 10.5 2 3.5 2.5 1 101.0 201.0 101.1 201.1 0.020 0.021 999.0 33.3 20.0 870 1 17 1");
        l.add("2 53000.123578 1 10.5 1 0 0 1 100.6 200.4 100.6 200.4 0.010 0.011 12000.0 120.0 50.0 901 4 0 2"
                + " 2 150.1 250.1 0 0 -1 -1 0. -1 0. 0 0 0 9");
        l.add("2 53000.123578 1 10.5 2 3.4 2.6 1 101.2 201.3 101.2 201.3 0.020 0.021 1000.0 33.0 21.0 0 1 0 12");
        PhotometryLog log = LogIo.defaultReaders().read(write("new.log", l), Warnings.IGNORE);
        assertEquals("ultracam-ulog", log.header().format());
        assertEquals("ultracam", log.header().instrumentGuess(2));
        CcdTable c1 = log.ccd("1");
        assertEquals(2, c1.rows());
        assertEquals(List.of("1", "2"), c1.apertureLabels());
        assertEquals(53000.123456789012, c1.mjdUtc()[0], 1e-11);
        assertFalse(c1.mjdOk()[0], "flag 0 = time not OK (hipercam's bool(\"0\") said OK)");
        assertTrue(c1.mjdOk()[1]);
        assertEquals(10.5f, (float) c1.exposure().value(0));
        assertEquals(3.2f, (float) c1.frameColumn("mfwhm").value(0));
        assertTrue(c1.frameColumn("mbeta").isMissing(0), "beta 0 = no Moffat fit");
        assertTrue(c1.frameColumn("mfwhm").isMissing(1), "fwhm 0 = no fit");
        ApertureTable a1 = c1.aperture("1");
        assertEquals(100.5f, (float) a1.column("x").value(0));
        assertEquals(100.4f, (float) a1.column("xm").value(0));
        assertEquals(0.012f, (float) a1.column("xe").value(0));
        assertEquals(12345.6f, (float) a1.counts().value(0));
        assertEquals(123.4f, (float) a1.countsError().value(0));
        assertEquals(50.12f, (float) a1.column("sky").value(0));
        assertEquals(900, (int) a1.column("nsky").value(0));
        assertEquals(0, (int) a1.flags().value(0));
        assertEquals(LogFlags.SKY_AT_EDGE, (int) a1.flags().value(1), "code 2");
        ApertureTable a2 = c1.aperture("2");
        assertTrue(a2.column("xm").isMissing(0));
        assertTrue(a2.column("xe").isMissing(0));
        assertEquals(150.0f, (float) a2.column("x").value(0));
        assertEquals(LogFlags.TARGET_SATURATED, (int) a2.flags().value(0), "code 8 is saturation, not TARGET_AT_EDGE");
        assertEquals(8, (int) a2.column("error_code").value(0));
        assertTrue(a2.counts().isMissing(1), "fatal code: 0. -1 printed");
        assertEquals(LogFlags.NO_EXTRACTION, (int) a2.flags().value(1), "code 9");
        CcdTable c2 = log.ccd("2");
        ApertureTable b1 = c2.aperture("1");
        assertEquals(17, (int) b1.column("worst").value(0));
        assertEquals(LogFlags.JUNK, (int) b1.flags().value(0), "code 1 cosmic ray");
        assertTrue(b1.column("sky").isMissing(1), "nsky 0: no sky");
        assertEquals(LogFlags.NO_EXTRACTION | LogFlags.JUNK, (int) b1.flags().value(1), "code 12 blue junk");
    }

    @Test
    void pre2010NsatVariant() throws Exception {
        List<String> l = header(true);
        l.add("17 52000.5 1 7 5.0 3 4.1 0 1 10.0 20.0 10.1 20.1 0.1 0.1 500.0 22.0 3.0 100 0 0 6");
        l.add("18 52000.50006 1 6 5.0 3 4.2 0 1 10.2 20.2 10.2 20.2 0.1 0.1 510.0 22.5 3.1 101 0 0 10");
        PhotometryLog log = LogIo.defaultReaders().read(write("nsat.log", l), Warnings.IGNORE);
        assertEquals("ultracam-ulog-nsat", log.header().format());
        CcdTable c3 = log.ccd("3");
        assertEquals(2, c3.rows());
        assertEquals(17, c3.nframe()[0]);
        assertEquals(7, (int) c3.frameColumn("nsat").value(0));
        assertEquals(6, (int) c3.frameColumn("nsat").value(1));
        assertEquals(5.0f, (float) c3.exposure().value(0));
        assertEquals(4.1f, (float) c3.frameColumn("mfwhm").value(0));
        assertEquals(500.0f, (float) c3.aperture("1").counts().value(0));
        assertEquals(LogFlags.NO_SKY, (int) c3.aperture("1").flags().value(0), "code 6");
        assertEquals(LogFlags.TARGET_AT_EDGE | LogFlags.NO_EXTRACTION, (int) c3.aperture("1").flags().value(1));
    }

    @Test
    void damagedUlogs() throws Exception {
        UlogReader r = new UlogReader();
        List<String> l = header(false);
        l.add("1 53000.1 1 10.5 1 3.2 0 1 100.5 200.5 100.4 200.6 0.012 0.013 12345.6 123.4 50.12 900 3 0 0");
        l.add("2 53000.2 1 10.5 1 3.2 0 1 100.5 200.5 100.4 200.6 0.012 0.013 12345.6 123.4 50.12 900 3 0 0"
                + " 2 150.0 250.0 0 0 -1 -1 2345.6 45.6 49.5 880 2 0 8");
        BadInputException e = assertThrows(BadInputException.class, () -> r.read(write("naps.log", l), Warnings.IGNORE));
        assertEquals(9, e.location().line());
        List<String> m = header(false);
        m.add("1 53000.1 2 10.5 1 3.2 0 1 100.5 200.5 100.4 200.6 0.012 0.013 12345.6 123.4 50.12 900 3 0 0");
        e = assertThrows(BadInputException.class, () -> r.read(write("flag.log", m), Warnings.IGNORE));
        assertEquals(8, e.location().line());
        List<String> n = header(false);
        n.add("1 53000.1 1 10.5 1 3.2 0 1 100.5 200.5 100.4 200.6 0.012 0.013 12345.6 123.4 50.12 900 3 0 13");
        assertThrows(BadInputException.class, () -> r.read(write("code.log", n), Warnings.IGNORE));
        // cut-off last line: dropped with a warning
        List<String> o = header(false);
        o.add("1 53000.1 1 10.5 1 3.2 0 1 100.5 200.5 100.4 200.6 0.012 0.013 12345.6 123.4 50.12 900 3 0 0");
        Path p = tmp.resolve("cut.log");
        Files.writeString(p, String.join("\n", o) + "\n2 53000.2 1 10.5 1 3.2 0 1 100.5 20");
        List<String> w = new ArrayList<>();
        PhotometryLog log = r.read(p, (loc, msg) -> w.add(loc.line() + " " + msg));
        assertEquals(1, log.ccd("1").rows());
        assertEquals(1, w.size());
        assertTrue(w.get(0).startsWith("9 "), w.toString());
    }
}
