// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.Warnings;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bright spot and the flickering of the simulated CV, against values worked by hand from the model's
 * definition (not from {@link EclipseModel}'s code): the target's true flux in the phases where only some of the
 * components are visible, the flicker's rms and its sameness across CCDs, and the contact times in the truth JSON.
 */
class CvModelTest {

    @TempDir
    Path tmp;

    static final double TWO_PI = 2 * Math.PI;

    static double mjy(double ab) {
        return 3631e3 * Math.pow(10, -0.4 * ab);
    }

    /**
     * Defaults: WD width 0.040, ingress 0.005 (WD mid-ingress -0.0175, totality from -0.015 to 0.015); spot delays
     * 0.009 / 0.018, spot ingress 0.004: spot first contact -0.0105, hidden from -0.0065 to 0.0335, back from
     * 0.0375; WD back from 0.020. So in (-0.0145, -0.011) the WD is hidden and the spot visible; in (-0.005, 0.0145)
     * both hidden; in (0.0205, 0.033) the WD is back and the spot hidden; beyond 0.1 all visible (margins exceed
     * half an exposure, 0.0003). Flux there: wd (if visible) + disc (1 + 0.1 cos 2pi(x - 0.85)) + 0.6 wd
     * (1 + cos 2pi(x - 0.85)) (if visible). Exposure means of 3 s (0.0006 in phase) differ from point values by
     * less than 1e-5 relative on the flat parts (the cosines' curvature), so 1e-4 relative is the bound.
     */
    @Test
    void brightSpotVisibleWhereTheGeometrySaysSo() throws Exception {
        SimulationSpec s = SimulationSpec.defaults(Instrument.ULTRASPEC).frames(3000).exposureS(3).seed(7)
                .brightSpot(0.6).build();
        double wd = mjy(s.wdMag()[0]);
        double disc = mjy(s.secMag()[0]);
        List<double[]> seen = new ArrayList<>();
        new Simulator(TimeServices.siteRegistry()).generate(s, l -> seen.add(new double[] {l.phase, l.trueMjy[0]}),
                null, Warnings.IGNORE);
        int[] hits = new int[4];
        for (double[] p : seen) {
            double x = p[0];
            double hump = 1 + Math.cos(TWO_PI * (x - 0.85));
            double d = disc * (1 + 0.1 * Math.cos(TWO_PI * (x - 0.85)));
            double spot = 0.6 * wd * hump;
            double expect;
            int k;
            if (x > -0.0145 && x < -0.011) {
                expect = d + spot;
                k = 0;
            } else if (x > -0.005 && x < 0.0145) {
                expect = d;
                k = 1;
            } else if (x > 0.0205 && x < 0.033) {
                expect = wd + d;
                k = 2;
            } else if (Math.abs(x) > 0.1) {
                expect = wd + d + spot;
                k = 3;
            } else {
                continue;
            }
            assertEquals(expect, p[1], 1e-4 * expect, "phase " + x);
            hits[k]++;
        }
        for (int h : hits) {
            assertTrue(h >= 5, java.util.Arrays.toString(hits));
        }
    }

    /**
     * Flickering multiplies the disc and spot light by 1 + noise: the noise recovered from the true fluxes has the
     * requested rms (5 %; one realisation's rms over the run scatters about the continuous-time value because the
     * lowest frequencies dominate an f^-1.5 spectrum: 35 % allowed) and is the same in every CCD.
     */
    @Test
    void flickerHasItsRmsAndIsSharedByTheCcds() throws Exception {
        SimulationSpec s = SimulationSpec.defaults(Instrument.HIPERCAM).frames(4000).exposureS(3).seed(11)
                .flickerRms(0.05).flickerIndex(1.5).secAmplitude(0).build();
        int nccd = s.instrument().nccd();
        double[] wd = new double[nccd];
        double[] disc = new double[nccd];
        for (int c = 0; c < nccd; c++) {
            wd[c] = mjy(s.wdMag()[c]);
            disc[c] = mjy(s.secMag()[c]);
        }
        List<double[]> noise = new ArrayList<>();
        new Simulator(TimeServices.siteRegistry()).generate(s, l -> {
            if (Math.abs(l.phase) > 0.05) {
                // out of eclipse: flux = wd + disc (1 + noise)
                noise.add(new double[] {l.nframe, l.ccdIndex, (l.trueMjy[0] - wd[l.ccdIndex]) / disc[l.ccdIndex] - 1});
            }
        }, null, Warnings.IGNORE);
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        double maxDiff = 0;
        for (int i = 0; i < noise.size(); i++) {
            double[] r = noise.get(i);
            if (r[1] == 0) {
                sum += r[2];
                sum2 += r[2] * r[2];
                n++;
            } else {
                double[] first = noise.get(i - (int) r[1]);
                assertEquals(r[0], first[0]);
                maxDiff = Math.max(maxDiff, Math.abs(r[2] - first[2]));
            }
        }
        double rms = Math.sqrt(sum2 / n - (sum / n) * (sum / n));
        assertEquals(0.05, rms, 0.35 * 0.05, "flicker rms");
        assertTrue(maxDiff < 1e-6, "the CCDs flicker together: " + maxDiff);
    }

    /** The truth JSON's contact points: mid-eclipse +- (width - ingress) / 2 periods, the spot's after them. */
    @Test
    void truthJsonHasTheContactPoints() throws Exception {
        SimulationSpec s = SimulationSpec.defaults(Instrument.ULTRASPEC).frames(1500).exposureS(3).seed(3)
                .brightSpot(0.5).flickerRms(0.02).build();
        Simulator.Result r = new Simulator(TimeServices.siteRegistry()).write(s, tmp, false, null, Warnings.IGNORE);
        String j = Files.readString(r.truthJson());
        assertEquals(1, r.eclipseBmjdTdb().size(), j);
        double mid = r.eclipseBmjdTdb().get(0);
        double p = s.periodDays();
        assertEquals(mid, number(j, "wd_mid_bmjd_tdb"), 1e-12);
        assertEquals(mid - 0.0175 * p, number(j, "wd_ingress_bmjd_tdb"), 1e-10);
        assertEquals(mid + 0.0175 * p, number(j, "wd_egress_bmjd_tdb"), 1e-10);
        assertEquals(0.035 * p * 86400, number(j, "wd_width_s"), 1e-6);
        assertEquals(mid - 0.0085 * p, number(j, "bs_ingress_bmjd_tdb"), 1e-10);
        assertEquals(mid + 0.0355 * p, number(j, "bs_egress_bmjd_tdb"), 1e-10);
    }

    static double number(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\"\\s*:\\s*([-0-9.eE]+)")
                .matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }
}
