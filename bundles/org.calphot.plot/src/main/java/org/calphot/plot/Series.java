package org.calphot.plot;

/** A labelled x–y series with optional 1σ y errors (null), e.g. one run's count ratio against phase. */
public record Series(String label, double[] x, double[] y, double[] yErr) {

    public Series {
        org.calphot.plot.internal.Charts.sameLength("series " + label, x, y, yErr);
    }
}
