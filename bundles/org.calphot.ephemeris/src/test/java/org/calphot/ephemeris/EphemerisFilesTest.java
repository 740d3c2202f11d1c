// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EphemerisFilesTest {

    @Test
    void eclipseTimesRoundTripAndOriginalLayout(@TempDir Path dir) throws Exception {
        // as cal_phot writes it: key lines, then rows; a name with a comma (which broke cal_phot's reader)
        String text = "#ULTRACAM, WHT,0\n#ULTRASPEC,1\n\n0,57000.123456789,1.5e-05,0\n12,57000.87,2e-05,1\n";
        Path f = dir.resolve("eclipse_times.txt");
        Files.writeString(f, text);
        EclipseTimeTable t = EclipseTimesFile.read(f, Warnings.IGNORE);
        assertEquals(2, t.size());
        assertEquals("ULTRACAM, WHT", t.sourceName(0));
        assertEquals(57000.123456789, t.bmjdTdb()[0], 0.0);
        assertEquals(1.5e-5, t.errors()[0], 0.0);
        assertEquals(12, t.cycles()[1]);
        assertEquals(1, t.sourceIds()[1]);
        Path g = dir.resolve("again.txt");
        EclipseTimesFile.write(g, t);
        assertEquals("#ULTRACAM, WHT,0\n#ULTRASPEC,1\n0,57000.123456789,1.5e-05,0\n12,57000.87,2e-05,1\n",
                Files.readString(g));
        EclipseTimeTable back = EclipseTimesFile.read(g, Warnings.IGNORE);
        assertArrayEquals(t.bmjdTdb(), back.bmjdTdb());
        assertArrayEquals(t.cycles(), back.cycles());
        assertEquals(t.sources(), back.sources());
        // adding a new source gets the next id
        EclipseTimeTable more = back.plus("HiPERCAM", 20, 57001.2, 1e-5);
        assertEquals(2, more.sourceIds()[2]);
    }

    @Test
    void badRowsAreLocated(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("e.txt");
        Files.writeString(f, "#a,0\n0,57000.1,1e-5,0\n1,57000.2,-1e-5,0\n");
        BadInputException e = assertThrows(BadInputException.class, () -> EclipseTimesFile.read(f, Warnings.IGNORE));
        assertEquals(3, e.location().line());
        assertEquals(11, e.location().column()); // "1,57000.2,-1e-5,0": the error field starts at column 11
        Files.writeString(f, "0,57000.1,1e-5\n");
        assertEquals(1, assertThrows(BadInputException.class, () -> EclipseTimesFile.read(f, null)).location().line());
        Files.writeString(f, "1.5,57000.1,1e-5,0\n");
        assertTrue(assertThrows(BadInputException.class, () -> EclipseTimesFile.read(f, null)).getMessage()
                .contains("integer"));
        List<String> w = new ArrayList<>();
        Files.writeString(f, "2.0,57000.1,1e-5,3\n");
        assertEquals(2, EclipseTimesFile.read(f, (l, m) -> w.add(m)).cycles()[0]);
        assertEquals(1, w.size());
        assertThrows(BadInputException.class, () -> EclipseTimesFile.read(dir.resolve("missing.txt"), null));
    }

    @Test
    void fitFileRoundTripWithCorrectedConventions(@TempDir Path dir) throws Exception {
        EclipseTimeTable t = DpLeoEphemerisTest.load();
        EphemerisFit fit = EphemerisFitter.create().fitLeastSquares(t);
        Path f = dir.resolve("ephemeris_fit.txt");
        EphemerisFitFile.write(f, fit);
        List<String> lines = Files.readAllLines(f);
        assertEquals(String.format(java.util.Locale.ROOT, "Got a T0 of     %.15f+/-%.2e", fit.t0(), fit.t0Err()),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("Got a period of 0.0623628564"), lines.get(1));
        assertEquals("This fit had a reduced chisq value of 0.677", lines.get(2));
        assertEquals("", lines.get(3));
        assertEquals("Source          |  (Obs) - (Calc), sec | Cycle Number", lines.get(4));
        assertEquals(5 + 54, lines.size());
        EphemerisFitFile.Contents c = EphemerisFitFile.read(f);
        assertEquals(fit.t0(), c.t0(), 1e-15 * 6e4);
        assertEquals(fit.period(), c.period(), 1e-15);
        assertEquals(fit.t0Err(), c.t0Err(), 0.01 * fit.t0Err());
        assertEquals(0.677, c.reducedChi2(), 0.0);
        assertEquals(54, c.cycles().length);
        assertEquals(fit.oc().ocSeconds()[3], c.ocSeconds()[3], 1e-4);
        assertEquals("Beuermann 2011", c.sources().get(0));
    }
}
