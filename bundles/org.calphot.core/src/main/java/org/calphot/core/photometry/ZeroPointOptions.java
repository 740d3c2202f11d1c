// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

/**
 * @param ignoreFlags       hipercam flag bits the user accepts (the original comparison_mags ignored them)
 * @param clipSigma         sigma of the clipped mean (astropy's sigma_clipped_stats: 3, median centre,
 *                          5 iterations)
 * @param excludeFirstLast  leave out the first and last frame, as the original did: the first frame of a
 *                          *CAM run has a junk exposure time (ULTRACAM 0.0005 s, ULTRASPEC 0.5 s with an out
 *                          of order time) and the last is often cut short or has a bad time stamp
 */
public record ZeroPointOptions(int ignoreFlags, double clipSigma, boolean excludeFirstLast) {

    public static final ZeroPointOptions DEFAULTS = new ZeroPointOptions(0, 3.0, true);
}
