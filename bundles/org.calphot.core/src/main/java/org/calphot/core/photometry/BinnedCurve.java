// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

/**
 * A lightcurve binned in phase: non-empty bins only, in phase order.
 *
 * @param nbins       bins asked for
 * @param min         lower edge of the first bin
 * @param max         upper edge of the last bin (excluded: bins are half-open)
 * @param bin         index of each kept bin, 0..nbins-1
 * @param phase       mean phase of the points in the bin (unweighted)
 * @param flux        inverse-variance weighted mean flux
 * @param err         1 / sqrt(sum of 1/sigma^2)
 * @param count       points in the bin
 * @param emptyBins   bins without points (dropped)
 * @param outOfRange  points outside [min, max)
 * @param badPoints   points with a non-finite phase, flux or error, or an error &le; 0 (left out)
 */
public record BinnedCurve(int nbins, double min, double max, int[] bin, double[] phase, double[] flux, double[] err,
        int[] count, int emptyBins, int outOfRange, int badPoints) {

    public int size() {
        return bin.length;
    }
}
