// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config.internal;

import java.util.Set;

/** The keys cal_phot knows, plus calphot's own additions, for validation and "did you mean". */
public final class Keys {

    /** Top level, compared in lower case. From "output formats" on, calphot's additions. */
    public static final Set<String> TOP = Set.of("target coords", "period", "t0", "sdss", "directory",
            "fit ephemeris", "overplot", "overplot filename", "observing_log_fname", "extract",
            "output formats", "catalogue", "catalogue transforms", "seed", "airmass formula", "colour terms", "filter system",
            "keep not clean", "eclipse model", "eclipse ccd", "mask points");

    /** Payload keys, exact case. From "flags" on, calphot's additions. */
    public static final Set<String> PAYLOAD = Set.of("observatory", "inst", "phase range", "oname", "logfiles",
            "get eclipse times", "flux calibrate", "extract data", "flags",
            "bands", "airmass formula", "drop bad comparisons", "filter system");

    private Keys() {
    }

    /** " (did you mean 'x'?)" for the closest known key within a small edit distance, else "". */
    public static String didYouMean(String key, Set<String> known) {
        if (key.length() > 64) {
            return ""; // no key is that long; the edit distance would take seconds on a huge one
        }
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestD || (d == bestD && best != null && k.compareTo(best) < 0)) {
                best = k;
                bestD = d;
            }
        }
        return best != null && bestD <= Math.max(2, key.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        return org.calphot.core.util.EditDistance.levenshtein(a, b);
    }
}
