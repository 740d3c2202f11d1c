// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

/**
 * How {@link FluxCalibrator} treats bad data and what the comparison diagnostics warn about.
 *
 * @param targetLabel            aperture label of the target (the original: {@code 1})
 * @param ignoreFlags            hipercam flag bits the user accepts (OR of the config's {@code flags})
 * @param dropComparisonPerFrame when one comparison is bad in a frame, leave only that comparison out of that
 *                               frame (flux scale adjusted to the comparisons left) instead of dropping the frame
 * @param driftThreshold         a comparison pair whose normalised ratio changes by more than this fraction
 *                               over the run (straight-line fit), and by more than 3 sigma of that change, is
 *                               named in a warning
 * @param scatterThreshold       ... or whose clipped rms scatter exceeds the scatter expected from the count
 *                               errors by more than this fraction (in quadrature) and by more than 20 %
 */
public record CalibrationOptions(String targetLabel, int ignoreFlags, boolean dropComparisonPerFrame,
        double driftThreshold, double scatterThreshold) {

    public static final double DEFAULT_DRIFT = 0.02;
    public static final double DEFAULT_SCATTER = 0.02;

    public static final CalibrationOptions DEFAULTS = new CalibrationOptions("1", 0, false, DEFAULT_DRIFT,
            DEFAULT_SCATTER);

    public CalibrationOptions {
        targetLabel = targetLabel == null ? "1" : targetLabel;
        if (!(driftThreshold > 0) || !(scatterThreshold > 0)) {
            throw new IllegalArgumentException("diagnostic thresholds must be positive");
        }
    }

    public CalibrationOptions withIgnoreFlags(int flags) {
        return new CalibrationOptions(targetLabel, flags, dropComparisonPerFrame, driftThreshold, scatterThreshold);
    }

    public CalibrationOptions withDropComparisonPerFrame(boolean drop) {
        return new CalibrationOptions(targetLabel, ignoreFlags, drop, driftThreshold, scatterThreshold);
    }
}
