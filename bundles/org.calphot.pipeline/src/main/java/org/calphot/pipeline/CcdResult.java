// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.file.Path;

import org.calphot.core.photometry.CalibratedLightcurve;
import org.calphot.output.OutputCcd;

/**
 * One CCD of one log after calibration, time correction and phase slicing.
 *
 * @param lightcurve   the calibrated frames (before phase slicing)
 * @param bmjdTdb      barycentric times of the lightcurve's frames
 * @param airmass      airmass of each frame
 * @param phase        orbital phase relative to this log's eclipse (cycles)
 * @param inPhaseRange frames kept by the phase slice {@code lo < phase < hi}
 * @param flags        OR of the target's and used comparisons' flag bits of each frame (ignored bits only)
 * @param calibFile    the .calib file written, or null
 */
public record CcdResult(String ccd, String band, CalibratedLightcurve lightcurve, double[] bmjdTdb, double[] airmass,
        double[] phase, boolean[] inPhaseRange, int[] flags, Path calibFile) implements OutputCcd {

    public int keptInPhase() {
        int n = 0;
        for (boolean b : inPhaseRange) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
