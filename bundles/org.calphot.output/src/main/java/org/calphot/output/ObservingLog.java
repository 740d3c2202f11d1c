// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.calphot.core.CalphotException;
import org.calphot.core.util.PyFloat;

/** The observing log ({@code observing_log.csv} by default): appended one row per log, as the original did. */
public final class ObservingLog {

    private ObservingLog() {
    }

    /** The existing file's text (if any), then the header when new, then one row per log. */
    public static String append(Path existing, List<? extends OutputLog> results) throws CalphotException {
        StringBuilder sb = new StringBuilder();
        try {
            if (Files.isRegularFile(existing)) {
                sb.append(Files.readString(existing, StandardCharsets.UTF_8));
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append('\n');
                }
            }
        } catch (IOException e) {
            throw new CalphotException("cannot read " + existing + ": " + e.getMessage(), e);
        }
        if (sb.length() == 0) {
            sb.append("Instrument,Telescope,Date,Filter(s),Observation start (UTC),Observation end (UTC),Tecl,"
                    + "Cycle No.\n");
        }
        DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
        // commons-csv quotes a field holding a comma or quote (an observatory "18:35:26, 98:29:12"); cal_phot
        // replaced the comma by '-', which changed the value (README, where calphot differs)
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            for (OutputLog r : results) {
                LocalDateTime start = utc(r.firstMjdUtc());
                LocalDateTime end = utc(r.lastMjdUtc());
                p.printRecord(r.instrument(), r.observatory(), start.format(date), String.join("-", r.bands()),
                        start.format(hm), end.format(hm), PyFloat.repr(r.eclipseBmjd()),
                        PyFloat.repr((double) r.cycle()));
            }
        } catch (IOException e) {
            throw new CalphotException("cannot format the observing log: " + e.getMessage(), e);
        }
        return sb.toString();
    }

    private static LocalDateTime utc(double mjd) {
        long ms = Math.round((mjd - 40587.0) * 86400000.0);
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC);
    }
}
