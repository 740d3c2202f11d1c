// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observing log is CSV: an observatory given as "lat, lon" (cal_phot's other site form) is quoted, not turned
 * into "18:35:26- 98:29:12" as cal_phot did, and a CSV reader gets the eight columns back.
 */
class ObservingLogCsvTest {

    @TempDir
    Path dir;

    @Test
    void commaInObservatoryIsQuotedAndReadsBack() throws Exception {
        // MJD 58404.10 = 2018-10-13 02:24 UTC, 58404.14 = 03:21:36 (python3 datetime(1858, 11, 17) + timedelta(days))
        LogResult r = new LogResult("data_1", dir.resolve("run1.log"), "T", "ucam", "18:35:26, 98:29:12",
                List.of("r", "g", "u"), 58404.123456789, 12L, -0.5, 0.5, true, List.of(), 58404.10, 58404.14);
        LogResult plain = new LogResult("data_1", dir.resolve("run2.log"), "T", "ucam", "lasilla",
                List.of("r"), 58404.5, 13L, -0.5, 0.5, true, List.of(), 58404.10, 58404.14);
        String text = org.calphot.output.ObservingLog.append(dir.resolve("none.csv"), List.of(r, plain));
        assertEquals("Instrument,Telescope,Date,Filter(s),Observation start (UTC),Observation end (UTC),Tecl,"
                + "Cycle No.\n"
                + "ucam,\"18:35:26, 98:29:12\",2018-10-13,r-g-u,02:24,03:21,58404.123456789,12.0\n"
                + "ucam,lasilla,2018-10-13,r,02:24,03:21,58404.5,13.0\n", text);
        List<CSVRecord> rows = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT).getRecords();
        assertEquals(3, rows.size());
        assertEquals(8, rows.get(1).size());
        assertEquals("18:35:26, 98:29:12", rows.get(1).get(1));
    }
}
