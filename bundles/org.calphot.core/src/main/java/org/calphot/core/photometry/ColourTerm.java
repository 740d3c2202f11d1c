// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

/**
 * A linear colour term of one band: m_std = m_inst + ZP + coefficient * (m_colourA - m_colourB).
 * Coefficients come from a filter-system definition and are recorded in provenance with {@code source}.
 */
public record ColourTerm(String band, String colourA, String colourB, double coefficient, String source) {

    public String describe() {
        return band + " = " + band + "_inst + ZP " + (coefficient < 0 ? "- " : "+ ") + Math.abs(coefficient)
                + " (" + colourA + " - " + colourB + ")" + (source == null || source.isEmpty() ? "" : " [" + source + "]");
    }
}
