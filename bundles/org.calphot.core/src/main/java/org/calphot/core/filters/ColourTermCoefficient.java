// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.filters;

import java.time.LocalDate;

import org.calphot.core.photometry.ColourTerm;

/**
 * A colour term to SDSS: {@code m_sdss = m_system + offset + coefficient * (colourA - colourB)_sdss}, valid for
 * SDSS colours in [colourMin, colourMax] and observation dates in [validFrom, validTo] (null = open).
 * In calibration, {@code m_system + offset} is what the zero point absorbs, so {@link #toColourTerm()} carries
 * only the coefficient (the {@link ColourTerm} convention).
 *
 * @param band        the system's band, e.g. {@code gs}
 * @param sdssBand    the SDSS band, e.g. {@code g}
 * @param colourA     first band of the SDSS colour
 * @param colourB     second band of the SDSS colour
 * @param coefficient mag per mag of colour
 * @param offset      the zero-colour difference m_sdss - m_system, mag
 * @param rms         rms scatter of the stars about the relation, mag
 * @param stars       stars the relation was fitted to
 * @param source      how it was obtained (recorded in provenance)
 */
public record ColourTermCoefficient(String band, String sdssBand, String colourA, String colourB, double coefficient,
        double offset, double colourMin, double colourMax, LocalDate validFrom, LocalDate validTo, double rms,
        int stars, String source) {

    /** Whether the term applies on this date (null date: any). */
    public boolean validOn(LocalDate date) {
        return date == null || ((validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo)));
    }

    /** Whether an SDSS colour lies in the range the term was fitted over. */
    public boolean covers(double colour) {
        return colour >= colourMin && colour <= colourMax;
    }

    public ColourTerm toColourTerm() {
        return new ColourTerm(band, colourA, colourB, coefficient, source);
    }
}
