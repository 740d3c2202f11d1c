// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;

/**
 * Turns one CCD of a log into a lightcurve in mJy: target counts over the summed counts of the
 * comparisons that have a magnitude, times those comparisons' summed AB flux.
 */
public interface FluxCalibrator {

    /**
     * @throws org.calphot.core.BadInputException when the target or a comparison aperture is missing from the
     *         CCD, no comparison has a magnitude, or no frame survives the bad-data rules
     */
    CalibratedLightcurve calibrate(CcdTable ccd, ComparisonMagnitudes magnitudes, CalibrationOptions options,
            Warnings warnings) throws CalphotException;
}
