// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris.internal;

import org.calphot.mcmc.LogProbability;

/**
 * A white-dwarf eclipse plus a bright-spot eclipse on a smooth baseline:
 * {@code f(t) = c0 + c1 x + c2 x^2 - Fwd E(t; tw, ww, dw) - (Fbs + Gbs x) E(t; tb, wb, db)}, {@code x} the
 * scaled time from the window centre, {@code E} in [0, 1]: an ingress of duration {@code d} centred on {@code mid - w/2}, totality, linear egress centred on {@code mid + w/2} (a
 * uniform disc's ingress is not linear, but it is symmetric about mid-ingress, so the mid-times
 * are not biased by the shape). The quadratic baseline absorbs the orbital hump over the eclipse
 * window; the hump is the spot's own light, so the flux its eclipse removes changes with phase too
 * ({@code Gbs}: a constant spot flux leaves a residual slope of a tenth of the spot's light across
 * totality, which the prayer bead then moves onto the contacts). The six linear parameters are integrated out analytically (flat priors), so only
 * {@code th = (tw, ww, dw, tb, wb, db)} is sampled, in units of {@code w0} from {@code tRef}. The
 * spot's ingress and egress follow the white dwarf's (it trails the white dwarf on the disc rim),
 * which keeps the two components from swapping.
 */
final class WdSpotModel implements LogProbability {

    static final int NL = 6;
    static final int K = 6;

    final double[] dt;
    final double[] x;
    final double[] wt;
    final double[] f;
    final double tRef;
    final double w0;
    final double span0;
    final double span1;

    WdSpotModel(double[] t, double[] flux, double[] err, double errScale, double tRef, double w0) {
        int n = t.length;
        this.tRef = tRef;
        this.w0 = w0;
        dt = new double[n];
        x = new double[n];
        wt = new double[n];
        f = flux;
        double tc = 0.5 * (t[0] + t[n - 1]);
        double hw = Math.max(0.5 * (t[n - 1] - t[0]), 1e-12);
        for (int i = 0; i < n; i++) {
            dt[i] = (t[i] - tRef) / w0;
            x[i] = (t[i] - tc) / hw;
            double s = err[i] * errScale;
            wt[i] = 1 / (s * s);
        }
        span0 = dt[0];
        span1 = dt[n - 1];
    }

    /** Linear limb-darkening coefficient of the eclipsed discs (a white dwarf in the optical, roughly). */
    static final double LIMB = 0.5;

    /**
     * Eclipsed fraction of a linearly limb-darkened disc ({@code I = 1 - u (1 - mu)}) crossing a
     * straight limb: 1 in totality, its ingress of duration {@code d} centred on {@code -w/2} and its
     * egress centred on {@code +w/2}. The flux of the disc with {@code x < y} (radius 1) is
     * {@code (1 - u) (y sqrt(1 - y^2) + asin y + pi/2) + u (pi/2) (y - y^3/3 + 2/3)} over its total
     * {@code pi (1 - u/3)}.
     */
    static double trapezoid(double u, double w, double d) {
        double y = (Math.abs(u) - 0.5 * w) / (0.5 * d); // -1 at second contact, +1 at first (mirrored)
        if (y <= -1) {
            return 1;
        }
        if (y >= 1) {
            return 0;
        }
        double a = (1 - LIMB) * (y * Math.sqrt(1 - y * y) + Math.asin(y) + 0.5 * Math.PI)
                + LIMB * 0.5 * Math.PI * (y - y * y * y / 3 + 2.0 / 3);
        return 1 - a / (Math.PI * (1 - LIMB / 3));
    }

