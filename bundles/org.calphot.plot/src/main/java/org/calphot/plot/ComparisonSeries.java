// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

/**
 * A pair of comparison stars: their count ratio normalised to a mean of 1 against x, with the fitted straight line
 * (in the same normalised units, x in the same units as {@code x}). {@code ratioErr} may be null.
 */
public record ComparisonSeries(String label, double[] x, double[] ratio, double[] ratioErr, LinearFit fit) {

    public ComparisonSeries {
        org.calphot.plot.internal.Charts.sameLength("comparison " + label, x, ratio, ratioErr);
    }
}
