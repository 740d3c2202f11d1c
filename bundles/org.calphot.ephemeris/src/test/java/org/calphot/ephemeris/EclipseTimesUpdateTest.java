// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.calphot.core.Warnings;
import org.junit.jupiter.api.Test;

/** Updating an eclipse-times table source by source, and the timing model on a fine grid. */
class EclipseTimesUpdateTest {

    @Test
    void aSourceIsReplacedInPlaceAndIdsAreNeverRenumbered() throws Exception {
        // ids 0 and 5 as a user may have left them after hand edits; 7 is used by a row without a key line
        EclipseTimeTable t = EclipseTimesFile.parse(List.of("#old night,5", "#archive,0", "3,57000.3,1e-5,0",
                "4,57000.4,1e-5,5", "9,57000.9,1e-5,7"), "f", Warnings.IGNORE);
        EclipseTimeTable a = t.withSource("run1.log", new int[] {10, 11}, new double[] {57001.0, 57001.1},
                new double[] {2e-5, 2e-5});
        assertEquals(8, a.sourceId("run1.log"), "a new source takes the next id after every id in use");
        assertEquals(5, a.size());
        // timing the same log again replaces its rows, keeping its id
        EclipseTimeTable b = a.withSource("run1.log", new int[] {11}, new double[] {57001.1001},
                new double[] {3e-5});
        assertEquals(4, b.size());
        assertEquals(8, b.sourceId("run1.log"));
        assertEquals(5, b.sourceId("old night"));
        String text = EclipseTimesFile.format(b);
        assertEquals("#archive,0\n#old night,5\n#run1.log,8\n3,57000.3,1e-05,0\n4,57000.4,1e-05,5\n"
                + "9,57000.9,1e-05,7\n11,57001.1001,3e-05,8\n", text);
        // an existing source of the table (not the new one) is replaced the same way
        EclipseTimeTable c = b.withSource("archive", new int[] {2}, new double[] {57000.2}, new double[] {1e-5});
        assertArrayEquals(new int[] {5, 7, 8, 0}, c.sourceIds());
    }

    @Test
    void modelOnAFineGridPassesThroughTheStoredModel() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        double tMid = 57100.5;
        // a trapezoid eclipse (235 s wide, 30 s edges) on a flat baseline, 5 s cadence
        int n = 160;
        double[][] d = new double[3][n];
        for (int i = 0; i < n; i++) {
            double t = tMid + (i - n / 2) * 5 / 86400.0;
            double u = Math.abs(t - tMid) * 86400;
            double visible = Math.min(1, Math.max(0, (u - (117.5 - 15)) / 30));
            d[0][i] = t;
            d[1][i] = 0.3 + visible + 0.03 * Math.sqrt(-2 * Math.log1p(-r.nextDouble()))
                    * Math.cos(2 * Math.PI * r.nextDouble());
            d[2][i] = 0.03;
        }
        EclipseTiming e = EclipseTimer.create().time(d[0], d[1], d[2],
                EclipseTimer.Options.defaults().withSampler(10, 600, 2), null);
        double[] again = e.modelAt(e.fitBmjdTdb());
        for (int i = 0; i < again.length; i++) {
            // times near 57100 d carry ~1e-11 relative rounding; on the steep edges that is ~1e-9 in flux
            assertEquals(e.modelFlux()[i], again[i], 1e-7, "point " + i);
        }
        // flat bottom inside the eclipse, the full depth below the out-of-eclipse level
        double[] m = e.modelAt(new double[] {tMid - 60 / 86400.0, e.midBmjdTdb(), tMid + 60 / 86400.0,
            tMid - 300 / 86400.0});
        assertEquals(m[0], m[2], 0.01, java.util.Arrays.toString(m));
        assertEquals(1.0, m[3] - m[1], 0.02, java.util.Arrays.toString(m));
        assertEquals(1.0, e.shape(e.midBmjdTdb()), 1e-3);
        assertEquals(0.0, e.shape(e.midBmjdTdb() + e.width()), 1e-3);
    }
}