    boolean inside(double[] th) {
        double tw = th[0];
        double ww = th[1];
        double dw = th[2];
        double tb = th[3];
        double wb = th[4];
        double db = th[5];
        if (!(tw > -0.6 && tw < 0.6 && ww > 0.2 && ww < 2.0 && dw > 0.003 && dw < 0.6 * ww)) {
            return false;
        }
        if (!(wb > 0.2 && wb < 2.0 && db > 0.003 && db < 0.8 * wb)) {
            return false;
        }
        // the spot is eclipsed after the white dwarf and reappears after it
        if (tb - 0.5 * wb < tw - 0.5 * ww || tb + 0.5 * wb < tw + 0.5 * ww) {
            return false;
        }
        // both contacts of each component inside the data
        return tw - 0.5 * ww - 0.5 * dw > span0 && tw + 0.5 * ww + 0.5 * dw < span1
                && tb + 0.5 * wb + 0.5 * db < span1 + 0.5;
    }

    /** Fills beta (c0, c1, c2, Fwd, Fbs, Gbs) when not null; returns {chi2, lnDet} or null if singular. */
    double[] solve(double[] th, double[] beta) {
        double[][] a = new double[K][K];
        double[] b = new double[K];
        double ff = 0;
        double[] row = new double[K];
        for (int i = 0; i < dt.length; i++) {
            double xi = x[i];
            row[0] = 1;
            row[1] = xi;
            row[2] = xi * xi;
            row[3] = -trapezoid(dt[i] - th[0], th[1], th[2]);
            row[4] = -trapezoid(dt[i] - th[3], th[4], th[5]);
            row[5] = row[4] * xi;
            double w = wt[i];
            for (int p = 0; p < K; p++) {
                double wp = w * row[p];
                b[p] += wp * f[i];
                for (int q = 0; q <= p; q++) {
                    a[p][q] += wp * row[q];
                }
            }
            ff += w * f[i] * f[i];
        }
        // Cholesky, lower triangle; a spot with no light in the window makes its column tiny: keep it solvable
        double[][] l = new double[K][K];
        double lnDet = 0;
        for (int p = 0; p < K; p++) {
            for (int q = 0; q <= p; q++) {
                double s = a[p][q];
                for (int r = 0; r < q; r++) {
                    s -= l[p][r] * l[q][r];
                }
                if (p == q) {
                    if (!(s > 1e-12 * Math.max(a[p][p], 1e-300))) {
                        return null;
                    }
                    l[p][p] = Math.sqrt(s);
                    lnDet += 2 * Math.log(l[p][p]);
                } else {
                    l[p][q] = s / l[q][q];
                }
            }
        }
        double[] y = new double[K];
        double yy = 0;
        for (int p = 0; p < K; p++) {
            double s = b[p];
            for (int r = 0; r < p; r++) {
                s -= l[p][r] * y[r];
            }
            y[p] = s / l[p][p];
            yy += y[p] * y[p];
        }
        if (beta != null) {
            for (int p = K - 1; p >= 0; p--) {
                double s = y[p];
                for (int r = p + 1; r < K; r++) {
                    s -= l[r][p] * beta[r];
                }
                beta[p] = s / l[p][p];
            }
        }
        return new double[] {ff - yy, lnDet};
    }

    @Override
    public double logProbability(double[] th) {
        if (!inside(th)) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] r = solve(th, null);
        return r == null ? Double.NEGATIVE_INFINITY : -0.5 * r[0] - 0.5 * r[1];
    }

    /** The model at the data times. */
    double[] model(double[] th, double[] beta) {
        double[] m = new double[dt.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = value(th, beta, dt[i], x[i]);
        }
        return m;
    }

    static double value(double[] th, double[] beta, double dti, double xi) {
        return beta[0] + beta[1] * xi + beta[2] * xi * xi - beta[3] * trapezoid(dti - th[0], th[1], th[2])
                - (beta[4] + beta[5] * xi) * trapezoid(dti - th[3], th[4], th[5]);
    }

    /** The model at any time (days), for the figure. */
    java.util.function.DoubleUnaryOperator profile(double[] th, double[] beta, double[] t) {
        double tc = 0.5 * (t[0] + t[t.length - 1]);
        double hw = Math.max(0.5 * (t[t.length - 1] - t[0]), 1e-12);
        double[] th2 = th.clone();
        double[] b2 = beta.clone();
        double ref = tRef;
        double scale = w0;
        return tt -> value(th2, b2, (tt - ref) / scale, (tt - tc) / hw);
    }
}
