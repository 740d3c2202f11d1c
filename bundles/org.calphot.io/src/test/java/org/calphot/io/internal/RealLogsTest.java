// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.Column;
import org.calphot.core.log.PhotometryLog;
import org.calphot.io.LogIo;
import org.junit.jupiter.api.Test;

/**
 * Every real log, checked against numbers read by hand from the files (first, a middle and the
 * last frame). Tolerances: f4 columns are compared to the printed decimal converted to float
 * ((float) of the double, as numpy does), so equality is exact; MJDs are f8 and compared to 1e-11 d
 * (the printed value has 14 decimals; the nearest double is within 4e-12 d at MJD 57100).
 */
class RealLogsTest {

    static PhotometryLog read(java.nio.file.Path p) throws Exception {
        List<String> w = new ArrayList<>();
        PhotometryLog log = LogIo.defaultReaders().read(p, (l, m) -> w.add(l + ": " + m));
        assertTrue(w.isEmpty(), "unexpected warnings " + w);
        return log;
    }

    static float f(String s) {
        return (float) Double.parseDouble(s);
    }

    static float v(ApertureTable a, String item, int row) {
        return (float) a.column(item).value(row);
    }

    @Test
    void dpLeoI_nanConvention_handValues() throws Exception {
        PhotometryLog log = read(TestFiles.dpleo("I"));
        assertEquals("hipercam-ascii", log.header().format());
        assertEquals("1.2.0", log.header().pipelineVersion());
        assertTrue(log.header().nanConvention());
        assertEquals("ul", log.header().parameters().get("source"));
        assertEquals("run032", log.header().parameters().get("run"));
        assertEquals("UNKNOWN", log.header().reduceKey("general", "instrument"));
        assertEquals("1.1", log.header().reduceKey("calibration", "gain"));
        assertEquals("4.5", log.header().reduceKey("calibration", "readout"));
        assertEquals("0", log.header().reduceKey("general", "toffset"));
        assertEquals("", log.header().reduceKey("calibration", "dark"));
        assertEquals("ultraspec", log.header().instrumentGuess(log.ccds().size()));
        // aperture file: 5 apertures, aperture 1 linked to 2 (line 146), x of aperture 1 at line 138
        assertEquals(5, log.header().apertureDefs().size());
        assertEquals("2", log.header().apertureDefs().get(0).link());
        assertEquals(357.53883194968154, log.header().apertureDefs().get(0).x(), 0);
        assertEquals(1, log.ccds().size());
        CcdTable c = log.ccd("1");
        assertEquals(332, c.rows());
        assertEquals(List.of("1", "2", "3", "4", "5"), c.apertureLabels());
        // line 267: frame 1
        assertEquals(1, c.nframe()[0]);
        assertEquals(57100.63619091298460, c.mjdUtc()[0], 1e-11);
        assertFalse(c.mjdOk()[0]);
        assertEquals(0.5f, (float) c.exposure().value(0));
        assertEquals(f("4.01"), (float) c.frameColumn("mfwhm").value(0));
        assertTrue(Double.isNaN(c.frameColumn("mbeta").value(0)));
        ApertureTable a1 = c.aperture("1");
        assertEquals(f("356.0160"), v(a1, "x", 0));
        assertTrue(Float.isNaN(v(a1, "xe", 0)));
        assertEquals(f("66.5073"), v(a1, "y", 0));
        assertTrue(Float.isNaN(v(a1, "fwhm", 0)));
        assertEquals(f("129.0"), v(a1, "counts", 0));
        assertEquals(f("32.8"), v(a1, "countse", 0));
        assertEquals(f("-13.97"), v(a1, "sky", 0));
        assertEquals(f("0.27"), v(a1, "skye", 0));
        assertEquals(485, (int) a1.column("nsky").value(0));
        assertEquals(862, (int) a1.column("cmax").value(0));
        assertEquals(0, (int) a1.flags().value(0));
        ApertureTable a2 = c.aperture("2");
        assertEquals(f("574.1667"), v(a2, "x", 0));
        assertEquals(f("0.0977"), v(a2, "xe", 0));
        assertEquals(f("3.953"), v(a2, "fwhm", 0));
        assertEquals(0f, v(a2, "beta", 0));
        assertEquals(-1f, v(a2, "betae", 0), "gaussian-fit betae = -1 is kept, not an error");
        assertEquals(f("3474.4"), v(a2, "counts", 0));
        assertEquals(f("61.0"), v(a2, "countse", 0));
        assertEquals(1438, (int) a2.column("cmax").value(0));
        // frame 2 has an earlier MJD than frame 1 (ULTRASPEC quirk), kept in file order
        assertEquals(57100.63617134380183, c.mjdUtc()[1], 1e-11);
        // middle: frame 150
        int r = 149;
        assertEquals(150, c.nframe()[r]);
        assertEquals(57100.64279463964340, c.mjdUtc()[r], 1e-11);
        assertTrue(c.mjdOk()[r]);
        assertEquals(f("3.851591"), (float) c.exposure().value(r));
        assertEquals(f("27241.3"), v(a2, "counts", r));
        assertEquals(f("157.4"), v(a2, "countse", r));
        assertEquals(8237, (int) a2.column("cmax").value(r));
        ApertureTable a5 = c.aperture("5");
        assertEquals(f("48.9985"), v(a5, "x", r));
        assertEquals(f("4.621"), v(a5, "fwhm", r));
        assertEquals(f("482.2"), v(a5, "counts", r));
        // last: frame 332, MJDok = 0
        r = 331;
        assertEquals(332, c.nframe()[r]);
        assertEquals(57100.65093950227310, c.mjdUtc()[r], 1e-11);
        assertFalse(c.mjdOk()[r]);
        assertEquals(f("3.8515903"), (float) c.exposure().value(r));
        assertEquals(f("880.5"), v(a1, "counts", r));
        assertEquals(f("24310.6"), v(a2, "counts", r));
        assertEquals(f("152.4"), v(a2, "countse", r));
        assertEquals(f("511.9"), v(a5, "counts", r));
        assertEquals(f("73.5"), v(a5, "countse", r));
        assertEquals(1001, (int) a5.column("cmax").value(r));
        int okFalse = 0;
        for (boolean b : c.mjdOk()) {
            okFalse += b ? 0 : 1;
        }
        assertEquals(3, okFalse);
        // declared types: f4 measurements, f8 MJD, i4 counts of pixels, u4 flags
        assertTrue(a2.counts() instanceof Column.F32);
        assertTrue(c.frameColumn("MJD") instanceof Column.F64);
        assertTrue(a2.column("nsky") instanceof Column.I32);
        assertTrue(a2.flags() instanceof Column.U32);
    }

