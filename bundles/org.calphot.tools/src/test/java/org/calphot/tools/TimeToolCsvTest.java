// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch CSV of {@code calphot time --csv} is read as CSV (commons-csv): a quoted field may hold commas, and an
 * unclosed quote is a located error.
 */
class TimeToolCsvTest {

    @TempDir
    Path dir;

    private final TimeTool tool = new TimeTool(TimeServices.corrector(), TimeServices.siteRegistry());

    @Test
    void quotedCommaStaysInItsField() throws Exception {
        // GTC and NN Ser as in TimeToolTest's vector 2 (57900.1 -> 57900.1055885255, astropy); a name column with a
        // comma must not shift the numbers after it
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "name,lon_deg,lat_deg,height_m,ra_deg,dec_deg,mjd_utc\n"
                + "\"NN Ser, eclipse\",-17.892,28.7569,2267,238.233854,12.912411,57900.1\n");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        tool.runCsv(csv, new TimeTool.Options(null, false, null), new PrintStream(buf, true, StandardCharsets.UTF_8),
                Warnings.IGNORE);
        String[] out = buf.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, out.length);
        assertEquals(57900.1055885255, Double.parseDouble(out[1].split(",")[1]), 2e-9);
    }

    @Test
    void unclosedQuoteIsLocated() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "lon_deg,lat_deg,height_m,ra_deg,dec_deg,mjd_utc\n"
                + "-17.892,28.7569,2267,238.2,12.9,\"57900.1\n");
        BadInputException e = assertThrows(BadInputException.class, () -> tool.runCsv(csv,
                new TimeTool.Options(null, false, null), System.out, Warnings.IGNORE));
        assertEquals(2, e.exitCode());
        assertTrue(e.describe().contains("bad.csv") && e.describe().contains(":2"), e.describe());
    }
}
