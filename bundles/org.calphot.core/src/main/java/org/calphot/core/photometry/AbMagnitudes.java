// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

/**
 * The AB magnitude system: m_AB = -2.5 log10(f_nu / 3631 Jy) (Oke &amp; Gunn 1983). Fluxes here are
 * in milli-jansky, the unit calphot publishes.
 */
public final class AbMagnitudes {

    /** AB zero point in mJy (3631 Jy). */
    public static final double ZERO_POINT_MJY = 3631.0e3;

    private AbMagnitudes() {
    }

    public static double toMilliJansky(double abMag) {
        return ZERO_POINT_MJY * Math.pow(10.0, -0.4 * abMag);
    }

    public static double fromMilliJansky(double mJy) {
        return -2.5 * Math.log10(mJy / ZERO_POINT_MJY);
    }

    /** 1-sigma flux error of a magnitude error, to first order: df = 0.4 ln10 f dm. */
    public static double fluxErrorMilliJansky(double abMag, double magError) {
        return 0.4 * Math.log(10.0) * toMilliJansky(abMag) * magError;
    }
}
