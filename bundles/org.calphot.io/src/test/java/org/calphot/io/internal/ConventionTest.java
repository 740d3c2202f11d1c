// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.PhotometryLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both bad-value conventions give the same model. (1) The five DP Leo logs share their frames: one
 * is written by hipercam 1.2.0 with {@code nan}, four by 0.19.9 with negative sentinels; frame
 * columns and the structural "no measurement" pattern (linked aperture 1 has no position error
 * and no profile fit; gaussian fits have beta 0, betae -1) must agree. (2) Log II rewritten by hand
 * the way the ≥ 0.21 writer prints bad values reads to exactly the same model as the original.
 */
class ConventionTest {

    @TempDir
    Path tmp;

    @Test
    void fiveDpLeoLogsAgreeOnSharedFrames() throws Exception {
        HipercamAsciiReader r = new HipercamAsciiReader(1);
        List<PhotometryLog> logs = new ArrayList<>();
        for (String n : new String[] {"I", "II", "III", "IV", "V"}) {
            logs.add(r.read(TestFiles.dpleo(n), Warnings.IGNORE));
        }
        CcdTable ref = logs.get(0).ccd("1");
        for (PhotometryLog log : logs) {
            CcdTable c = log.ccd("1");
            assertArrayEquals(ref.nframe(), c.nframe());
            assertArrayEquals(ref.mjdUtc(), c.mjdUtc());
            assertArrayEquals(ref.mjdOk(), c.mjdOk());
            ModelAssert.assertSameColumn(ref.exposure(), c.exposure(), "Exptim");
            for (int i = 0; i < c.rows(); i++) {
                assertTrue(Double.isNaN(c.frameColumn("mbeta").value(i)), "gaussian fits: no mean beta");
                assertFalse(Double.isNaN(c.frameColumn("mfwhm").value(i)));
            }
            ApertureTable linked = c.aperture("1");
            for (int i = 0; i < c.rows(); i++) {
                for (String item : new String[] {"xe", "ye", "fwhm", "fwhme", "beta", "betae"}) {
                    assertTrue(linked.column(item).isMissing(i), item + "_1 row " + i + " of " + log.source());
                }
                assertFalse(linked.column("x").isMissing(i));
                assertFalse(linked.counts().isMissing(i));
            }
            for (String ap : c.apertureLabels()) {
                ApertureTable a = c.aperture(ap);
                for (int i = 0; i < c.rows(); i++) {
                    if (!a.column("fwhm").isMissing(i)) {
                        assertEquals(0.0, a.column("beta").value(i));
                        assertEquals(-1.0, a.column("betae").value(i));
                    }
                    assertFalse(a.counts().isMissing(i), "every extraction worked in this run");
                }
            }
        }
    }

    @Test
    void sentinelLogRewrittenWithNanReadsIdentically() throws Exception {
        Path src = TestFiles.dpleo("II");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(src, StandardCharsets.ISO_8859_1)) {
            if (line.equals("#  0.19.9.dev8+g323e6f2")) {
                out.add("#  1.2.0");
            } else if (line.startsWith("1 ")) {
                out.add(toNan(line));
            } else {
                out.add(line);
            }
        }
        Path nanFile = tmp.resolve("II-as-nan.log");
        Files.write(nanFile, out, StandardCharsets.ISO_8859_1);
        HipercamAsciiReader r = new HipercamAsciiReader(1);
        PhotometryLog old = r.read(src, Warnings.IGNORE);
        PhotometryLog nan = r.read(nanFile, Warnings.IGNORE);
        assertFalse(old.header().nanConvention());
        assertTrue(nan.header().nanConvention());
        ModelAssert.assertSameModel(old, nan);
    }

    /** What hipercam ≥ 0.21 prints for the same measurement (7 frame items, then 16 per aperture). */
    private static String toNan(String line) {
        String[] t = line.trim().split("\\s+");
        if (Double.parseDouble(t[5]) <= 0) {
            t[5] = "nan";
        }
        if (Double.parseDouble(t[6]) <= 0) {
            t[6] = "nan";
        }
        for (int o = 7; o + 16 <= t.length; o += 16) {
            // x xe y ye fwhm fwhme beta betae counts countse sky skye nsky nrej cmax flag
            if (Double.parseDouble(t[o + 1]) <= 0) {
                t[o + 1] = "nan";
            }
            if (Double.parseDouble(t[o + 3]) <= 0) {
                t[o + 3] = "nan";
            }
            if (Double.parseDouble(t[o + 4]) <= 0) {
                t[o + 4] = "nan";
                t[o + 5] = "nan";
                t[o + 6] = "nan";
                t[o + 7] = "nan";
            } else if (Double.parseDouble(t[o + 5]) <= 0) {
                t[o + 5] = "nan";
            }
            if (Double.parseDouble(t[o + 9]) <= 0) {
                t[o + 8] = "nan";
                t[o + 9] = "nan";
            }
            if (Double.parseDouble(t[o + 11]) <= 0) {
                t[o + 10] = "nan";
                t[o + 11] = "nan";
            }
        }
        return String.join(" ", t) + " ";
    }
}
