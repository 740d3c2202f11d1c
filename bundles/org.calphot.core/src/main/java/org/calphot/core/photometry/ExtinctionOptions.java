// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

import java.util.List;

/**
 * Settings of an extinction fit.
 *
 * @param ignoreFlags      hipercam flag bits the user accepts
 * @param clipSigma        residuals beyond this many robust standard deviations are rejected (iteratively)
 * @param minAirmassRange  refuse runs whose usable airmass range is smaller (default 0.2)
 * @param apertures        aperture labels to fit; empty = all apertures of the CCD
 */
public record ExtinctionOptions(int ignoreFlags, double clipSigma, double minAirmassRange, List<String> apertures) {

    public static final double DEFAULT_CLIP = 5.0;
    public static final double DEFAULT_MIN_RANGE = 0.2;
    public static final ExtinctionOptions DEFAULTS = new ExtinctionOptions(0, DEFAULT_CLIP, DEFAULT_MIN_RANGE,
            List.of());

    public ExtinctionOptions {
        apertures = apertures == null ? List.of() : List.copyOf(apertures);
        if (!(clipSigma > 0)) {
            throw new IllegalArgumentException("clipSigma must be positive");
        }
    }
}
