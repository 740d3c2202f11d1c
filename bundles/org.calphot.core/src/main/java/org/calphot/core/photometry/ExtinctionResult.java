// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

import java.util.List;

/**
 * Extinction of one CCD (band) from instrumental magnitudes m = -2.5 log10(counts / exposure) against
 * airmass: one straight line per aperture and a joint fit with one k and one free offset per aperture.
 * Errors are 1 sigma, scaled by sqrt(reduced chi-square) (the log's count errors omit scintillation). Each k has
 * a white-noise error and a red-noise (time-correlated) error; {@code kErr} and {@code jointKErr} are the larger.
 *
 * @param ccd         CCD label
 * @param band        band name
 * @param apertures   per-aperture fits, in label order
 * @param jointK      joint extinction coefficient, mag / airmass
 * @param jointKErr   its 1-sigma error
 * @param jointOffsets joint fit's zero-airmass instrumental magnitude per aperture (aligned with apertures)
 * @param jointOffsetErrs their errors
 * @param jointChi2nu reduced chi-square of the joint fit (before scaling)
 * @param jointUsed   points the joint fit kept
 * @param jointClipped points the joint fit clipped
 * @param airmassMin  smallest airmass of the points used
 * @param airmassMax  largest airmass of the points used
 * @param jointKErrWhite the joint k's white-noise error (NaN if not known)
 * @param jointKErrRed   its red-noise error (random walk in transparency, NaN if not known)
 * @param jointApertures the apertures in the joint fit (by default all but the target, aperture 1)
 */
public record ExtinctionResult(String ccd, String band, List<ApertureFit> apertures, double jointK, double jointKErr,
        double[] jointOffsets, double[] jointOffsetErrs, double jointChi2nu, int jointUsed, int jointClipped,
        double airmassMin, double airmassMax, double jointKErrWhite, double jointKErrRed,
        List<String> jointApertures) {

    public ExtinctionResult {
        apertures = List.copyOf(apertures);
        jointApertures = jointApertures == null ? apertures.stream().map(ApertureFit::label).toList()
                : List.copyOf(jointApertures);
    }

    /** Without the red-noise error (results read from older files): the error is the white one. */
    public ExtinctionResult(String ccd, String band, List<ApertureFit> apertures, double jointK, double jointKErr,
            double[] jointOffsets, double[] jointOffsetErrs, double jointChi2nu, int jointUsed, int jointClipped,
            double airmassMin, double airmassMax) {
        this(ccd, band, apertures, jointK, jointKErr, jointOffsets, jointOffsetErrs, jointChi2nu, jointUsed,
                jointClipped, airmassMin, airmassMax, jointKErr, Double.NaN, null);
    }

    /** Which error {@code jointKErr} is: "red-noise" or "white-noise". */
    public String jointKErrKind() {
        return Double.isFinite(jointKErrRed) && !(jointKErrRed <= jointKErrWhite) ? "red-noise" : "white-noise";
    }

    /**
     * One aperture. The series hold every candidate point (for a figure); {@code used} marks the points
     * that survived clipping.
     */
    public record ApertureFit(String label, double k, double kErr, double intercept, double interceptErr,
            double chi2nu, int nUsed, int nClipped, double[] mjdUtc, double[] airmass, double[] mag,
            double[] magErr, boolean[] used, double kErrWhite, double kErrRed) {

        /** Without the red-noise error: the error is the white one. */
        public ApertureFit(String label, double k, double kErr, double intercept, double interceptErr,
                double chi2nu, int nUsed, int nClipped, double[] mjdUtc, double[] airmass, double[] mag,
                double[] magErr, boolean[] used) {
            this(label, k, kErr, intercept, interceptErr, chi2nu, nUsed, nClipped, mjdUtc, airmass, mag, magErr, used,
                    kErr, Double.NaN);
        }
    }
}
