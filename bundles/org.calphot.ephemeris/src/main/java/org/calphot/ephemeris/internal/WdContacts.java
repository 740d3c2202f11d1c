// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris.internal;

import java.util.Arrays;

import org.calphot.core.BadInputException;

/**
 * The white dwarf's mid-ingress and mid-egress after Wood, Irwin &amp; Pringle (1985): the
 * lightcurve is smoothed and differentiated (difference of adjacent box means), the white dwarf's
 * ingress is the first strong negative spike of the derivative and its egress the first strong
 * positive one (a bright spot on the disc rim is eclipsed after the white dwarf and reappears after
 * it, so its spikes come later). Each contact's mid-point is then the centroid of the derivative
 * over its spike, computed by parts from the unsmoothed data:
 * {@code t_mid = (b F_b - a F_a - integral_a^b F dt) / (F_b - F_a)}, with {@code F_a}, {@code F_b}
 * the mean levels just outside the spike. That is exact for any transition symmetric or not
 * that lies inside {@code [a, b]} between flat levels, and linear in the data, so white noise gives
 * no bias and its error follows by propagation ({@code grad}).
 */
final class WdContacts {

    /** One contact: mid-time (days), its white-noise error, and the spike's extent in data indices. */
    record Contact(double mid, double err, int from, int to, double ramp) {
    }

    /** Both contacts and the next (bright-spot) spikes when found, else NaN. */
    record Result(Contact ingress, Contact egress, double spotIngress, double spotEgress, double rampDays) {

        double mid() {
            return 0.5 * (ingress.mid() + egress.mid());
        }

        double width() {
            return egress.mid() - ingress.mid();
        }

        double midErr() {
            return 0.5 * Math.hypot(ingress.err(), egress.err());
        }
    }

    private WdContacts() {
    }

