// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.log.CcdTable;

/** Zero points from a standard-star run and comparison magnitudes from a field run (comparison_mags). */
public interface ZeroPointCalculator {

    /**
     * The above-atmosphere instrumental magnitude of one aperture (clipped mean of m - k X).
     *
     * @param airmass per row of {@code ccd}
     */
    InstrumentalMagnitude instrumental(CcdTable ccd, String label, double[] airmass, double k,
            ZeroPointOptions options) throws CalphotException;

    /**
     * ZP = m_cat - m_inst0 - c * colour (colour term optional: null term or NaN colour = none).
     */
    ZeroPoint zeroPoint(String band, InstrumentalMagnitude standard, double catalogueMag, double catalogueErr,
            double k, double kErr, ColourTerm colourTerm, double standardColour);

    /**
     * Above-atmosphere magnitudes of {@code labels} in a field run: m = m_inst0 + ZP (+ c * colour, colour per
     * star or NaN for none). Error split as in {@link ComparisonMagnitudes}: independent = the star's
     * instrumental error of the mean; common = ZP error and sigma_k |X_std - X_field| (cam_cal's formula).
     *
     * @param colours per label, the star's colour for the colour term (null = no colour term)
     */
    ComparisonMagnitudes comparisonMagnitudes(CcdTable field, List<String> labels, double[] airmass, ZeroPoint zp,
            double[] colours, ZeroPointOptions options) throws CalphotException;
}
