// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.calphot.core.log.LogReader;
import org.calphot.io.LogIo;

/**
 * Whether a file is a photometry log, by its first bytes, as {@code calphot run} chooses its reader: a reader must be
 * sure of it (a calphot lightcurve FITS is a FITS file, but has none of a log's keywords). Remembered per file
 * until it changes.
 */
final class LogSniffer {

    /** Confidence a reader must give; FITS without log keywords gets 30 from the FITS reader. */
    private static final int SURE = 50;
    private static final int HEAD = 1 << 16;
    private static final List<LogReader> READERS = LogIo.builtInReaders();
    private static final Map<Path, Object[]> CACHE = new ConcurrentHashMap<>();

    private LogSniffer() {
    }

    /** True for a log, false for a file no reader is sure of, null when it cannot be read. */
    static Boolean isLog(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            Object[] hit = CACHE.get(p);
            if (hit != null && (long) hit[0] == a.lastModifiedTime().toMillis() && (long) hit[1] == a.size()) {
                return (Boolean) hit[2];
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(p)) {
                head = in.readNBytes(HEAD);
            }
            int best = 0;
            for (LogReader r : READERS) {
                try {
                    best = Math.max(best, r.confidence(head));
                } catch (RuntimeException e) {
                    // a reader that cannot judge these bytes does not claim them
                }
            }
            // calphot's own lightcurve FITS names its log (LOGFILE) but is a table of calibrated flux
            String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            Boolean log = best >= SURE && !(text.startsWith("SIMPLE") && text.contains("FLUX_MJY"));
            CACHE.put(p, new Object[] {a.lastModifiedTime().toMillis(), a.size(), log});
            return log;
        } catch (IOException e) {
            return null;
        }
    }
}
