// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.PhotometryLog;
import org.calphot.io.LogIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real-world damage to logs, each case from the issue, built by editing the DP Leo I log. */
class DamageTest {

    @TempDir
    Path tmp;

    private final HipercamAsciiReader reader = new HipercamAsciiReader(2);

    private static List<String> base() throws Exception {
        return new ArrayList<>(Files.readAllLines(TestFiles.dpleo("I"), StandardCharsets.ISO_8859_1));
    }

    private Path write(String name, List<String> lines, boolean finalNewline) throws Exception {
        String s = String.join("\n", lines) + (finalNewline ? "\n" : "");
        Path p = tmp.resolve(name);
        Files.write(p, s.getBytes(StandardCharsets.ISO_8859_1));
        return p;
    }

    private static final class Recorder implements Warnings {
        final List<Location> where = new ArrayList<>();
        final List<String> what = new ArrayList<>();

        @Override
        public void warn(Location location, String message) {
            where.add(location);
            what.add(message);
        }
    }

    @Test
    void cutShortLastLineIsDroppedWithWarning() throws Exception {
        List<String> l = base();
        assertEquals(929, l.size());
        String last = l.get(928);
        l.set(928, last.substring(0, last.length() / 2));
        Recorder w = new Recorder();
        PhotometryLog log = reader.read(write("cut.log", l, false), w);
        assertEquals(331, log.ccd("1").rows());
        assertEquals(1, w.where.size());
        assertEquals(929, w.where.get(0).line(), w.what.toString());
        assertEquals(331, log.ccd("1").nframe()[330]);
        // the same cut in the middle of the file is an error
        l.add("#");
        l.add(last);
        BadInputException e = assertThrows(BadInputException.class, () -> reader.read(write("cut2.log", l, true), w));
        assertEquals(929, e.location().line());
    }

    @Test
    void malformedLinesAreLocatedErrors() throws Exception {
        List<String> l = base();
        String line = l.get(500); // line 501
        assertTrue(line.startsWith("1 "));
        String[] t = line.split(" ");
        t[15] = "12x.5"; // counts_1
        l.set(500, String.join(" ", t));
        Path p = write("bad.log", l, true);
        BadInputException e = assertThrows(BadInputException.class, () -> reader.read(p, Warnings.IGNORE));
        assertEquals(501, e.location().line());
        int col = String.join(" ", java.util.Arrays.copyOf(t, 15)).length() + 2;
        assertEquals(col, e.location().column());
        assertTrue(e.describe().startsWith(p + ":501:" + col + ": "), e.describe() + " vs col " + col);
        assertTrue(e.getMessage().contains("counts_1"), e.getMessage());
        assertEquals(2, e.exitCode());

        // wrong column counts
        List<String> l2 = base();
        l2.set(500, line.substring(0, line.lastIndexOf(" 0 ")));
        e = assertThrows(BadInputException.class, () -> reader.read(write("short.log", l2, true), Warnings.IGNORE));
        assertEquals(501, e.location().line());
        List<String> l3 = base();
        l3.set(500, line + " 17");
        e = assertThrows(BadInputException.class, () -> reader.read(write("long.log", l3, true), Warnings.IGNORE));
        assertEquals(501, e.location().line());
        assertTrue(e.getMessage().contains("87 values"), e.getMessage());
    }

    @Test
    void blankAndSpacerLinesAreSkipped() throws Exception {
        List<String> l = base();
        List<String> out = new ArrayList<>();
        for (String s : l) {
            out.add(s);
            if (s.startsWith("1 ")) {
                out.add("");
                out.add("   ");
                out.add("#");
                out.add("#  ");
            }
        }
        PhotometryLog a = reader.read(TestFiles.dpleo("I"), Warnings.IGNORE);
        PhotometryLog b = reader.read(write("blank.log", out, true), Warnings.IGNORE);
        ModelAssert.assertSameModel(a, b);
    }

    @Test
    void concatenatedLogsAreAnErrorAtTheSecondHeader() throws Exception {
        List<String> l = base();
        List<String> two = new ArrayList<>(l);
        two.addAll(l);
        BadInputException e = assertThrows(BadInputException.class,
                () -> reader.read(write("two.log", two, true), Warnings.IGNORE));
        // line 1 of the second copy is the lone '#', line 2 the "This is a logfile ..." line
        assertEquals(929 + 2, e.location().line());
        assertTrue(e.getMessage().contains("concatenated"), e.getMessage());
    }

    @Test
    void nonUtf8ByteInHeaderDoesNotStopTheRead() throws Exception {
        byte[] b = Files.readAllBytes(TestFiles.dpleo("I"));
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("consists");
        b[at] = (byte) 0xE9;
        b[at + 1] = (byte) 0xFF;
        Path p = tmp.resolve("latin1.log");
        Files.write(p, b);
        ModelAssert.assertSameModel(reader.read(TestFiles.dpleo("I"), Warnings.IGNORE), reader.read(p, Warnings.IGNORE));
        assertEquals("hipercam-ascii", LogIo.defaultReaders().choose(p).name());
    }

    @Test
    void ccdLabelWithoutDefinitionIsLocated() throws Exception {
        List<String> l = base();
        assertTrue(l.get(600).startsWith("1 "));
        l.set(600, "4" + l.get(600).substring(1));
        BadInputException e = assertThrows(BadInputException.class,
                () -> reader.read(write("ccd4.log", l, true), Warnings.IGNORE));
        assertEquals(601, e.location().line());
        assertEquals(1, e.location().column());
        assertTrue(e.getMessage().contains("'4'"), e.getMessage());
    }

