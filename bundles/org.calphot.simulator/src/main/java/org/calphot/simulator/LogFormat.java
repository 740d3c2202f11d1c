// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import java.util.Locale;

/** The log formats the simulator writes. */
public enum LogFormat {

    /** HiPERCAM {@code reduce} ASCII log as written by hipercam >= 0.21 (here: 1.6.7): bad values {@code nan}. */
    HIPERCAM("hipercam", "1.6.7", "20230222"),

    /**
     * The same layout as written by hipercam 0.19.7-0.20.x (here 0.19.9.dev8+g323e6f2, with {@code cmax}):
     * no measurement is a negative error ({@code countse -1.0}, {@code xe -1.0000}), {@code mbeta -1.00}.
     */
    HIPERCAM_OLD("hipercam-old", "0.19.9.dev8+g323e6f2", "20200223"),

    /**
     * The layout of hipercam 0.17 (here 0.17.dev45+g4b46bc2.d20181009, as in the real 2018 ULTRACAM logs): 15 items
     * per aperture (no {@code cmax}), {@code -1} sentinels, a lone {@code #} between frames rather than before every
     * line, MJD printed as Python's repr and 3 decimals for positions.
     */
    HIPERCAM_017("hipercam-0.17", "0.17.dev45+g4b46bc2.d20181009", "20180625"),

    /** Log of the C++ ULTRACAM pipeline ({@code reduce} of cpp-ultracam, post-2010 variant without nsat). */
    ULOG("ulog", "9.14", ""),

    /**
     * The pre-March-2010 variant of the C++ pipeline's log: {@code nsat} (GPS satellites) after the time flag, and
     * the header line {@code # name/number mjd flag nsat expose ...}.
     */
    ULOG_NSAT("ulog-nsat", "8.1", "");

    private final String id;
    private final String pipelineVersion;
    private final String reduceFileVersion;

    LogFormat(String id, String pipelineVersion, String reduceFileVersion) {
        this.id = id;
        this.pipelineVersion = pipelineVersion;
        this.reduceFileVersion = reduceFileVersion;
    }

    public String id() { return id; }

    public String pipelineVersion() { return pipelineVersion; }

    public String reduceFileVersion() { return reduceFileVersion; }

    /** True for the C++ ULTRACAM pipeline's logs (either variant). */
    public boolean isUlog() { return this == ULOG || this == ULOG_NSAT; }

    public static LogFormat parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (LogFormat f : values()) {
            if (f.id.equals(t)) {
                return f;
            }
        }
        if (t.equals("hipercam-017") || t.equals("0.17")) {
            return HIPERCAM_017;
        }
        if (t.equals("old") || t.equals("sentinel")) {
            return HIPERCAM_OLD;
        }
        throw new IllegalArgumentException("unknown format '" + s + "' (hipercam, hipercam-old, hipercam-0.17, ulog, ulog-nsat)");
    }
}
