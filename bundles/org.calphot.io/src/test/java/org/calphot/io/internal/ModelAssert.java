// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.Column;
import org.calphot.core.log.PhotometryLog;

/** Bit-for-bit comparison of two models (NaN equals NaN). */
final class ModelAssert {

    private ModelAssert() {
    }

    static void assertSameModel(PhotometryLog a, PhotometryLog b) {
        assertEquals(a.ccds().size(), b.ccds().size());
        for (CcdTable ca : a.ccds()) {
            CcdTable cb = b.ccd(ca.ccd());
            assertEquals(ca.rows(), cb.rows(), "rows of CCD " + ca.ccd());
            assertEquals(ca.apertureLabels(), cb.apertureLabels());
            for (String k : ca.frameColumns().keySet()) {
                assertSameColumn(ca.frameColumn(k), cb.frameColumn(k), "CCD " + ca.ccd() + " " + k);
            }
            for (String ap : ca.apertureLabels()) {
                ApertureTable x = ca.aperture(ap);
                ApertureTable y = cb.aperture(ap);
                assertEquals(x.columns().keySet(), y.columns().keySet());
                for (String k : x.columns().keySet()) {
                    assertSameColumn(x.column(k), y.column(k), "CCD " + ca.ccd() + " " + k + "_" + ap);
                }
            }
        }
    }

    static void assertSameColumn(Column x, Column y, String what) {
        assertEquals(x.size(), y.size(), what);
        assertEquals(x.dtype(), y.dtype(), what);
        for (int i = 0; i < x.size(); i++) {
            double u = x.value(i);
            double v = y.value(i);
            if (!(Double.isNaN(u) && Double.isNaN(v))) {
                assertEquals(u, v, 0.0, what + " row " + i);
            }
        }
    }
}