    @Test
    void headerWithoutDefinitions() throws Exception {
        List<String> l = base();
        int s = l.indexOf("# Start of column name definitions:");
        int end = l.indexOf("# End of column name definitions");
        List<String> out = new ArrayList<>(l.subList(0, s));
        out.addAll(l.subList(end + 1, l.size()));
        int firstData = -1;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).startsWith("1 ")) {
                firstData = i + 1;
                break;
            }
        }
        final int fd = firstData;
        BadInputException e = assertThrows(BadInputException.class,
                () -> reader.read(write("nodefs.log", out, true), Warnings.IGNORE));
        assertEquals(fd, e.location().line());
    }

    @Test
    void garbageAndEmptyFiles() throws Exception {
        byte[] junk = new byte[5000];
        new Random(7).nextBytes(junk);
        Path g = tmp.resolve("junk.log");
        Files.write(g, junk);
        assertThrows(BadInputException.class, () -> LogIo.defaultReaders().read(g, Warnings.IGNORE));
        assertThrows(BadInputException.class, () -> reader.read(g, Warnings.IGNORE));
        Path empty = tmp.resolve("empty.log");
        Files.write(empty, new byte[0]);
        BadInputException e = assertThrows(BadInputException.class,
                () -> LogIo.defaultReaders().read(empty, Warnings.IGNORE));
        assertTrue(e.getMessage().contains("empty"));
        assertThrows(BadInputException.class, () -> reader.read(empty, Warnings.IGNORE));
        assertThrows(BadInputException.class, () -> LogIo.defaultReaders().read(tmp.resolve("missing.log"), Warnings.IGNORE));
    }

    @Test
    void mjdOffsetColumnGetsTheOffsetAddedBack() throws Exception {
        List<String> l = base();
        List<String> out = new ArrayList<>();
        for (String s : l) {
            if (s.startsWith("# 1 = CCD nframe MJD ")) {
                out.add(s.replace(" MJD ", " MJD-50000 "));
            } else if (s.startsWith("1 ")) {
                String[] t = s.split(" ");
                t[2] = t[2].substring(1); // 57100.x -> 7100.x
                out.add(String.join(" ", t) + " ");
            } else {
                out.add(s);
            }
        }
        PhotometryLog a = reader.read(TestFiles.dpleo("I"), Warnings.IGNORE);
        PhotometryLog b = reader.read(write("toffset.log", out, true), Warnings.IGNORE);
        assertEquals(50000, b.header().mjdOffset());
        double[] x = a.ccd("1").mjdUtc();
        double[] y = b.ccd("1").mjdUtc();
        for (int i = 0; i < x.length; i++) {
            // one rounding of the addition: within 1 ulp at MJD 57100 (7.3e-12 d)
            assertEquals(x[i], y[i], 7.3e-12);
        }
    }

    /**
     * A hand-made pre-0.15 style log: no mfwhm/mbeta, 15 items per aperture, no data type block,
     * CCD 1 with one aperture, CCD 2 with two (labelled 2 and 10: numeric order), CCD 3 defined but
     * never in the data.
     */
    @Test
    void differentApertureCountsAbsentCcdAndOldLayout() throws Exception {
        String ap = "x_%1$s xe_%1$s y_%1$s ye_%1$s fwhm_%1$s fwhme_%1$s beta_%1$s betae_%1$s counts_%1$s "
                + "countse_%1$s sky_%1$s skye_%1$s nsky_%1$s nrej_%1$s flag_%1$s";
        List<String> l = new ArrayList<>();
        l.add("#");
        l.add("# This is a logfile produced by the HiPERCAM pipeline command 'reduce'. It consists");
        l.add("# The logfile was produced using version number:");
        l.add("#");
        l.add("#  0.12.0");
        l.add("#");
        l.add("# Start of column name definitions:");
        l.add("# 1 = CCD nframe MJD MJDok Exptim " + String.format(ap, "1"));
        l.add("# 2 = CCD nframe MJD MJDok Exptim " + String.format(ap, "10") + " " + String.format(ap, "2"));
        l.add("# 3 = CCD nframe MJD MJDok Exptim " + String.format(ap, "1"));
        l.add("# End of column name definitions");
        l.add("#");
        l.add("1 1 58000.5 1 10.0 10.0 0.1 20.0 0.1 3.0 0.1 0.0 -1.0 100.5 10.5 5.0 0.5 300 2 0");
        l.add("2 1 58000.5 1 10.0 11.0 0.1 21.0 0.1 3.0 0.1 0.0 -1.0 200.5 20.5 6.0 0.5 301 3 4 "
                + "12.0 -1.0 22.0 -1.0 0.0 -1.0 0.0 -1.0 0.0 -1.0 0.00 0.00 0 0 64");
        Recorder w = new Recorder();
        PhotometryLog log = reader.read(write("old.log", l, true), w);
        assertTrue(w.what.get(0).contains("no data type"), w.what.toString());
        assertEquals(List.of("1", "2", "3"), log.ccds().stream().map(CcdTable::ccd).toList());
        assertEquals(0, log.ccd("3").rows());
        assertEquals(List.of("2", "10"), log.ccd("2").apertureLabels());
        CcdTable c2 = log.ccd("2");
        assertEquals(200.5f, (float) c2.aperture("10").counts().value(0));
        assertEquals(4, (int) c2.aperture("10").flags().value(0));
        assertTrue(c2.aperture("2").counts().isMissing(0));
        assertTrue(c2.aperture("2").column("sky").isMissing(0));
        assertEquals(64, (int) c2.aperture("2").flags().value(0));
        assertEquals(12.0f, (float) c2.aperture("2").column("x").value(0));
        assertEquals(null, c2.frameColumn("mfwhm"));
        assertEquals(100.5f, (float) log.ccd("1").aperture("1").counts().value(0));
    }
}
