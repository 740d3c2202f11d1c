// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

/**
 * Observed minus calculated eclipse times: cycle number, O−C and its 1σ error in seconds, and which source each
 * time came from ({@code source[i]} indexes {@code sourceNames}; source may be null for a single source).
 */
public record OcData(double[] cycle, double[] ocSeconds, double[] errSeconds, int[] source, String[] sourceNames) {

    public OcData {
        org.calphot.plot.internal.Charts.sameLength("O-C", cycle, ocSeconds, errSeconds);
        if (source != null) {
            if (source.length != cycle.length) {
                throw new IllegalArgumentException("O-C: source ids differ in length from the times");
            }
            for (int s : source) {
                if (s < 0 || sourceNames == null || s >= sourceNames.length) {
                    throw new IllegalArgumentException("O-C: source id " + s + " has no name");
                }
            }
        }
    }
}
