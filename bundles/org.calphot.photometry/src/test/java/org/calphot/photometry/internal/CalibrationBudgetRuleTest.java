// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.calphot.core.photometry.CalibrationBudget;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 7: the comparison scatter and the stars' independent magnitude errors measure the same thing, so
 * the systematic error takes the larger of the two, never both; the common zero-point and extinction terms add in
 * quadrature. By hand: independent 0.01, common 0.02, extinction 0.005, scatter 0.03 (flux fractions):
 * sqrt(0.03^2 + 0.02^2 + 0.005^2) = sqrt(0.001325) = 0.0364005 (the old sum of all four in quadrature gave
 * sqrt(0.001425) = 0.0377492); with scatter 0.004 < 0.01: sqrt(0.01^2 + 0.02^2 + 0.005^2) = 0.0229129.
 */
class CalibrationBudgetRuleTest {

    @Test
    void scatterAndIndependentErrorsAreNotBothCounted() {
        CalibrationBudget b = CalibrationBudget.of(0.05, 0.01, 0.02, 0.005, 0.03);
        assertEquals(0.0364005, b.systematic(), 1e-7);
        assertEquals(Math.hypot(0.01, 0.02), b.comparisonMags(), 1e-15);
        assertEquals(0.0229129, CalibrationBudget.of(0.05, 0.01, 0.02, 0.005, 0.004).systematic(), 1e-7);
        // one star (no scatter): the magnitude terms alone
        assertEquals(Math.hypot(0.01, 0.02), CalibrationBudget.of(0.05, 0.01, 0.02, 0, Double.NaN).systematic(), 1e-15);
    }
}
