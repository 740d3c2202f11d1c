// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

import java.nio.file.Path;
import java.util.List;

/**
 * One photometry log read into columns: header metadata plus one {@link CcdTable} per CCD, in
 * numeric CCD order. CCDs the header defines but the data never mention have 0 rows.
 */
public record PhotometryLog(Path source, LogHeader header, List<CcdTable> ccds) {

    public PhotometryLog {
        ccds = List.copyOf(ccds);
    }

    /** The CCD with this label, or null. */
    public CcdTable ccd(String label) {
        for (CcdTable c : ccds) {
            if (c.ccd().equals(label)) {
                return c;
            }
        }
        return null;
    }

    /** Data lines over all CCDs. */
    public long lines() {
        long n = 0;
        for (CcdTable c : ccds) {
            n += c.rows();
        }
        return n;
    }

    /** Frames: the largest line count of any CCD (ULTRACAM's u-band CCD has fewer). */
    public int frames() {
        int n = 0;
        for (CcdTable c : ccds) {
            n = Math.max(n, c.rows());
        }
        return n;
    }

    public long storageBytes() {
        long n = 0;
        for (CcdTable c : ccds) {
            n += c.storageBytes();
        }
        return n;
    }

    /** Size a float64 copy of every value would take (the benchmark's reference payload). */
    public long float64PayloadBytes() {
        long n = 0;
        for (CcdTable c : ccds) {
            n += 8 * c.valueCount();
        }
        return n;
    }
}
