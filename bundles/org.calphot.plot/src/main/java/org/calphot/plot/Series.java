// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

/** A labelled x–y series with optional 1σ y errors (null), e.g. one run's count ratio against phase. */
public record Series(String label, double[] x, double[] y, double[] yErr) {

    public Series {
        org.calphot.plot.internal.Charts.sameLength("series " + label, x, y, yErr);
    }
}
