// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.output;

import org.calphot.core.photometry.CalibratedLightcurve;

/** The columns the writers print for one CCD of one log (the pipeline's {@code CcdResult} is one). */
public interface OutputCcd {

    String ccd();

    String band();

    /** The calibrated frames, before phase slicing. */
    CalibratedLightcurve lightcurve();

    /** Barycentric times of the lightcurve's frames. */
    double[] bmjdTdb();

    double[] airmass();

    /** Orbital phase relative to the log's eclipse (cycles). */
    double[] phase();

    /** Frames kept by the phase slice. */
    boolean[] inPhaseRange();

    /** OR of the target's and used comparisons' flag bits of each frame. */
    int[] flags();

    /** How many frames the phase slice keeps. */
    int keptInPhase();
}
