// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

/**
 * A zero point of one band from a standard star: ZP = m_catalogue - (m_inst - k X) [- c * colour].
 *
 * @param band          band name
 * @param zp            zero point, mag (magnitude of 1 count/s above the atmosphere)
 * @param zpErr         1-sigma error without the extinction part: instrumental error of the mean and the
 *                      catalogue error in quadrature
 * @param catalogueMag  the standard's catalogue magnitude
 * @param catalogueErr  its error (0 when the catalogue gives none)
 * @param standard      the standard's instrumental magnitude
 * @param k             extinction coefficient used, mag / airmass
 * @param kErr          its 1-sigma error
 * @param colourTerm    colour term applied, or null
 * @param standardColour the standard's catalogue colour used with the colour term (NaN without)
 */
public record ZeroPoint(String band, double zp, double zpErr, double catalogueMag, double catalogueErr,
        InstrumentalMagnitude standard, double k, double kErr, ColourTerm colourTerm, double standardColour) {
}
