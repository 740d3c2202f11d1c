// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

/**
 * Observed minus calculated per eclipse, {@code O - C = T_obs - (T0 + P E)} in seconds (positive
 * = late; cal_phot printed C - O under an O - C heading), with the 1-sigma error in seconds after
 * any fitted error-scale factor.
 */
public record OcTable(int[] cycles, double[] bmjdTdb, double[] ocSeconds, double[] errorSeconds, int[] sourceIds,
        String[] sourceNames) {
}