    @Test
    void dpLeoII_sentinelConvention_handValues() throws Exception {
        PhotometryLog log = read(TestFiles.dpleo("II"));
        assertEquals("0.19.9.dev8+g323e6f2", log.header().pipelineVersion());
        assertFalse(log.header().nanConvention());
        CcdTable c = log.ccd("1");
        assertEquals(332, c.rows());
        // frame 150 (line 565): mfwhm 3.93, mbeta -1.00 -> NaN; ap 1 linked: xe -1 -> NaN, x kept
        int r = 149;
        assertEquals(f("3.93"), (float) c.frameColumn("mfwhm").value(r));
        assertTrue(Double.isNaN(c.frameColumn("mbeta").value(r)));
        ApertureTable a1 = c.aperture("1");
        assertEquals(f("357.3828"), v(a1, "x", r));
        assertTrue(Float.isNaN(v(a1, "xe", r)));
        assertTrue(Float.isNaN(v(a1, "fwhm", r)), "fwhm 0.000 with fwhme -1: no fit");
        assertTrue(Float.isNaN(v(a1, "beta", r)));
        assertTrue(Float.isNaN(v(a1, "betae", r)));
        assertEquals(f("122.2"), v(a1, "counts", r));
        assertEquals(f("84.0"), v(a1, "countse", r));
        ApertureTable a2 = c.aperture("2");
        assertEquals(f("4.012"), v(a2, "fwhm", r));
        assertEquals(-1f, v(a2, "betae", r));
        assertEquals(f("28936.6"), v(a2, "counts", r));
        ApertureTable a5 = c.aperture("5");
        assertTrue(Float.isNaN(v(a5, "xe", r)));
        assertEquals(f("48.7426"), v(a5, "x", r));
        assertEquals(f("505.3"), v(a5, "counts", r));
        r = 331;
        assertEquals(f("4.59"), (float) c.frameColumn("mfwhm").value(r));
        assertEquals(f("25252.9"), v(a2, "counts", r));
        assertEquals(f("599.4"), v(a5, "counts", r));
        assertEquals(f("87.8"), v(a5, "countse", r));
    }

