// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.Column;

/** Per-frame tests shared by the algorithms: what counts as a measurement, a flag, a good time. */
final class Frames {

    private Frames() {
    }

    /** Counts and their error are numbers and the error is positive (old logs used -1 for "none"). */
    static boolean measured(ApertureTable ap, int row) {
        Column c = ap.counts();
        Column e = ap.countsError();
        if (c == null || e == null) {
            return false;
        }
        double v = c.value(row);
        double s = e.value(row);
        return Double.isFinite(v) && Double.isFinite(s) && s > 0;
    }

    /** The flag bits of a point that are outside the user's ignore set (0 = acceptable). */
    static int badFlags(ApertureTable ap, int row, int ignore) {
        Column f = ap.flags();
        if (f == null) {
            return 0;
        }
        return ((int) (long) f.value(row)) & ~ignore;
    }

    static boolean[] mjdOk(CcdTable ccd) {
        Column c = ccd.frameColumn(org.calphot.core.log.LogColumns.MJD_OK);
        boolean[] ok = new boolean[ccd.rows()];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = c == null || c.value(i) != 0;
        }
        return ok;
    }

    static double[] exposure(CcdTable ccd) {
        Column c = ccd.exposure();
        double[] e = new double[ccd.rows()];
        for (int i = 0; i < e.length; i++) {
            e[i] = c == null ? Double.NaN : c.value(i);
        }
        return e;
    }
}
