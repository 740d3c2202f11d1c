// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

/**
 * The target's light: a white dwarf totally eclipsed at phase 0, with linear ingress and egress
 * (a uniform-brightness dip shape; a limb-darkened disc would curve the ramps slightly), plus the
 * rest of the system (disc, donor) never eclipsed, constant or modulated as
 * {@code 1 + A cos(2 pi (phase - humpPhase))}. Every quantity is the exact mean over an exposure,
 * integrated analytically, so the truth is what a perfect detector would have recorded.
 */
public final class EclipseModel {

    private EclipseModel() {
    }

    /**
     * Mean visible fraction of the white dwarf over {@code [a, b]}, phases measured from the
     * nearest mid-eclipse ({@code |a|, |b| <= ~0.5}).
     *
     * @param width   first to fourth contact, in phase
     * @param ingress ingress duration, in phase (0 < ingress <= width / 2)
     */
    public static double visibleFraction(double a, double b, double width, double ingress) {
        double h = width / 2;
        if (b - a < 1e-12) {
            return 1 - dip(0.5 * (a + b), h, ingress);
        }
        return 1 - (dipIntegral(b, h, ingress) - dipIntegral(a, h, ingress)) / (b - a);
    }

    /** Eclipsed fraction at phase x: 1 in totality, linear in ingress/egress, 0 outside. */
    static double dip(double x, double h, double i) {
        double ax = Math.abs(x);
        if (ax >= h) {
            return 0;
        }
        if (ax <= h - i) {
            return 1;
        }
        return (h - ax) / i;
    }

    /** Antiderivative of {@link #dip} from 0 (odd in x). */
    static double dipIntegral(double x, double h, double i) {
        double ax = Math.abs(x);
        double v;
        if (ax <= h - i) {
            v = ax;
        } else if (ax <= h) {
            double lo = h - i;
            v = lo + (h * (ax - lo) - 0.5 * (ax * ax - lo * lo)) / i;
        } else {
            v = h - 0.5 * i;
        }
        return x < 0 ? -v : v;
    }

    /** Mean of {@code 1 + amp cos(2 pi (phase - hump))} over {@code [a, b]}. */
    public static double secondaryFactor(double a, double b, double amp, double hump) {
        if (amp == 0) {
            return 1;
        }
        double w = 2 * Math.PI;
        if (b - a < 1e-12) {
            return 1 + amp * StrictMath.cos(w * (0.5 * (a + b) - hump));
        }
        return 1 + amp * (StrictMath.sin(w * (b - hump)) - StrictMath.sin(w * (a - hump))) / (w * (b - a));
    }

    /**
     * Exposure-mean target flux in mJy for an exposure centred on {@code bmjdTdb} lasting
     * {@code exposureS} seconds.
     */
    public static double targetMilliJansky(double bmjdTdb, double exposureS, double t0, double period,
            double width, double ingress, double wdMjy, double secMjy, double amp, double hump) {
        double half = exposureS / 172800.0;
        double p1 = (bmjdTdb - half - t0) / period;
        double p2 = (bmjdTdb + half - t0) / period;
        double e = Math.rint(0.5 * (p1 + p2));
        double a = p1 - e;
        double b = p2 - e;
        return wdMjy * visibleFraction(a, b, width, ingress) + secMjy * secondaryFactor(a, b, amp, hump);
    }

    /**
     * Visible fraction of the bright spot at phase x (from the nearest white-dwarf mid-eclipse): eclipsed between
     * its mid-ingress {@code wdMidIngress + inDelay} and mid-egress {@code wdMidEgress + egDelay}, linear ramps of
     * duration {@code spotIngress}; {@code wdMidIngress = -(width - ingress) / 2}. A second, offset emitting
     * region: it goes behind the donor after the white dwarf and reappears after it, so the eclipse is asymmetric.
     */
    public static double spotVisible(double x, double width, double ingress, double inDelay, double egDelay,
            double spotIngress) {
        double in = -0.5 * (width - ingress) + inDelay;
        double eg = 0.5 * (width - ingress) + egDelay;
        double centre = 0.5 * (in + eg);
        double half = 0.5 * (eg - in) + 0.5 * spotIngress;
        return 1 - dip(x - centre, half, spotIngress);
    }

    /**
     * Exposure-mean bright-spot flux over phases {@code [a, b]}: {@code spotMjy (1 + cos(2 pi (phase - hump)))}
     * times its visible fraction, averaged on 64 sub-steps (the ramps have kinks; the rule's error is below 1e-4 of
     * the spot flux for exposures up to a tenth of the spot's ingress times 64).
     */
    public static double spotMilliJansky(double a, double b, double spotMjy, double width, double ingress,
            double inDelay, double egDelay, double spotIngress, double hump) {
        if (spotMjy == 0) {
            return 0;
        }
        int n = b - a < 1e-12 ? 1 : 64;
        double s = 0;
        for (int k = 0; k < n; k++) {
            double x = a + (k + 0.5) * (b - a) / n;
            s += (1 + StrictMath.cos(2 * Math.PI * (x - hump)))
                    * spotVisible(x, width, ingress, inDelay, egDelay, spotIngress);
        }
        return spotMjy * s / n;
    }

    /**
     * The CV's exposure-mean flux in mJy: {@link #targetMilliJansky} plus the bright spot, with the disc and spot
     * light multiplied by {@code 1 + flicker} ({@code flicker}: the red noise's exposure mean).
     */
    public static double cvMilliJansky(SimulationSpec s, double bmjdTdb, double exposureS, double wdMjy,
            double secMjy, double flicker) {
        double half = exposureS / 172800.0;
        double p1 = (bmjdTdb - half - s.t0BmjdTdb()) / s.periodDays();
        double p2 = (bmjdTdb + half - s.t0BmjdTdb()) / s.periodDays();
        double e = Math.rint(0.5 * (p1 + p2));
        double a = p1 - e;
        double b = p2 - e;
        double wd = wdMjy * visibleFraction(a, b, s.eclipseWidthPhase(), s.ingressPhase());
        double disc = secMjy * secondaryFactor(a, b, s.secAmplitude(), s.humpPhase());
        double spot = spotMilliJansky(a, b, s.brightSpot() * wdMjy, s.eclipseWidthPhase(), s.ingressPhase(),
                s.spotInDelayPhase(), s.spotEgDelayPhase(), s.spotIngressPhase(), s.spotHumpPhase());
        return wd + (disc + spot) * (1 + flicker);
    }

    /** AB magnitude to mJy: 3631 Jy at magnitude 0. */
    public static double abToMilliJansky(double mag) {
        return 3631.0e3 * StrictMath.pow(10.0, -0.4 * mag);
    }
}
