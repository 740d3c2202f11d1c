// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

import java.nio.file.Path;
import java.util.List;

/**
 * A cal_phot {@code .coords} file: one band per CCD and, per CCD, the sky positions of the
 * comparison apertures 2, 3, ... in order (no entry for the target). RA and Dec are kept verbatim
 * (sexagesimal or decimal degrees) as the original passed them on untouched.
 */
public record CoordsFile(Path source, List<String> bands, List<List<Star>> starsPerCcd) {

    public CoordsFile {
        bands = List.copyOf(bands);
        starsPerCcd = starsPerCcd.stream().map(List::copyOf).toList();
    }

    /** One comparison star: RA and Dec tokens as written, and the 1-based line they came from. */
    public record Star(String ra, String dec, int line) {
    }

    /** Stars of the CCD at 0-based index {@code ccdIndex}; empty when the file has no block for it. */
    public List<Star> stars(int ccdIndex) {
        return ccdIndex < starsPerCcd.size() ? starsPerCcd.get(ccdIndex) : List.of();
    }
}
