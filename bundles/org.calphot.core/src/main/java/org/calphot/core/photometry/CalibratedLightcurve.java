// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

import java.util.List;

/**
 * A flux-calibrated lightcurve of one CCD: the frames that survived the bad-data rules, in log order.
 * Arrays are aligned and handed out without copying; callers must not modify them.
 *
 * @param ccd                   CCD label
 * @param band                  band name
 * @param frameRow              row of each kept frame in the CCD table
 * @param mjdUtc                mid-exposure MJD(UTC)
 * @param exposureS             exposure times, seconds
 * @param ratio                 target counts / summed comparison counts
 * @param ratioErr              its 1-sigma statistical error
 * @param fluxMjy               calibrated flux, mJy
 * @param fluxErrMjy            1-sigma statistical error, mJy (the calibration error is in {@code budget})
 * @param comparisonsInFrame    number of comparisons summed in each frame (fewer than all only when
 *                              comparisons were left out per frame)
 * @param comparisonLabels      comparisons with a magnitude (the ones summed)
 * @param comparisonFluxMjy     summed AB flux of those comparisons, mJy
 * @param comparisonMeanCounts  mean counts of each used comparison over the kept frames
 * @param magnitudes            the magnitudes used
 * @param meanRatio             mean of {@code ratio}
 * @param meanTargetMag         AB magnitude of the mean flux
 * @param rejections            frames removed per rule
 * @param budget                calibration error budget
 * @param diagnostics           comparison-versus-comparison diagnostics
 */
public record CalibratedLightcurve(String ccd, String band, int[] frameRow, double[] mjdUtc, double[] exposureS,
        double[] ratio, double[] ratioErr, double[] fluxMjy, double[] fluxErrMjy, int[] comparisonsInFrame,
        List<String> comparisonLabels, double comparisonFluxMjy, double[] comparisonMeanCounts,
        ComparisonMagnitudes magnitudes, double meanRatio, double meanTargetMag, FrameRejections rejections,
        CalibrationBudget budget, ComparisonDiagnostics diagnostics) {

    public CalibratedLightcurve {
        comparisonLabels = List.copyOf(comparisonLabels);
    }

    public int size() {
        return frameRow.length;
    }
}
