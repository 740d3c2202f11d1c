// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

/**
 * One band (CCD) of a lightcurve page: flux in mJy with 1σ errors against x (phase or a time, see
 * {@link XAxisKind}). {@code flagged} (nullable) marks frames drawn with a different marker: frames
 * that carry only flags the config ignores (they are used; frames with other flags never reach a lightcurve). {@code comparisonFluxMjy} is the summed flux of the comparisons, so flux = count ratio × it: the
 * right axis shows the count ratio; NaN for no right axis.
 */
public record LightcurvePanel(String label, double[] x, double[] fluxMjy, double[] fluxErrMjy, boolean[] flagged,
        double comparisonFluxMjy) {

    public LightcurvePanel {
        org.calphot.plot.internal.Charts.sameLength("lightcurve " + label, x, fluxMjy, fluxErrMjy);
        if (flagged != null && flagged.length != x.length) {
            throw new IllegalArgumentException("lightcurve " + label + ": flags differ in length from the data");
        }
    }
}
