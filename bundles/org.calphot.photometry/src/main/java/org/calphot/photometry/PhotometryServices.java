package org.calphot.photometry;

import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.photometry.internal.DefaultFluxCalibrator;

/** The photometry algorithms without OSGi, for tests and embedding (the DS components wrap the same classes). */
public final class PhotometryServices {

    private PhotometryServices() {
    }

    public static FluxCalibrator fluxCalibrator() {
        return new DefaultFluxCalibrator();
    }
}
