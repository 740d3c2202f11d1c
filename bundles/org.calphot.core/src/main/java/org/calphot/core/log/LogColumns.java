// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

/** Canonical column names of the model (hipercam's names, MJD with any offset added back). */
public final class LogColumns {

    private LogColumns() {
    }

    public static final String NFRAME = "nframe";
    /** MJD(UTC) at mid-exposure, always the full MJD (an {@code MJD-<toffset>} column gets the offset added). */
    public static final String MJD = "MJD";
    public static final String MJD_OK = "MJDok";
    public static final String EXPTIM = "Exptim";
    public static final String MFWHM = "mfwhm";
    public static final String MBETA = "mbeta";

    public static final String X = "x";
    public static final String X_ERR = "xe";
    public static final String Y = "y";
    public static final String Y_ERR = "ye";
    public static final String FWHM = "fwhm";
    public static final String FWHM_ERR = "fwhme";
    public static final String BETA = "beta";
    public static final String BETA_ERR = "betae";
    public static final String COUNTS = "counts";
    public static final String COUNTS_ERR = "countse";
    public static final String SKY = "sky";
    public static final String SKY_ERR = "skye";
    public static final String NSKY = "nsky";
    public static final String NREJ = "nrej";
    public static final String CMAX = "cmax";
    public static final String FLAG = "flag";
}
