// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a log says about itself.
 *
 * @param format           reader that produced it, e.g. {@code hipercam-ascii}, {@code ultracam-ulog},
 *                         {@code ultracam-ulog-nsat}, {@code hipercam-fits}
 * @param pipelineVersion  hipercam version string, or null when the format has none
 * @param nanConvention    true when bad values were written as {@code nan} (hipercam ≥ 0.21);
 *                         false when negative-error sentinels were converted to NaN by the reader
 * @param parameters       {@code reduce} command-line parameters in log order ({@code source}, {@code run}, ...)
 * @param reduceFile       the reduce file's sections → key → value (inline comments removed)
 * @param apertureDefs     apertures from the aperture file in the header (empty if absent or unreadable)
 * @param mjdOffset        toffset added back to the MJD column (0 if none)
 * @param columnNames      per CCD, the raw column names as defined in the header
 */
public record LogHeader(String format, String pipelineVersion, boolean nanConvention, Map<String, String> parameters,
        Map<String, Map<String, String>> reduceFile, List<ApertureDef> apertureDefs, long mjdOffset,
        Map<String, List<String>> columnNames) {

    public LogHeader {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Map<String, Map<String, String>> rf = new LinkedHashMap<>();
        reduceFile.forEach((k, v) -> rf.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        reduceFile = Collections.unmodifiableMap(rf);
        apertureDefs = List.copyOf(apertureDefs);
        Map<String, List<String>> cn = new LinkedHashMap<>();
        columnNames.forEach((k, v) -> cn.put(k, List.copyOf(v)));
        columnNames = Collections.unmodifiableMap(cn);
    }

    /** A key of the reduce file, e.g. {@code reduceKey("general", "instrument")}; null if absent. */
    public String reduceKey(String section, String key) {
        Map<String, String> s = reduceFile.get(section);
        return s == null ? null : s.get(key);
    }

    /**
     * Instrument guess: the reduce file's {@code instrument} key when it names one, else from the
     * {@code source} parameter ({@code h*} HiPERCAM, {@code u*} ULTRACAM/ULTRASPEC) and the CCD count
     * (1 CCD: ULTRASPEC, 3: ULTRACAM). Returns "unknown" when nothing tells.
     */
    public String instrumentGuess(int nccd) {
        String inst = reduceKey("general", "instrument");
        if (inst != null && !inst.isBlank() && !inst.equalsIgnoreCase("UNKNOWN") && !inst.equalsIgnoreCase("other")) {
            return inst;
        }
        if (format.startsWith("ultracam-ulog")) {
            return "ultracam";
        }
        String src = parameters.get("source");
        if (src != null && src.startsWith("h")) {
            return "hipercam";
        }
        if (src != null && src.startsWith("u") || format.startsWith("hipercam")) {
            return switch (nccd) {
                case 1 -> "ultraspec";
                case 3 -> "ultracam";
                case 5 -> "hipercam";
                default -> "unknown";
            };
        }
        return "unknown";
    }
}
