// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.filters;

/**
 * One band of a filter system.
 *
 * @param name               band name as in logs and configs, e.g. {@code gs} (super-SDSS g) or {@code g}
 * @param ccd                the CCD (1-based, the log's CCD number) the band is observed on with this instrument
 * @param sdssBand           the SDSS band it is calibrated to ({@code u g r i z})
 * @param pivotWavelengthNm  pivot wavelength of the whole-system throughput, nm
 * @param abOffset           m_AB - m_system: 0 for a system whose magnitudes are AB by construction
 */
public record Band(String name, int ccd, String sdssBand, double pivotWavelengthNm, double abOffset) {
}
