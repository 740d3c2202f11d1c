// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

/** Which photometry a survey catalogue returns. */
public enum MagnitudeKind {
    /** PSF-fit magnitudes: the right choice for point sources (stars); the default. */
    PSF,
    /**
     * Model (galaxy-profile) magnitudes: what the original cal_phot used (SkyServer's u..z shorthand
     * columns); kept only to reproduce published numbers.
     */
    MODEL
}
