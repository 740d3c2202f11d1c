// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calphot.core.Warnings;
import org.calphot.core.time.Site;
import org.calphot.core.time.SkyPosition;
import org.calphot.core.time.TimeColumns;
import org.calphot.core.time.TimeRequest;
import org.junit.jupiter.api.Test;

/**
 * The interpolated-node path against per-frame jsofa evaluation over two nights (each frame's
 * exact jsofa values are the reference). Stated bound: 4-point Lagrange cubics with 0.125-d nodes
 * err by ~(3/128) (w h)^4 A per term: for the annual Roemer term (A = 499 s) 2.5e-10 s, for the
 * monthly Earth-Moon wobble (A = 16 ms) 2.5e-10 s; the 13.66-d nutation term moves directions by
 * < 1e-6". Asserted: |d light time|, |d TDB-UTC| <= 1 ns (0.5 ns seen) and |d alt| <= 0.001"; BMJD is a float64
 * MJD (steps of 7.3e-12 d = 0.63 us near MJD 57754), so corrections 1 ns apart give the same BMJD or one step
 * apart: asserted |dBMJD| <= 1 ulp of the MJD (0 seen).
 */
class GridInterpolationTest {

    @Test
    void gridMatchesPerFrameEvaluation() throws Exception {
        Site[] sites = {new Site("lapalma", 28.758333333333333, -17.88, 2327, "t"),
            new Site("tno", 18.590556, 98.486667, 2457, "t")};
        SkyPosition[] targets = {new SkyPosition(238.23385, 12.91241), new SkyPosition(117.24817, 31.42019),
            new SkyPosition(10.0, -75.0)};
        int n = 400;
        double worstB = 0;
        double worstL = 0;
        double worstA = 0;
        for (Site site : sites) {
            for (SkyPosition t : targets) {
                // two nights, including a leap-second day (2016-12-31 = MJD 57753)
                double[] mjd = new double[n];
                for (int i = 0; i < n; i++) {
                    mjd[i] = 57752.7 + 1.6 * i / (n - 1);
                }
                SofaTimeCorrector grid = new SofaTimeCorrector();
                grid.setMode(SofaTimeCorrector.Mode.GRID);
                SofaTimeCorrector direct = new SofaTimeCorrector();
                direct.setMode(SofaTimeCorrector.Mode.DIRECT);
                TimeColumns a = TimeColumns.all(n);
                TimeColumns b = TimeColumns.all(n);
                TimeRequest req = new TimeRequest(site, t);
                grid.correct(req, mjd, 0, n, a, Warnings.IGNORE);
                direct.correct(req, mjd, 0, n, b, Warnings.IGNORE);
                for (int i = 0; i < n; i++) {
                    worstB = Math.max(worstB, Math.abs(a.bmjdTdb()[i] - b.bmjdTdb()[i]) * 86400);
                    worstL = Math.max(worstL, Math.abs(a.lttBaryS()[i] - b.lttBaryS()[i]));
                    worstL = Math.max(worstL, Math.abs(a.lttHelioS()[i] - b.lttHelioS()[i]));
                    worstL = Math.max(worstL, Math.abs(a.tdbMinusUtcS()[i] - b.tdbMinusUtcS()[i]));
                    worstA = Math.max(worstA, Math.abs(a.altDeg()[i] - b.altDeg()[i]) * 3600);
                }
            }
        }
        System.out.printf("grid vs per-frame: |dBMJD| %.3g s, |d ltt, TDB-UTC| %.3g s, |d alt| %.3g arcsec%n",
                worstB, worstL, worstA);
        // BMJD itself is rounded to float64: one rounding step (0.63 us) at most
        assertTrue(worstB <= Math.ulp(57754.3) * 86400, "BMJD " + worstB);
        assertTrue(worstL <= 1e-9, "light time / TDB-UTC " + worstL);
        assertTrue(worstA <= 1e-3, "altitude " + worstA);
    }
}
