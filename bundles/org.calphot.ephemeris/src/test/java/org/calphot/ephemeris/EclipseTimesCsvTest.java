// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.junit.jupiter.api.Test;

/** Eclipse-time rows are read as CSV (commons-csv): quoted fields are unquoted, an unclosed quote is located. */
class EclipseTimesCsvTest {

    @Test
    void quotedFieldsAndWriteBack() throws Exception {
        EclipseTimeTable t = EclipseTimesFile.parse(List.of("#calphot, run 1,1", "12,\"58000.5\",0.0001,1",
                "13,58000.55,2e-05,1"), "e.txt", Warnings.IGNORE);
        assertArrayEquals(new int[] {12, 13}, t.cycles());
        assertArrayEquals(new double[] {58000.5, 58000.55}, t.bmjdTdb());
        assertEquals("calphot, run 1", t.sources().get(1));
        // written back as the original wrote it: Python repr of the numbers
        assertEquals("#calphot, run 1,1\n12,58000.5,0.0001,1\n13,58000.55,2e-05,1\n", EclipseTimesFile.format(t));
    }

    @Test
    void unclosedQuoteIsLocated() {
        BadInputException e = assertThrows(BadInputException.class, () -> EclipseTimesFile.parse(
                List.of("#a,1", "12,\"58000.5,0.0001,1"), "e.txt", Warnings.IGNORE));
        assertTrue(e.describe().contains("e.txt:2"), e.describe());
    }
}
