// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.core.log.CoordsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cal_phot's .coords rules (calphot-original §3.2), with located errors where the original lost data. */
class CoordsReaderTest {

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void threeCcdFile() throws Exception {
        Path p = write("run.coords", "# comment\n# another\nr g u\n\n"
                + "10:21:13.56 +17:42:31.1\n10:21:20.11 +17:40:02.5\n\n"
                + "# green\n10:21:13.56 +17:42:31.1\n\n155.3 -17.5\n");
        CoordsFile c = new CoordsReader().read(p, Warnings.IGNORE);
        assertEquals(List.of("r", "g", "u"), c.bands());
        assertEquals(2, c.stars(0).size());
        assertEquals("10:21:20.11", c.stars(0).get(1).ra());
        assertEquals("+17:40:02.5", c.stars(0).get(1).dec());
        assertEquals(6, c.stars(0).get(1).line());
        assertEquals(1, c.stars(1).size());
        assertEquals("155.3", c.stars(2).get(0).ra());
        assertEquals(11, c.stars(2).get(0).line());
    }

    @Test
    void kg5AnyCaseAndTrailingBlankLines() throws Exception {
        CoordsFile c = new CoordsReader().read(write("a.coords", "kG5\n\n1.0 2.0\n\n\n\n"), Warnings.IGNORE);
        assertEquals(List.of("kG5"), c.bands());
        assertEquals(1, c.stars(0).size());
    }

    @Test
    void errorsWhereTheOriginalSilentlyLostData() throws Exception {
        CoordsReader r = new CoordsReader();
        BadInputException e = assertThrows(BadInputException.class,
                () -> r.read(write("b1.coords", "R g\n\n1 2\n"), Warnings.IGNORE));
        assertEquals(1, e.location().line());
        assertEquals(1, e.location().column());
        e = assertThrows(BadInputException.class, () -> r.read(write("b2.coords", "r\n1.0 2.0\n3.0 4.0\n"), Warnings.IGNORE));
        assertEquals(2, e.location().line(), "separator line not blank");
        e = assertThrows(BadInputException.class,
                () -> r.read(write("b3.coords", "r g\n\n1.0 2.0\n\n\n3.0 4.0\n"), Warnings.IGNORE));
        assertEquals(4, e.location().line(), "two blank lines would skip a CCD");
        e = assertThrows(BadInputException.class,
                () -> r.read(write("b4.coords", "r g\n\n1.0 2.0 3.0\n"), Warnings.IGNORE));
        assertEquals(3, e.location().line());
        e = assertThrows(BadInputException.class,
                () -> r.read(write("b5.coords", "r\n\n1.0 2.0\n\n3.0 4.0\n"), Warnings.IGNORE));
        assertEquals(5, e.location().line(), "more CCD blocks than bands");
        e = assertThrows(BadInputException.class, () -> r.read(write("b6.coords", "r g\n\n1.0 2.0\n"), Warnings.IGNORE));
        assertTrue(e.getMessage().contains("CCD 2"), e.getMessage());
        e = assertThrows(BadInputException.class,
                () -> r.read(write("b7.coords", "r\n\n10:21:13.56&x=1 +17:42:31.1\n"), Warnings.IGNORE));
        assertEquals(3, e.location().line(), "tokens go into a URL: reject junk");
    }

    @Test
    void missingFileIsAClearErrorAndNothingIsWritten() throws Exception {
        Path missing = tmp.resolve("nothere.coords");
        BadInputException e = assertThrows(BadInputException.class,
                () -> new CoordsReader().read(missing, Warnings.IGNORE));
        assertTrue(e.getMessage().contains("not found"));
        assertFalse(Files.exists(missing), "the original wrote a template over the user's path");
        // cal_phot's fallback: coord_list.coords in the same folder
        write("coord_list.coords", "g\n\n1.0 2.0\n");
        List<String> w = new ArrayList<>();
        CoordsFile c = new CoordsReader().read(missing, (l, m) -> w.add(m));
        assertEquals(List.of("g"), c.bands());
        assertEquals(1, w.size());
    }
}
