// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.calphot.core.Warnings;
import org.calphot.core.time.AirmassFormula;
import org.calphot.core.time.TimeColumns;
import org.calphot.core.time.TimeRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every row of the astropy 5.2.1 reference vectors (606), converted one by one, in both
 * evaluation paths (per-frame jsofa, and interpolated nodes). Tolerances are the issue's:
 * |dBMJD| <= 3 us (astropy's own floor vs SOFA is ~2 us, and the reference is printed to 1e-12 d),
 * |d alt| <= 15" (no EOP: UT1-UTC up to 0.68 s = 10" of hour angle in the table's period).
 * <p>
 * sec z: the issue asks <= 1e-4 relative above 10 deg. Without Earth-orientation data that holds
 * above 20 deg (worst 8.3e-5) but not for 3 rows between 10.8 and 16 deg (worst 1.40e-4), where
 * astropy used IERS-B UT1-UTC and the altitude differs by 5-8" (d sec z / sec z = cot(alt) d alt).
 * The rows after the IERS-B table (astropy then also took UT1-UTC = 0) agree to 0.29" in
 * altitude (astropy's default polar motion) and meet 1e-4 above 10 deg; both are asserted.
 */
class ReferenceVectorsTest {

    private static List<ReferenceRows.Row> rows;

    @BeforeAll
    static void load() throws Exception {
        rows = ReferenceRows.all();
        assertEquals(606, rows.size(), "600 sample rows + 6 vectors");
    }

    private record Worst(String what, double value, String row) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-28s %12.6g  at %s", what, value, row);
        }
    }

    private static final class Tracker {
        double bmjdUs;
        String bmjdRow = "";
        double tdbUtcUs;
        String tdbUtcRow = "";
        double lttUs;
        String lttRow = "";
        double helioUs;
        String helioRow = "";
        double altAs;
        String altRow = "";
        double seczRel;
        String seczRow = "";
        double seczRel20;
        double seczRelNoEop;
        double altNoEop;
        double leapUs;
        String leapRow = "";
        int leapRows;

        void report(String label) {
            System.out.println("== " + label + " (606 rows) ==");
            System.out.println(new Worst("|dBMJD| us", bmjdUs, bmjdRow));
            System.out.println(new Worst("|d(TDB-UTC)| us", tdbUtcUs, tdbUtcRow));
            System.out.println(new Worst("|d ltt_bary| us", lttUs, lttRow));
            System.out.println(new Worst("|d ltt_helio| us", helioUs, helioRow));
            System.out.println(new Worst("|d alt| arcsec", altAs, altRow));
            System.out.println(new Worst("|d secz|/secz (alt>10)", seczRel, seczRow));
            System.out.println(new Worst("|d secz|/secz (alt>20)", seczRel20, ""));
            System.out.println(new Worst("same-EOP rows |d alt| arcsec", altNoEop, "eop=beyond_iers_b"));
            System.out.println(new Worst("same-EOP |d secz|/secz (>10)", seczRelNoEop, "eop=beyond_iers_b"));
            System.out.println(new Worst("leap rows |dBMJD| us (" + leapRows + ")", leapUs, leapRow));
        }
    }

    private static Tracker run(SofaTimeCorrector.Mode mode) throws Exception {
        SofaTimeCorrector tc = new SofaTimeCorrector();
        tc.setMode(mode);
        Tracker t = new Tracker();
        for (ReferenceRows.Row r : rows) {
            TimeColumns out = TimeColumns.all(1);
            tc.correct(new TimeRequest(r.site(), r.target(), AirmassFormula.PLANE_PARALLEL), new double[] {r.mjdUtc()},
                    0, 1, out, Warnings.IGNORE);
            assertTrue(Double.isFinite(out.bmjdTdb()[0]) && Double.isFinite(out.altDeg()[0]), "finite output, row " + r.id());
            double dB = Math.abs(out.bmjdTdb()[0] - r.bmjdTdb()) * 86400e6;
            if (dB > t.bmjdUs) {
                t.bmjdUs = dB;
                t.bmjdRow = r.id();
            }
            double refTdbUtc = r.ttMinusUtcS() + r.tdbMinusTtMs() / 1000.0;
            double dT = Math.abs(out.tdbMinusUtcS()[0] - refTdbUtc) * 1e6;
            if (dT > t.tdbUtcUs) {
                t.tdbUtcUs = dT;
                t.tdbUtcRow = r.id();
            }
            double dL = Math.abs(out.lttBaryS()[0] - r.lttBaryS()) * 1e6;
            if (dL > t.lttUs) {
                t.lttUs = dL;
                t.lttRow = r.id();
            }
            double dH = Math.abs(out.lttHelioS()[0] - r.lttHelioS()) * 1e6;
            if (dH > t.helioUs) {
                t.helioUs = dH;
                t.helioRow = r.id();
            }
            double dA = Math.abs(out.altDeg()[0] - r.altDeg()) * 3600;
            if (dA > t.altAs) {
                t.altAs = dA;
                t.altRow = r.id() + " alt " + r.altDeg();
            }
            boolean sameEop = r.eop().equals("beyond_iers_b");
            if (sameEop) {
                t.altNoEop = Math.max(t.altNoEop, dA);
            }
            if (r.altDeg() > 10) {
                double rel = Math.abs(out.airmass()[0] - r.secz()) / r.secz();
                if (r.altDeg() > 20) {
                    t.seczRel20 = Math.max(t.seczRel20, rel);
                }
                if (sameEop) {
                    t.seczRelNoEop = Math.max(t.seczRelNoEop, rel);
                }
                if (rel > t.seczRel) {
                    t.seczRel = rel;
                    t.seczRow = r.id() + " alt " + r.altDeg();
                }
            }
            if (r.kase().equals("leap_edge")) {
                t.leapRows++;
                if (dB > t.leapUs) {
                    t.leapUs = dB;
                    t.leapRow = r.id() + " mjd " + r.mjdUtc();
                }
            }
        }
        return t;
    }

    private static void check(Tracker t) {
        assertTrue(t.bmjdUs <= 3.0, "worst |dBMJD| " + t.bmjdUs + " us at " + t.bmjdRow);
        assertTrue(t.altAs <= 15.0, "worst |d alt| " + t.altAs + "\" at " + t.altRow);
        // measured 0.29": only the rows past the table's end, where astropy used a mean pole and we use zero
        assertTrue(t.altAs <= 1.0, "worst |d alt| with the bundled EOP table " + t.altAs + "\" at " + t.altRow);
        assertTrue(t.seczRel20 <= 1e-4, "worst sec z above 20 deg " + t.seczRel20);
        assertTrue(t.seczRelNoEop <= 1e-4, "worst sec z above 10 deg, same EOP as astropy " + t.seczRelNoEop);
        // with the bundled IERS C04 table (the one astropy used) UT1-UTC and polar motion match astropy's, so
        // the bound holds on every row above 10 deg (measured worst 5.1e-6)
        assertTrue(t.seczRel <= 1e-4, "worst sec z above 10 deg " + t.seczRel + " at " + t.seczRow);
        // polar motion astropy applied after its table (0.035", 0.29") is the only difference there
        assertTrue(t.altNoEop <= 0.35, "same-EOP altitude " + t.altNoEop);
        assertEquals(20, t.leapRows);
        // leap-second rows get no looser tolerance: a whole-day leap count would be off by up to 1 s
        assertTrue(t.leapUs <= 3.0, "leap rows |dBMJD| " + t.leapUs + " us at " + t.leapRow);
        // TDB-UTC reproduces astropy's dat/taitt/dtdb chain to rounding (1e-10 s per the README);
        // allow 0.05 us for the reference's printed digits (tdb_minus_tt_ms to 1e-5 ms = 0.01 us)
        assertTrue(t.tdbUtcUs <= 0.05, "TDB-UTC " + t.tdbUtcUs + " us at " + t.tdbUtcRow);
        assertTrue(t.helioUs <= 3.0, "heliocentric " + t.helioUs + " us at " + t.helioRow);
        // the barycentric light time itself (Roemer delay incl. the observatory's offset), not only the BMJD it
        // feeds: astropy's own floor is 2.1 us (time/README.md: its GCRS->ICRS step rotates the observatory vector)
        // plus 0.5 us for the 6 printed decimals of the test vectors; 0.50 us measured
        assertTrue(t.lttUs <= 2.6, "barycentric light time " + t.lttUs + " us at " + t.lttRow);
    }

    @Test
    void everyRowPerFrameEvaluation() throws Exception {
        Tracker t = run(SofaTimeCorrector.Mode.DIRECT);
        t.report("per-frame jsofa");
        check(t);
    }

    @Test
    void everyRowInterpolatedNodes() throws Exception {
        Tracker t = run(SofaTimeCorrector.Mode.GRID);
        t.report("interpolated nodes");
        check(t);
    }
}
