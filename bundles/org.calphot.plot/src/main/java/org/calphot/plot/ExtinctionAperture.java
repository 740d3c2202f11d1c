// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

/**
 * One aperture of an extinction fit: instrumental magnitude (−2.5 log10(counts/s)) against airmass, points the fit
 * rejected ({@code rejected}, nullable), and the fitted line m = m0 + k·X with k's 1σ error.
 */
public record ExtinctionAperture(String label, double[] airmass, double[] mag, double[] magErr, boolean[] rejected,
        LinearFit fit, double kErr) {

    public ExtinctionAperture {
        org.calphot.plot.internal.Charts.sameLength("extinction " + label, airmass, mag, magErr);
        if (rejected != null && rejected.length != airmass.length) {
            throw new IllegalArgumentException("extinction " + label + ": rejection flags differ in length");
        }
    }
}
