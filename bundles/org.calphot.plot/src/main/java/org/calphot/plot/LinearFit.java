// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

/** A straight line {@code y = intercept + slope·(x − xRef)}, as drawn over data. */
public record LinearFit(double slope, double intercept, double xRef) {

    public static LinearFit through(double slope, double intercept) {
        return new LinearFit(slope, intercept, 0);
    }

    public double at(double x) {
        return intercept + slope * (x - xRef);
    }
}
