// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.Column;
import org.calphot.core.log.PhotometryLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a growing log: the frames read piece by piece (pieces ending in the middle of a line) must be
 * exactly those of one whole read of the finished file, which is the reference; a shorter or different file
 * restarts the follower; bad data in a new line is located in the real file.
 */
class LogFollowerTest {

    @TempDir
    Path dir;

    /** A small HiPERCAM-style log: 2 CCDs, 2 apertures, nan for a failed extraction. */
    static String log(int frames) {
        StringBuilder sb = new StringBuilder();
        sb.append("#\n# This is a logfile produced by the HiPERCAM pipeline command 'reduce'.\n#\n#  1.6.7\n#\n");
        String names = "CCD nframe MJD MJDok Exptim mfwhm mbeta x_1 xe_1 y_1 ye_1 fwhm_1 fwhme_1 beta_1 betae_1 counts_1"
                + " countse_1 sky_1 skye_1 nsky_1 nrej_1 cmax_1 flag_1 x_2 xe_2 y_2 ye_2 fwhm_2 fwhme_2 beta_2 betae_2"
                + " counts_2 countse_2 sky_2 skye_2 nsky_2 nrej_2 cmax_2 flag_2";
        String types = "s i4 f8 ? f4 f4 f4" + " f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 f4 i4 i4 i4 u4".repeat(2);
        sb.append("# Start of column name definitions:\n#\n");
        sb.append("# 1 = ").append(names).append("\n# 2 = ").append(names).append("\n#\n");
        sb.append("# End of column name definitions\n#\n# Start of data type definitions:\n#\n");
        sb.append("# 1 = ").append(types).append("\n# 2 = ").append(types).append("\n#\n");
        sb.append("# End of data type definitions\n#\n");
        for (int f = 1; f <= frames; f++) {
            for (int c = 1; c <= 2; c++) {
                sb.append(c).append(' ').append(f).append(' ').append(60000.0 + f * 1e-4).append(" 1 10 1.2 nan");
                for (int a = 1; a <= 2; a++) {
                    String counts = f == 7 && a == 2 ? "nan" : Double.toString(1000.0 * a + f + 0.5 * c);
                    sb.append(" 10.5 0.01 20.5 0.01 3.1 0.1 nan nan ").append(counts).append(" 30.0 5.0 0.1 100 2 900 0");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void piecesEndingMidLineGiveTheFramesOfOneWholeRead() throws Exception {
        byte[] all = log(40).getBytes();
        Path whole = dir.resolve("whole.log");
        Files.write(whole, all);
        PhotometryLog want = LogIo.defaultReaders().read(whole, Warnings.IGNORE);

        Path growing = dir.resolve("run.log");
        Files.write(growing, new byte[0]);
        LogFollower f = new LogFollower(growing, LogIo.defaultReaders());
        assertEquals(LogFollower.Kind.WAITING, f.poll(Warnings.IGNORE).kind());
        int[] cuts = {300, all.length / 5 + 17, all.length / 5 + 18, all.length / 2 + 3, all.length - 9, all.length};
        int written = 0;
        List<Integer> rows = new ArrayList<>();
        for (int cut : cuts) {
            Files.write(growing, Arrays.copyOfRange(all, written, cut), StandardOpenOption.APPEND);
            written = cut;
            LogFollower.Update u = f.poll(Warnings.IGNORE);
            rows.add(f.log() == null ? 0 : f.log().rows("1"));
            if (u.kind() == LogFollower.Kind.APPENDED) {
                assertTrue(u.bytesRead() > 0);
            }
        }
        assertEquals(40, rows.get(rows.size() - 1));
        assertTrue(rows.get(1) > 0 && rows.get(1) < 40, rows.toString());
        assertEquals(all.length, f.offset(), "every byte consumed once");
        PhotometryLog got = f.log().snapshot();
        assertEquals(want.header(), got.header());
        for (CcdTable w : want.ccds()) {
            CcdTable g = got.ccd(w.ccd());
            assertEquals(w.rows(), g.rows());
            assertArrayEquals(w.mjdUtc(), g.mjdUtc());
            assertArrayEquals(w.nframe(), g.nframe());
            for (String l : w.apertureLabels()) {
                for (Column c : w.aperture(l).columns().values()) {
                    Column d = g.aperture(l).column(c.name());
                    assertEquals(c.dtype(), d.dtype(), c.name());
                    assertArrayEquals(c.toDoubleArray(), d.toDoubleArray(), c.name() + "_" + l);
                }
            }
        }
        assertTrue(Double.isNaN(got.ccd("1").aperture("2").counts().value(6)), "frame 7's failed extraction");
        f.close();
    }

    @Test
    void aShorterOrReplacedLogRestarts() throws Exception {
        Path growing = dir.resolve("run.log");
        Files.writeString(growing, log(20));
        LogFollower f = new LogFollower(growing, LogIo.defaultReaders());
        assertEquals(LogFollower.Kind.APPENDED, f.poll(Warnings.IGNORE).kind());
        assertEquals(20, f.log().frames());
        assertEquals(LogFollower.Kind.UNCHANGED, f.poll(Warnings.IGNORE).kind());
        // a new run under the same name, written by replacing the file: shorter
        Path tmp = dir.resolve("new.log");
        Files.writeString(tmp, log(5));
        Files.move(tmp, growing, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        LogFollower.Update u = f.poll(Warnings.IGNORE);
        assertEquals(LogFollower.Kind.RESTARTED, u.kind());
        assertEquals(5, f.log().frames());
        // the file disappears: waiting, the frames read stay
        Files.delete(growing);
        assertEquals(LogFollower.Kind.WAITING, f.poll(Warnings.IGNORE).kind());
        f.close();
    }

    @Test
    void badDataInANewLineIsLocatedInTheRealFile() throws Exception {
        Path growing = dir.resolve("run.log");
        String text = log(3);
        Files.writeString(growing, text);
        LogFollower f = new LogFollower(growing, LogIo.defaultReaders());
        f.poll(Warnings.IGNORE);
        int lines = (int) text.chars().filter(ch -> ch == '\n').count();
        Files.writeString(growing, "1 4 notanumber 1 10 1.2 nan\n", StandardOpenOption.APPEND);
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> f.poll(Warnings.IGNORE));
        assertEquals(growing.toString(), e.location().file());
        assertEquals(lines + 1, e.location().line(), e.describe());
        f.close();
    }
}
