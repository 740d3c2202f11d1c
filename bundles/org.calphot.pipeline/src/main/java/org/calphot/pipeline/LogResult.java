// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.file.Path;
import java.util.List;

import org.calphot.output.OutputLog;

/**
 * One log of a run.
 *
 * @param eclipseBmjd the eclipse the phases are folded on (T0 + cycle P)
 * @param cycle       its cycle number, by the original's rule
 * @param fluxCalibrated false when the output is the count ratio scaled to a 1 mJy comparison
 */
public record LogResult(String payload, Path log, String oname, String instrument, String observatory,
        List<String> bands, double eclipseBmjd, long cycle, double phaseLow, double phaseHigh,
        boolean fluxCalibrated, List<CcdResult> ccds, double firstMjdUtc, double lastMjdUtc) implements OutputLog {

    public LogResult {
        bands = List.copyOf(bands);
        ccds = List.copyOf(ccds);
    }
}
