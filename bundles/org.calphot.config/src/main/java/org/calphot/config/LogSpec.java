// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.calphot.core.Location;

/**
 * One entry of a payload's {@code logfiles}: the log, and for the catalogue mode its {@code .coords}
 * file, for the config mode its magnitudes per band (CCD order = key order; NaN = leave that
 * comparison out, as the original did for values {@code float()} rejects).
 *
 * @param where       the line of the entry in the config, for later errors about this log
 * @param bandMagnitudeErrors per band, the 1-sigma error of each magnitude given as a {@code [mag, err]} pair
 *                    (NaN where a plain number gave none); empty when no magnitude has an error
 */
public record LogSpec(Path log, Path coords, Map<String, double[]> bandMagnitudes, Location where,
        Map<String, double[]> bandMagnitudeErrors) {

    public LogSpec {
        bandMagnitudes = bandMagnitudes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bandMagnitudes));
        bandMagnitudeErrors = bandMagnitudeErrors == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bandMagnitudeErrors));
    }

    /** An entry whose magnitudes have no errors. */
    public LogSpec(Path log, Path coords, Map<String, double[]> bandMagnitudes, Location where) {
        this(log, coords, bandMagnitudes, where, null);
    }

    /** Bands in CCD order when the config gives magnitudes; empty otherwise. */
    public List<String> bands() {
        return List.copyOf(bandMagnitudes.keySet());
    }
}
