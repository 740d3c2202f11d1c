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

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.PhotometryLog;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The damaged-log cases of {@link DamageTest} on a committed simulated log (the NaN-era HiPERCAM fixture: 5 CCDs, so
 * a cut last line belongs to CCD 5), so they run without the real logs: a last line cut short is dropped with a
 * located warning, the same cut inside the file is a located error, a malformed number is an error at its line and
 * column naming the column, and a line with a value too many is an error at its line.
 */
class FixtureDamageTest {

    @TempDir
    Path tmp;

    private final HipercamAsciiReader reader = new HipercamAsciiReader(2);

    private static List<String> base() throws Exception {
        return new ArrayList<>(Files.readAllLines(ReferenceData.committed("fixtures/hipercam-nan/run001.log"),
                StandardCharsets.ISO_8859_1));
    }

    private Path write(String name, List<String> lines, boolean finalNewline) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, (String.join("\n", lines) + (finalNewline ? "\n" : "")).getBytes(StandardCharsets.ISO_8859_1));
        return p;
    }

    @Test
    void cutShortLastLineIsDroppedWithALocatedWarning() throws Exception {
        List<String> l = base();
        int lastIndex = l.size() - 1;
        String last = l.get(lastIndex);
        assertTrue(last.startsWith("5 "), last);
        int rows = reader.read(write("whole.log", l, true), Warnings.IGNORE).ccd("5").rows();
        l.set(lastIndex, last.substring(0, last.length() / 2));
        List<Location> where = new ArrayList<>();
        PhotometryLog log = reader.read(write("cut.log", l, false), (loc, msg) -> where.add(loc));
        assertEquals(rows - 1, log.ccd("5").rows());
        assertEquals(1, where.size());
        assertEquals(lastIndex + 1, where.get(0).line());
        l.add(last);
        BadInputException e = assertThrows(BadInputException.class, () -> reader.read(write("cut2.log", l, true),
                Warnings.IGNORE));
        assertEquals(lastIndex + 1, e.location().line());
        assertEquals(2, e.exitCode());
    }

    @Test
    void malformedNumberAndExtraValueAreLocatedErrors() throws Exception {
        List<String> l = base();
        int i = l.size() / 2;
        while (!l.get(i).startsWith("1 ")) {
            i++;
        }
        String line = l.get(i);
        String[] t = line.trim().split("\\s+");
        t[15] = "12x.5";
        l.set(i, String.join(" ", t));
        Path p = write("bad.log", l, true);
        BadInputException e = assertThrows(BadInputException.class, () -> reader.read(p, Warnings.IGNORE));
        assertEquals(i + 1, e.location().line());
        assertTrue(e.location().column() > 0, e.describe());
        assertTrue(e.describe().startsWith(p + ":" + (i + 1) + ":"), e.describe());
        assertEquals(2, e.exitCode());

        List<String> l2 = base();
        l2.set(i, line + " 17");
        e = assertThrows(BadInputException.class, () -> reader.read(write("long.log", l2, true), Warnings.IGNORE));
        assertEquals(i + 1, e.location().line());
    }
}