    @Test
    void asassn16kr_2018_10_12_ultracamNblue() throws Exception {
        PhotometryLog log = read(TestFiles.asassn("2018_10_12"));
        assertEquals("0.17.dev45+g4b46bc2.d20181009", log.header().pipelineVersion());
        assertFalse(log.header().nanConvention());
        assertEquals(3, log.ccds().size());
        assertEquals(848, log.ccd("1").rows());
        assertEquals(848, log.ccd("2").rows());
        assertEquals(283, log.ccd("3").rows());
        assertEquals("ultracam", log.header().instrumentGuess(3));
        CcdTable c1 = log.ccd("1");
        // 15 items per aperture: no cmax
        assertNull(c1.aperture("1").column("cmax"));
        assertEquals(15, c1.aperture("1").columns().size());
        // line 411: frame 1, junk exposure 0.0005 s, counts 0.0 countse -1.0 -> no measurement, flag 1
        assertEquals(1, c1.nframe()[0]);
        assertEquals(58404.10758947887, c1.mjdUtc()[0], 1e-11);
        assertEquals(f("0.00050"), (float) c1.exposure().value(0));
        assertTrue(Double.isNaN(c1.frameColumn("mfwhm").value(0)));
        ApertureTable a1 = c1.aperture("1");
        assertEquals(f("172.753"), v(a1, "x", 0));
        assertTrue(Float.isNaN(v(a1, "counts", 0)));
        assertTrue(Float.isNaN(v(a1, "countse", 0)));
        assertTrue(Float.isNaN(v(a1, "sky", 0)), "sky 0.00 skye 0.00 nsky 0: no sky");
        assertEquals(1, (int) a1.flags().value(0));
        assertEquals(1, a1.badCount());
        // line 414: frame 2 CCD 1
        assertEquals(f("1345.6"), v(a1, "counts", 1));
        assertEquals(f("35.7"), v(a1, "countse", 1));
        assertEquals(2895, (int) a1.column("nsky").value(1));
        assertEquals(f("103457.0"), v(c1.aperture("2"), "counts", 1));
        // CCD 3 (u band, NBLUE=3): first line is frame 3, its own MJD and exposure
        CcdTable c3 = log.ccd("3");
        assertEquals(3, c3.nframe()[0]);
        assertEquals(58404.10762412100, c3.mjdUtc()[0], 1e-11);
        assertEquals(f("5.98666"), (float) c3.exposure().value(0));
        assertEquals(f("420.5"), v(c3.aperture("1"), "counts", 0));
        assertEquals(f("7792.9"), v(c3.aperture("2"), "counts", 0));
        int last = c3.rows() - 1;
        assertEquals(848, c3.nframe()[last]);
        assertEquals(58404.13583742171, c3.mjdUtc()[last], 1e-11);
        assertEquals(f("8.63496"), (float) c3.exposure().value(last));
        assertEquals(f("401.9"), v(c3.aperture("1"), "counts", last));
        assertEquals(f("7456.9"), v(c3.aperture("2"), "counts", last));
        // middle: CCD 2 line 400 (frame 400)
        CcdTable c2 = log.ccd("2");
        assertEquals(400, c2.nframe()[399]);
        assertEquals(58404.12090464532, c2.mjdUtc()[399], 1e-11);
        assertEquals(f("1869.1"), v(c2.aperture("1"), "counts", 399));
        assertEquals(f("89932.7"), v(c2.aperture("2"), "counts", 399));
        assertEquals(f("3876.2"), v(c2.aperture("3"), "counts", 399));
        assertEquals(f("54.6"), v(c2.aperture("3"), "countse", 399));
        assertEquals(f("5.14"), v(c2.aperture("3"), "fwhm", 399));
        // MJDok = 0 on 3/3/2 lines
        assertEquals(3, count(log.ccd("1").mjdOk()));
        assertEquals(3, count(log.ccd("2").mjdOk()));
        assertEquals(2, count(log.ccd("3").mjdOk()));
    }

    static int count(boolean[] ok) {
        int n = 0;
        for (boolean b : ok) {
            n += b ? 0 : 1;
        }
        return n;
    }

    @Test
    void asassn16kr_2018_10_15() throws Exception {
        PhotometryLog log = read(TestFiles.asassn("2018_10_15"));
        assertEquals(702, log.ccd("1").rows());
        assertEquals(702, log.ccd("2").rows());
        assertEquals(234, log.ccd("3").rows());
        CcdTable c1 = log.ccd("1");
        assertEquals(58407.18456217913, c1.mjdUtc()[0], 1e-11);
        assertEquals(f("185.152"), v(c1.aperture("1"), "x", 0));
        CcdTable c3 = log.ccd("3");
        int last = c3.rows() - 1;
        assertEquals(702, c3.nframe()[last]);
        assertEquals(58407.20793275106, c3.mjdUtc()[last], 1e-11);
        assertEquals(f("5.78"), (float) c3.frameColumn("mfwhm").value(last));
        assertEquals(f("582.4"), v(c3.aperture("1"), "counts", last));
        assertEquals(f("9467.0"), v(c3.aperture("2"), "counts", last));
    }

    @Test
    void parallelPiecesGiveTheSameModelAsOnePiece() throws Exception {
        // 16 KiB pieces cut the 600 kB log into ~37 pieces parsed on 4 threads
        PhotometryLog one = new HipercamAsciiReader(1).read(TestFiles.asassn("2018_10_12"), Warnings.IGNORE);
        PhotometryLog many = new HipercamAsciiReader(4, 16 << 10, 16 << 10).read(TestFiles.asassn("2018_10_12"),
                Warnings.IGNORE);
        ModelAssert.assertSameModel(one, many);
        assertArrayEquals(one.ccd("3").mjdUtc(), many.ccd("3").mjdUtc());
    }
}
