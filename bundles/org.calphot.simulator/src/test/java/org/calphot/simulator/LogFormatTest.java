// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte-level layout of the written logs against the real pipeline logs in ../shared. */
class LogFormatTest {

    static Simulator simulator() {
        return new Simulator(TimeServices.siteRegistry());
    }

    @TempDir
    Path tmp;

    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p);
    }

    /** Lines of a real/simulated log between two markers (inclusive). */
    private static List<String> block(List<String> all, String from, String to) {
        int a = -1;
        int b = -1;
        for (int i = 0; i < all.size(); i++) {
            if (a < 0 && all.get(i).startsWith(from)) {
                a = i;
            }
            if (a >= 0 && all.get(i).startsWith(to)) {
                b = i;
                break;
            }
        }
        assertTrue(a >= 0 && b >= a, "block " + from + " .. " + to);
        return all.subList(a, b + 1);
    }

    /** ULTRASPEC with 4 comparisons = 1 CCD x 5 apertures, the layout of the real DP Leo logs. */
    private Path uspec5(LogFormat fmt, Path dir) throws CalphotException {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.ULTRASPEC).format(fmt).frames(332).seed(3)
                .compMags(new double[][] {{15.2, 16.1, 16.8, 17.3}}).build();
        return simulator().write(spec, dir, true, ProgressMonitor.NULL, Warnings.IGNORE).log();
    }

    @Test
    void headerTextAndDefinitionsMatchTheRealLogByteForByte() throws Exception {
        for (String[] pair : new String[][] {{"HIPERCAM", "I"}, {"HIPERCAM_OLD", "II"}}) {
            Path sim = uspec5(LogFormat.valueOf(pair[0]), tmp.resolve(pair[0]));
            List<String> s = lines(sim);
            List<String> r = lines(ByteOutTest.dpleo().resolve("2015_03_19_dpleo_run032_normal_gaussian_" + pair[1]
                    + ".log"));
            // fixed prose before the version line and after it
            assertEquals(r.subList(0, 6), s.subList(0, 6));
            // the version line names the version emulated (1.6.7 for the current format, as the real 0.19.9 for the old)
            assertEquals("#  " + LogFormat.valueOf(pair[0]).pipelineVersion(), s.get(6));
            assertEquals(pair[1].equals("II"), r.get(6).equals(s.get(6)));
            assertEquals(r.subList(7, 11), s.subList(7, 11));
            // column description, names and dtypes: identical text, including trailing spaces
            assertEquals(block(r, "# Now follow column name", "# End of data type definitions"),
                    block(s, "# Now follow column name", "# End of data type definitions"));
            assertEquals(block(r, "# and here is a minimal", "#   [general]"),
                    block(s, "# and here is a minimal", "#   [general]"));
            assertEquals(block(r, "# Next here is the aperture", "#   ["),
                    block(s, "# Next here is the aperture", "#   ["));
            // after the definitions: '#', then '#' + data line pairs; every data line ends with ' '
            int end = s.indexOf("# End of data type definitions");
            assertEquals("#", s.get(end + 1));
            int data = 0;
            for (int i = end + 2; i < s.size(); i += 2) {
                assertEquals("#", s.get(i));
                assertTrue(s.get(i + 1).endsWith(" ") && !s.get(i + 1).startsWith("#"));
                data++;
            }
            assertEquals(332, data);
            assertTrue(Files.readAllBytes(sim)[(int) Files.size(sim) - 1] == '\n');
        }
    }

    /** Shape of a token: "nan", "int", or the number of decimals. */
    private static String shape(String t) {
        if (t.equals("nan")) {
            return "nan";
        }
        int dot = t.indexOf('.');
        return dot < 0 ? "int" : Integer.toString(t.length() - dot - 1);
    }

    /**
     * Every column of the simulated data lines has a shape (decimals, nan, integer) that the same
     * column has in the real log of that pipeline version; and the sentinel values of the old format
     * are the real ones.
     */
    @Test
    void dataTokensHaveTheRealLogsShapes() throws Exception {
        for (String[] pair : new String[][] {{"HIPERCAM", "I"}, {"HIPERCAM_OLD", "II"}}) {
            Path sim = uspec5(LogFormat.valueOf(pair[0]), tmp.resolve("s" + pair[0]));
            Map<Integer, Set<String>> real = shapes(ByteOutTest.dpleo().resolve(
                    "2015_03_19_dpleo_run032_normal_gaussian_" + pair[1] + ".log"));
            Map<Integer, Set<String>> mine = shapes(sim);
            for (Map.Entry<Integer, Set<String>> e : mine.entrySet()) {
                int col = e.getKey();
                if (col == 4) {
                    continue; // Exptim is %.8g: its shape depends on the value
                }
                Set<String> extra = new HashSet<>(e.getValue());
                extra.removeAll(real.get(col));
                // nan in counts columns: failed extractions, which the real 1.2.0 log happens not to have
                if (pair[0].equals("HIPERCAM") && (col - 7) % 16 >= 8 && (col - 7) % 16 <= 11) {
                    extra.remove("nan");
                }
                assertTrue(extra.isEmpty(), pair[0] + " column " + col + " shapes " + extra + " not in the real log "
                        + real.get(col));
            }
        }
    }

    private static Map<Integer, Set<String>> shapes(Path p) throws IOException {
        Map<Integer, Set<String>> m = new HashMap<>();
        for (String line : Files.readAllLines(p)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] t = line.trim().split(" ");
            for (int i = 0; i < t.length; i++) {
                m.computeIfAbsent(i, k -> new HashSet<>()).add(shape(t[i]));
            }
        }
        return m;
    }

    @Test
    void oldFormatWritesTheRealSentinels() throws Exception {
        Path sim = uspec5(LogFormat.HIPERCAM_OLD, tmp.resolve("old"));
        String first = null;
        for (String line : Files.readAllLines(sim)) {
            if (!line.startsWith("#")) {
                first = line;
                break;
            }
        }
        String[] t = first.split(" ");
        // mbeta -1.00; linked target aperture: xe -1.0000, ye -1.0000, fwhm 0.000, fwhme -1.000, beta 0.000, betae -1.000
        assertEquals("-1.00", t[6]);
        assertEquals(List.of("-1.0000", "-1.0000", "0.000", "-1.000", "0.000", "-1.000"),
                List.of(t[8], t[10], t[11], t[12], t[13], t[14]));
        // the same positions in the real 0.19.9 log's first line
        String real = null;
        for (String line : Files.readAllLines(ByteOutTest.dpleo().resolve(
                "2015_03_19_dpleo_run032_normal_gaussian_II.log"))) {
            if (!line.startsWith("#")) {
                real = line;
                break;
            }
        }
        String[] r = real.split(" ");
        assertEquals(List.of(r[6], r[8], r[10], r[11], r[12], r[13], r[14]),
                List.of(t[6], t[8], t[10], t[11], t[12], t[13], t[14]));
    }

    @Test
    void ultracamLogHasNblueLinesAndFirstJunkFrame() throws Exception {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.ULTRACAM).frames(30).seed(5).build();
        Path log = simulator().write(spec, tmp.resolve("uc"), false, ProgressMonitor.NULL, Warnings.IGNORE).log();
        int[] perCcd = new int[3];
        List<String> blue = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] t = line.split(" ");
            perCcd[Integer.parseInt(t[0]) - 1]++;
            if (t[0].equals("3")) {
                blue.add(line);
            }
            if (t[1].equals("1")) {
                assertEquals("0.0005", t[4]);
                assertEquals("0", t[3]);
            }
        }
        // 30 frames, NBLUE = 3: CCD 3 only every third frame, as 848/848/283 in the real log
        assertEquals(List.of(30, 30, 10), List.of(perCcd[0], perCcd[1], perCcd[2]));
        assertTrue(blue.get(0).startsWith("3 3 "));
        assertEquals("0", blue.get(0).split(" ")[3], "first co-add includes the junk frame: MJDok 0");
        assertEquals("9.048", blue.get(1).split(" ")[4], "3 x 3 s + 2 x 0.024 s dead time");
    }

    @Test
    void ulogLinesFollowTheCppPrintfLayout() throws Exception {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.ULTRACAM).format(LogFormat.ULOG).frames(12).seed(5)
                .build();
        Path log = simulator().write(spec, tmp.resolve("ul"), false, ProgressMonitor.NULL, Warnings.IGNORE).log();
        List<String> data = new ArrayList<>();
        boolean header = false;
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("# name/number mjd flag expose ccd fwhm beta [naper")) {
                header = true;
            }
            if (!line.startsWith("#")) {
                data.add(line);
            }
        }
        assertTrue(header);
        assertEquals(36, data.size(), "every CCD every frame");
        // "%8i %16.10f %1i %9.6f %1i %7.3f %7.3f" = 8+1+16+1+1+1+9+1+1+1+7+1+7 = 55 characters, then 3 x
        // (" %2i %9.4f %9.4f %9.4f %9.4f %7.4f %7.4f" (3 + 4 x 10 + 2 x 8 = 59)
        // + " %10.1f %7.1f %9.2f %3i %4i %2i %2i" (11 + 8 + 10 + 4 + 5 + 3 + 3 = 44))
        for (String l : data) {
            assertEquals(55 + 3 * (59 + 44), l.length(), l);
        }
        String junkBlue = data.get(2);
        assertTrue(junkBlue.substring(50).contains("       0.0    -1.0      0.00   0    0  0 12"), junkBlue);
    }
}
