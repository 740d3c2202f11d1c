// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

import java.util.ArrayList;
import java.util.List;

/** hipercam's per-point flag bits ({@code hipercam/core.py}); the model stores flags with these values. */
public final class LogFlags {

    private LogFlags() {
    }

    public static final int NO_FWHM = 1;
    public static final int NO_SKY = 2;
    public static final int SKY_AT_EDGE = 4;
    public static final int TARGET_AT_EDGE = 8;
    public static final int TARGET_SATURATED = 16;
    public static final int TARGET_NONLINEAR = 32;
    public static final int NO_EXTRACTION = 64;
    public static final int NO_DATA = 128;
    public static final int CLOUDS = 256;
    public static final int JUNK = 512;
    public static final int BAD_FLAT = 1024;
    public static final int BAD_COLUMN = 2048;
    public static final int BAD_TIME = 4096;
    public static final int OUTLIER = 8192;

    private static final String[] NAMES = {"NO_FWHM", "NO_SKY", "SKY_AT_EDGE", "TARGET_AT_EDGE",
        "TARGET_SATURATED", "TARGET_NONLINEAR", "NO_EXTRACTION", "NO_DATA", "CLOUDS", "JUNK", "BAD_FLAT",
        "BAD_COLUMN", "BAD_TIME", "OUTLIER"};

    /** hipercam's {@code ANY_FLAG = ~ALL_OK} on its uint32 bit mask: every bit. */
    public static final long ANY_FLAG = 0xFFFFFFFFL;

    /**
     * One flag as users write it, in the config ({@code flags:}) and on the command line ({@code --flags}) alike:
     * a hipercam bit value 0..4294967295 (several bits OR-ed, e.g. 4100 = SKY_AT_EDGE | BAD_TIME, or ANY_FLAG's
     * 4294967295) or a name ({@code SKY_AT_EDGE}, {@code ANY_FLAG}, {@code ALL_OK}, {@code BIT20}), case-insensitive.
     *
     * @return the bit mask (0..4294967295), or -1 if the token is neither
     */
    public static long parse(String token) {
        String t = token.strip();
        if (t.matches("[0-9]{1,10}")) {
            long v = Long.parseLong(t);
            return v <= ANY_FLAG ? v : -1;
        }
        String name = t.toUpperCase(java.util.Locale.ROOT);
        if (name.equals("ANY_FLAG")) {
            return ANY_FLAG;
        }
        if (name.equals("ALL_OK")) {
            return 0;
        }
        for (int b = 0; b < 32; b++) {
            if (name(b).equals(name)) {
                return 1L << b;
            }
        }
        return -1;
    }

    /** Name of a single bit (0..31); unknown bits are called {@code BIT<n>}. */
    public static String name(int bit) {
        return bit >= 0 && bit < NAMES.length ? NAMES[bit] : "BIT" + bit;
    }

    /** Names of the bits set in a mask, lowest bit first; empty for 0 (ALL_OK). */
    public static List<String> names(int mask) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < 32; b++) {
            if ((mask & (1 << b)) != 0) {
                out.add(name(b));
            }
        }
        return out;
    }
}
