// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

import java.util.List;

/**
 * How the comparisons of one CCD behave against each other (the original left this to a plot).
 *
 * @param pairs    every pair a &lt; b of used comparisons, in label order
 * @param suspects comparisons named in warnings (drift or scatter beyond the thresholds)
 * @param messages the warning texts (also sent to the caller's {@link org.calphot.core.Warnings})
 */
public record ComparisonDiagnostics(List<Pair> pairs, List<String> suspects, List<String> messages) {

    public ComparisonDiagnostics {
        pairs = List.copyOf(pairs);
        suspects = List.copyOf(suspects);
        messages = List.copyOf(messages);
    }

    /**
     * One pair: the ratio counts_a/counts_b over the frames where both are good, divided by its mean.
     *
     * @param mjdUtc      frame times
     * @param ratio       normalised ratio (mean 1)
     * @param used        false for points the clipping rejected
     * @param slopePerDay linear slope of the normalised ratio (per day)
     * @param intercept   normalised ratio of the line at {@code mjdUtc[0]}
     * @param drift       |slope| times the time span: fractional change over the run
 * @param driftErr    1-sigma error of {@code drift}
     * @param clippedRms  rms about the line after 3-sigma clipping (fraction)
     * @param expectedRms median rms expected from the count errors (fraction)
     * @param drifting    drift above the threshold
     * @param scattering  clipped rms above the threshold
     */
    public record Pair(String labelA, String labelB, double[] mjdUtc, double[] ratio, boolean[] used,
            double slopePerDay, double intercept, double drift, double driftErr, double clippedRms, double expectedRms,
            boolean drifting, boolean scattering) {
    }
}
