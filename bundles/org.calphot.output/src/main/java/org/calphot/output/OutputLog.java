// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.output;

import java.nio.file.Path;
import java.util.List;

/** What the writers print about one log of a run (the pipeline's {@code LogResult} is one). */
public interface OutputLog {

    /** The log file. */
    Path log();

    /** The payload's output name, the stem of the lightcurve files. */
    String oname();

    String instrument();

    String observatory();

    List<String> bands();

    /** The eclipse the phases are folded on, BMJD(TDB). */
    double eclipseBmjd();

    /** Its cycle number, by the original's rule. */
    long cycle();

    double phaseLow();

    double phaseHigh();

    /** False when the output is the count ratio scaled to a 1 mJy comparison. */
    boolean fluxCalibrated();

    /** MJD(UTC) of the first and last frame. */
    double firstMjdUtc();

    double lastMjdUtc();
}
