// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

/** Bins phase-folded lightcurves (bin_data). */
public interface Binner {

    /**
     * Bins the points into {@code nbins} equal, half-open bins [min + i w, min + (i+1) w), w = (max - min) / nbins.
     *
     * @throws IllegalArgumentException when nbins &lt; 1, min &ge; max or the arrays differ in length
     */
    BinnedCurve bin(double[] phase, double[] flux, double[] err, int nbins, double min, double max);
}
