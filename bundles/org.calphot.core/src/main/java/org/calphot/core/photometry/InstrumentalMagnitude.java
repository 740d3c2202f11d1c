// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

/**
 * An above-atmosphere instrumental magnitude of one aperture: the clipped mean over frames of
 * m = -2.5 log10(counts / exposure) - k X.
 *
 * @param label       aperture label
 * @param mean        clipped mean, mag
 * @param errorOfMean clipped standard deviation / sqrt(n)
 * @param std         clipped standard deviation (instrumental scatter)
 * @param n           frames used
 * @param masked      frames masked before clipping (bad data, flags, first and last frame)
 * @param clipped     frames the clipping removed
 * @param meanAirmass mean airmass of the frames used
 * @param mjdUtc      every frame's time (for a figure)
 * @param mag         every frame's m - k X (NaN where masked)
 * @param used        frames in the mean (not masked, not clipped)
 */
public record InstrumentalMagnitude(String label, double mean, double errorOfMean, double std, int n, int masked,
        int clipped, double meanAirmass, double[] mjdUtc, double[] mag, boolean[] used) {

    /** A summary without per-frame series. */
    public InstrumentalMagnitude(String label, double mean, double errorOfMean, double std, int n, int masked,
            int clipped, double meanAirmass) {
        this(label, mean, errorOfMean, std, n, masked, clipped, meanAirmass, new double[0], new double[0],
                new boolean[0]);
    }
}