    /** Median time step. */
    static double cadence(double[] t) {
        double[] gaps = new double[t.length - 1];
        for (int i = 0; i + 1 < t.length; i++) {
            gaps[i] = t[i + 1] - t[i];
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    /**
     * @param t,f,e data of the eclipse window, sorted
     * @param in,eg half-depth crossings of the whole eclipse (days)
     */
    static Result measure(double[] t, double[] f, double[] e, double in, double eg) throws BadInputException {
        double w0 = eg - in;
        double cad = cadence(t);
        // box of about a typical white-dwarf ingress (4 % of the eclipse width), at least 2 points; a slower
        // or noisier contact (a polar's accretion spot, a faint target) needs a wider box to stand 4 sigma
        // above the derivative's noise: widen it by half each time, boxes of up to 8 % of the width
        int m = (int) Math.max(2, Math.min(12, Math.round(0.02 * w0 / cad)));
        int mMax = (int) Math.max(m, Math.round(0.08 * w0 / cad));
        while (true) {
            try {
                return measure(t, f, e, in, eg, m);
            } catch (BadInputException ex) {
                int next = (int) Math.round(1.5 * m);
                if (!ex.getMessage().startsWith("no eclipse found") || next > mMax) {
                    throw ex;
                }
                m = next;
            }
        }
    }

    private static Result measure(double[] t, double[] f, double[] e, double in, double eg, int m)
            throws BadInputException {
        int n = t.length;
        double w0 = eg - in;
        double tm = 0.5 * (in + eg);
        double cad = cadence(t);
        double e2 = 0;
        for (double v : e) {
            e2 += v * v;
        }
        double sigD = Math.sqrt(2 * e2 / n / m) / (m * cad);
        // D[i]: derivative between points i and i+1 from the boxes [i-m+1, i] and [i+1, i+m]
        double[] d = new double[n];
        Arrays.fill(d, 0);
        double[] pre = new double[n + 1];
        for (int i = 0; i < n; i++) {
            pre[i + 1] = pre[i] + f[i];
        }
        for (int i = m - 1; i + m < n; i++) {
            double left = (pre[i + 1] - pre[i + 1 - m]) / m;
            double right = (pre[i + 1 + m] - pre[i + 1]) / m;
            double span = 0.5 * (t[i + m] + t[i + 1]) - 0.5 * (t[i] + t[i + 1 - m]);
            d[i] = (right - left) / span;
        }
        Contact ci = contact(t, f, e, d, m, -1, in - 0.5 * w0, tm, sigD, cad);
        Contact ce = contact(t, f, e, d, m, +1, Math.max(tm, ci.mid()), eg + 0.5 * w0, sigD, cad);
        if (!(ce.mid() > ci.mid())) {
            throw new BadInputException("fit did not converge: white-dwarf egress before its ingress");
        }
        // the bright spot's spikes: the strongest of the same sign after each white-dwarf spike, within the eclipse
        double si = spike(t, d, -1, t[Math.min(n - 1, ci.to() + 1)], ce.mid(), 4 * sigD);
        double se = spike(t, d, +1, t[Math.min(n - 1, ce.to() + 1)], eg + 0.5 * w0, 4 * sigD);
        return new Result(ci, ce, si, se, 0.5 * (ci.ramp() + ce.ramp()));
    }

    /** The contacts again on other fluxes (a prayer-bead shift), from the first measurement's mid-points and ramps. */
    static Result again(double[] t, double[] f, double[] e, Result first) throws BadInputException {
        double cad = cadence(t);
        Contact ci = refine(t, f, e, first.ingress().mid(), first.ingress().ramp(), -1, cad);
        Contact ce = refine(t, f, e, first.egress().mid(), first.egress().ramp(), +1, cad);
        return new Result(ci, ce, first.spotIngress(), first.spotEgress(), first.rampDays());
    }

    private static double spike(double[] t, double[] d, int sign, double lo, double hi, double thr) {
        int best = -1;
        for (int i = 0; i < t.length; i++) {
            if (t[i] > lo && t[i] < hi && sign * d[i] > thr && (best < 0 || sign * d[i] > sign * d[best])) {
                best = i;
            }
        }
        return best < 0 ? Double.NaN : t[best];
    }

    private static Contact contact(double[] t, double[] f, double[] e, double[] d, int m, int sign, double lo,
            double hi, double sigD, double cad) throws BadInputException {
        int n = t.length;
        double peak = 0;
        for (int i = 0; i < n; i++) {
            if (t[i] >= lo && t[i] <= hi) {
                peak = Math.max(peak, sign * d[i]);
            }
        }
        String which = sign < 0 ? "ingress" : "egress";
        if (!(peak > 4 * sigD)) {
            throw new BadInputException("no eclipse found: no white-dwarf " + which + " in the derivative");
        }
        double thr = Math.max(0.4 * peak, 4 * sigD);
        int ip = -1;
        for (int i = 0; i < n && ip < 0; i++) {
            if (t[i] >= lo && t[i] <= hi && sign * d[i] > thr) {
                ip = i;
            }
        }
        while (ip + 1 < n && sign * d[ip + 1] > sign * d[ip]) {
            ip++;
        }
        // duration of the ramp: the spike's full width at half its height
        double top = sign * d[ip];
        int il = ip;
        while (il > 0 && sign * d[il - 1] > 0.5 * top) {
            il--;
        }
        int ir = ip;
        while (ir + 1 < n && sign * d[ir + 1] > 0.5 * top) {
            ir++;
        }
        double ramp = Math.max(t[ir] - t[il], cad);
        double mid0 = 0.5 * (t[ip] + t[Math.min(n - 1, ip + 1)]);
        return refine(t, f, e, mid0, ramp, sign, cad);
    }

    /**
     * The centroid estimate in a window of fixed size around the current mid-point, re-centred
     * until it stops moving: a sloping level (the orbital hump) then cancels, since the estimate of
     * a pure slope is the window's centre.
     */
    static Contact refine(double[] t, double[] f, double[] e, double mid0, double ramp, int sign, double cad)
            throws BadInputException {
        int n = t.length;
        String which = sign < 0 ? "ingress" : "egress";
        double h = 0.5 * ramp + 2 * cad;
        int l = Math.max(3, (int) Math.round(0.5 * ramp / cad));
        double mid = mid0;
        double err = Double.NaN;
        int i0 = 0;
        int i1 = 0;
        for (int it = 0; it < 8; it++) {
            i0 = 0;
            while (i0 < n && t[i0] < mid - h) {
                i0++;
            }
            i1 = i0;
            while (i1 + 1 < n && t[i1 + 1] <= mid + h) {
                i1++;
            }
            if (i0 - l + 1 < 0 || i1 + l - 1 >= n || i1 - i0 < 2) {
                throw new BadInputException("white-dwarf " + which + " is not covered by the data");
            }
            double a = t[i0];
            double b = t[i1];
            double fa = 0;
            double fb = 0;
            for (int k = 0; k < l; k++) {
                fa += f[i0 - k] / l;
                fb += f[i1 + k] / l;
            }
            double integral = 0;
            double[] w = new double[i1 - i0 + 1];
            for (int i = i0; i < i1; i++) {
                double hh = 0.5 * (t[i + 1] - t[i]);
                integral += hh * (f[i] + f[i + 1]);
                w[i - i0] += hh;
                w[i + 1 - i0] += hh;
            }
            double den = fb - fa;
            if (!(Math.abs(den) > 0) || Math.signum(den) != sign) {
                throw new BadInputException("fit did not converge: no step across the white-dwarf " + which);
            }
            // times from a: the products of a BMJD and a flux would lose the seconds' digits
            double bb = b - a;
            double rel = (bb * fb - integral) / den;
            double next = a + rel;
            // gradient of the estimate with respect to each flux, for the white-noise error
            double var = 0;
            for (int i = i0 - l + 1; i <= i1 + l - 1; i++) {
                double dn = i >= i0 && i <= i1 ? -w[i - i0] : 0;
                double dd = 0;
                if (i <= i0) {
                    dd -= 1.0 / l;
                }
                if (i >= i1) {
                    dn += bb / l;
                    dd += 1.0 / l;
                }
                double g = (dn - rel * dd) / den;
                var += g * g * e[i] * e[i];
            }
            err = Math.sqrt(var);
            if (!(next > a && next < b)) {
                throw new BadInputException("fit did not converge: white-dwarf " + which + " outside its window");
            }
            boolean done = Math.abs(next - mid) < 1e-3 * cad;
            mid = next;
            if (done) {
                break;
            }
        }
        return new Contact(mid, err, i0, i1, ramp);
    }
}
