// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry;

import org.calphot.core.photometry.Binner;
import org.calphot.core.photometry.ExtinctionFitter;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.photometry.ZeroPointCalculator;
import org.calphot.photometry.internal.DefaultBinner;
import org.calphot.photometry.internal.DefaultExtinctionFitter;
import org.calphot.photometry.internal.DefaultFluxCalibrator;
import org.calphot.photometry.internal.DefaultZeroPointCalculator;

/** The photometry algorithms without OSGi, for tests and embedding (the DS components wrap the same classes). */
public final class PhotometryServices {

    private PhotometryServices() {
    }

    public static FluxCalibrator fluxCalibrator() {
        return new DefaultFluxCalibrator();
    }

    public static ExtinctionFitter extinctionFitter() {
        return new DefaultExtinctionFitter();
    }

    public static ZeroPointCalculator zeroPointCalculator() {
        return new DefaultZeroPointCalculator();
    }

    public static Binner binner() {
        return new DefaultBinner();
    }
}
