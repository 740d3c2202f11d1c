// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

/** Where comparison-star magnitudes came from; recorded in provenance and in every lightcurve. */
public enum MagnitudeSource {
    /** No calibration: every comparison gets the magnitude that makes their sum 1 mJy (count ratio output). */
    NONE,
    /** A catalogue (SDSS, standards, a user table). */
    CATALOGUE,
    /** Numbers written in the config. */
    CONFIG,
    /** Derived from a standard-star zero point ({@code comparison-mags}). */
    ZERO_POINT
}
