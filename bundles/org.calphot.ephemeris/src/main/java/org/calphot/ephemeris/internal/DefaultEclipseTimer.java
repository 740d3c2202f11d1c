// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.Ephemeris;
import org.calphot.mcmc.Autocorrelation;
import org.calphot.mcmc.Chain;
import org.calphot.mcmc.EnsembleSampler;
import org.calphot.mcmc.LogProbability;
import org.calphot.mcmc.Quantiles;
import org.osgi.service.component.annotations.Component;

/**
 * Eclipse timing with a symmetric profile instead of cal_phot's two clicks and two Gaussians on
 * a smoothed derivative: {@code f(t) = c0 + c1 x - D S(t)}, {@code x} the scaled time from the
 * window centre, {@code S = [tanh((t - t0 + w/2)/tau) - tanh((t - t0 - w/2)/tau)] / 2}. The
 * linear parameters (c0, c1, D) are integrated out analytically (flat priors), so the sampler
 * explores only (t0, w, ln tau) and the mid-time posterior includes their uncertainty.
 */
@Component(service = EclipseTimer.class, property = "name=symmetric")
public class DefaultEclipseTimer implements EclipseTimer {

    private static final int SMOOTH_HALF = 3;

    @Override
    public EclipseTiming time(double[] t, double[] f, double[] e, Options o, ProgressMonitor monitor)
            throws CalphotException {
        double[][] d = clean(t, f, e);
        if (o.hasWindow()) {
            d = restrict(d, Math.min(o.windowStart(), o.windowEnd()), Math.max(o.windowStart(), o.windowEnd()));
        }
        return timeClean(d, o, monitor);
    }

    @Override
    public String name() {
        return "symmetric";
    }

    @Override
    public List<EclipseTiming> timeAll(double[] t, double[] f, double[] e, Ephemeris prior, Options o,
            ProgressMonitor monitor) throws CalphotException {
        return survey(t, f, e, prior, o, monitor).timed();
    }

    /**
     * Every eclipse the prior predicts with its +-0.2 P window overlapping the data is tried; one
     * that fails is listed with the reason (partly covered, too few points, no eclipse found, fit
     * did not converge).
     */
    @Override
    public Survey survey(double[] t, double[] f, double[] e, Ephemeris prior, Options o, ProgressMonitor monitor)
            throws CalphotException {
        double[][] d = clean(t, f, e);
        double[] tt = d[0];
        List<EclipseTiming> out = new ArrayList<>();
        List<NotTimed> not = new ArrayList<>();
        if (tt.length == 0) {
            return new Survey(out, not);
        }
        long first = prior.nearestCycle(tt[0]) - 1;
        long last = prior.nearestCycle(tt[tt.length - 1]) + 1;
        for (long c = first; c <= last; c++) {
            double pred = prior.predict(c);
            double half = 0.2 * prior.periodDays();
            if (pred + half < tt[0] || pred - half > tt[tt.length - 1]) {
                continue;
            }
            try {
                out.add(timeClean(restrict(d, pred - half, pred + half), o, monitor));
            } catch (BadInputException ex) {
                not.add(new NotTimed(c, pred, reason(ex.getMessage())));
            } catch (org.calphot.core.CancelledException ex) {
                throw ex;
            } catch (CalphotException | RuntimeException ex) {
                not.add(new NotTimed(c, pred, "fit did not converge: " + ex.getMessage()));
            }
        }
        return new Survey(out, not);
    }

    /** The reason an eclipse was not timed, starting with its kind. */
    static String reason(String message) {
        String m = message == null ? "" : message;
        if (m.contains("not covered") || m.contains("too little data out of eclipse")) {
            return "partly covered: " + m;
        }
        if (m.startsWith("too few points") || m.startsWith("no eclipse found") || m.startsWith("fit did not")) {
            return m;
        }
        return "fit did not converge: " + m;
    }

    /** Drops non-finite rows, checks errors, sorts by time. Returns {t, f, e}. */
    static double[][] clean(double[] t, double[] f, double[] e) throws BadInputException {
        if (t.length != f.length || t.length != e.length) {
            throw new BadInputException("time, flux and error arrays differ in length");
        }
        Integer[] idx = new Integer[t.length];
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (Double.isFinite(t[i]) && Double.isFinite(f[i]) && Double.isFinite(e[i]) && e[i] > 0) {
                idx[n++] = i;
            }
        }
        Integer[] ok = Arrays.copyOf(idx, n);
        Arrays.sort(ok, (a, b) -> Double.compare(t[a], t[b]));
        double[][] d = new double[3][n];
        for (int i = 0; i < n; i++) {
            d[0][i] = t[ok[i]];
            d[1][i] = f[ok[i]];
            d[2][i] = e[ok[i]];
        }
        return d;
    }

    static double[][] restrict(double[][] d, double lo, double hi) {
        int a = 0;
        while (a < d[0].length && d[0][a] < lo) {
            a++;
        }
        int b = a;
        while (b < d[0].length && d[0][b] <= hi) {
            b++;
        }
        return new double[][] {Arrays.copyOfRange(d[0], a, b), Arrays.copyOfRange(d[1], a, b),
                Arrays.copyOfRange(d[2], a, b)};
    }

    /** Result of the automatic location: half-depth crossing times. */
    record Located(double ingress, double egress) {
    }

    static Located locate(double[][] d) throws BadInputException {
        double[] t = d[0];
        double[] f = d[1];
        int n = t.length;
        if (n < 15) {
            throw new BadInputException("too few points (" + n + ") to find an eclipse");
        }
        double[] sm = new double[n];
        double[] buf = new double[2 * SMOOTH_HALF + 1];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - SMOOTH_HALF);
            int b = Math.min(n - 1, i + SMOOTH_HALF);
            int m = b - a + 1;
            System.arraycopy(f, a, buf, 0, m);
            Arrays.sort(buf, 0, m);
            sm[i] = m % 2 == 1 ? buf[m / 2] : 0.5 * (buf[m / 2 - 1] + buf[m / 2]);
        }
        int imin = 0;
        for (int i = 1; i < n; i++) {
            if (sm[i] < sm[imin]) {
                imin = i;
            }
        }
        double level = Quantiles.percentile(sm, 50);
        double[] errs = d[2].clone();
        double noise = 1.2533 * Quantiles.percentile(errs, 50) / Math.sqrt(2 * SMOOTH_HALF + 1);
        if (!(level - sm[imin] > 5 * noise)) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "no eclipse found: the deepest dip (%.3g) is below 5 sigma (%.3g)", level - sm[imin], 5 * noise));
        }
        double half = 0.5 * (level + sm[imin]);
        int i = imin;
        while (i > 0 && sm[i] < half) {
            i--;
        }
        if (sm[i] < half) {
            throw new BadInputException("eclipse ingress is not covered by the data");
        }
        double tin = t[i] + (half - sm[i]) * (t[i + 1] - t[i]) / (sm[i + 1] - sm[i]);
        int j = imin;
        while (j < n - 1 && sm[j] < half) {
            j++;
        }
        if (sm[j] < half) {
            throw new BadInputException("eclipse egress is not covered by the data");
        }
        double teg = t[j - 1] + (half - sm[j - 1]) * (t[j] - t[j - 1]) / (sm[j] - sm[j - 1]);
        return new Located(tin, teg);
    }

    /**
     * Marginal log-likelihood of (t0, w, ln tau) with (c0, c1, D) integrated out: -chi2_min / 2 -
     * ln det(M) / 2, M the weighted normal matrix. Parameters are offsets scaled by w0 for numerics:
     * {@code th = ((t0 - tRef) / w0, w / w0, ln(tau / w0))}.
     */
    static final class Profile implements LogProbability {
        final double[] dt; // (t - tRef) / w0
        final double[] x;
        final double[] wt;
        final double[] f;
        final double s00;
        final double s01;
        final double s11;
        final double v0;
        final double v1;
        final double ff;
        final double lo;
        final double hi;
        final double lnTauLo;
        final double lnTauHi;

        Profile(double[] t, double[] flux, double[] err, double errScale, double tRef, double w0, double wLo,
                double wHi) {
            int n = t.length;
            dt = new double[n];
            x = new double[n];
            wt = new double[n];
            f = flux;
            double tc = 0.5 * (t[0] + t[n - 1]);
            double hw = Math.max(0.5 * (t[n - 1] - t[0]), 1e-12);
            double a00 = 0;
            double a01 = 0;
            double a11 = 0;
            double b0 = 0;
            double b1 = 0;
            double c = 0;
            for (int i = 0; i < n; i++) {
                dt[i] = (t[i] - tRef) / w0;
                x[i] = (t[i] - tc) / hw;
                double s = err[i] * errScale;
                wt[i] = 1 / (s * s);
                a00 += wt[i];
                a01 += wt[i] * x[i];
                a11 += wt[i] * x[i] * x[i];
                b0 += wt[i] * flux[i];
                b1 += wt[i] * x[i] * flux[i];
                c += wt[i] * flux[i] * flux[i];
            }
            s00 = a00;
            s01 = a01;
            s11 = a11;
            v0 = b0;
            v1 = b1;
            ff = c;
            lo = wLo;
            hi = wHi;
            lnTauLo = Math.log(1e-3);
            lnTauHi = Math.log(1.0);
        }

        /** Fills beta (c0, c1, D) and returns {chi2, lnDet}; null if singular. */
        double[] solve(double[] th, double[] beta) {
            double t0 = th[0];
            double w = th[1];
            double tau = Math.exp(th[2]);
            double hw = 0.5 * w;
            double s02 = 0;
            double s12 = 0;
            double s22 = 0;
            double v2 = 0;
            for (int i = 0; i < dt.length; i++) {
                double u = dt[i] - t0;
                double s = edge(u, hw, tau);
                double ws = wt[i] * s;
                s02 -= ws;
                s12 -= ws * x[i];
                s22 += ws * s;
                v2 -= ws * f[i];
            }
            // Cholesky of the symmetric 3x3 normal matrix
            double l00 = s00;
            if (!(l00 > 0)) {
                return null;
            }
            l00 = Math.sqrt(l00);
            double l10 = s01 / l00;
            double l20 = s02 / l00;
            double d11 = s11 - l10 * l10;
            if (!(d11 > 0)) {
                return null;
            }
            double l11 = Math.sqrt(d11);
            double l21 = (s12 - l20 * l10) / l11;
            double d22 = s22 - l20 * l20 - l21 * l21;
            if (!(d22 > 1e-12 * s22)) {
                return null;
            }
            double l22 = Math.sqrt(d22);
            double y0 = v0 / l00;
            double y1 = (v1 - l10 * y0) / l11;
            double y2 = (v2 - l20 * y0 - l21 * y1) / l22;
            if (beta != null) {
                beta[2] = y2 / l22;
                beta[1] = (y1 - l21 * beta[2]) / l11;
                beta[0] = (y0 - l10 * beta[1] - l20 * beta[2]) / l00;
            }
            double chi2 = ff - (y0 * y0 + y1 * y1 + y2 * y2);
            double lnDet = 2 * (Math.log(l00) + Math.log(l11) + Math.log(l22));
            return new double[] {chi2, lnDet};
        }

        /**
         * (tanh((u + hw)/tau) - tanh((u - hw)/tau)) / 2 written with exp, which the JIT
         * intrinsifies (Math.tanh is several times slower); exp overflow gives the right limits.
         */
        static double edge(double u, double hw, double tau) {
            return 1 / (1 + Math.exp(2 * (u - hw) / tau)) - 1 / (1 + Math.exp(2 * (u + hw) / tau));
        }

        boolean inside(double[] th) {
            return th[0] >= dt[0] && th[0] <= dt[dt.length - 1] && th[1] > lo && th[1] < hi && th[2] > lnTauLo
                    && th[2] < lnTauHi;
        }

        @Override
        public double logProbability(double[] th) {
            if (!inside(th)) {
                return Double.NEGATIVE_INFINITY;
            }
            double[] r = solve(th, null);
            if (r == null) {
                return Double.NEGATIVE_INFINITY;
            }
            return -0.5 * r[0] - 0.5 * r[1];
        }

        double[] model(double[] th, double[] beta) {
            double[] m = new double[dt.length];
            double tau = Math.exp(th[2]);
            for (int i = 0; i < dt.length; i++) {
                double u = dt[i] - th[0];
                double s = edge(u, 0.5 * th[1], tau);
                m[i] = beta[0] + beta[1] * x[i] - beta[2] * s;
            }
            return m;
        }
    }

    protected EclipseTiming timeClean(double[][] all, Options o, ProgressMonitor monitor) throws CalphotException {
        Located loc = locate(all);
        double w0 = loc.egress() - loc.ingress();
        double tm = 0.5 * (loc.ingress() + loc.egress());
        double[][] d = restrict(all, tm - 1.5 * w0, tm + 1.5 * w0);
        double[] t = d[0];
        int before = 0;
        int after = 0;
        for (double v : t) {
            before += v < loc.ingress() - 0.1 * w0 ? 1 : 0;
            after += v > loc.egress() + 0.1 * w0 ? 1 : 0;
        }
        if (before < 3 || after < 3) {
            throw new BadInputException("too little data out of eclipse on " + (before < 3 ? "ingress" : "egress")
                    + " side to fit the eclipse", Location.NONE);
        }
        // fit in units of w0 from tm; width between 0.2 and 2.5 initial widths
        Profile prof = new Profile(t, d[1], d[2], 1.0, tm, w0, 0.2, 2.5);
        double[] best = optimise(prof, new double[] {0, 1, Math.log(0.05)});
        double[] r = prof.solve(best, null);
        int dof = t.length - 6;
        double redChi2 = r == null || dof <= 0 ? Double.NaN : r[0] / dof;
        double scale = o.scaleErrors() && redChi2 > 1 ? Math.sqrt(redChi2) : 1.0;
        if (scale != 1.0) {
            prof = new Profile(t, d[1], d[2], scale, tm, w0, 0.2, 2.5);
        }

        int nW = Math.max(o.walkers(), 6);
        SplittableRandom rng = new SplittableRandom(o.seed() ^ 0x9E3779B97F4A7C15L);
        double[][] p0 = new double[nW][3];
        for (double[] p : p0) {
            int tries = 0;
            do {
                p[0] = best[0] + 1e-3 * DefaultEphemerisFitter.gauss(rng);
                p[1] = best[1] + 1e-3 * DefaultEphemerisFitter.gauss(rng);
                p[2] = best[2] + 1e-2 * DefaultEphemerisFitter.gauss(rng);
            } while (prof.logProbability(p) == Double.NEGATIVE_INFINITY && ++tries < 100);
        }
        EnsembleSampler sampler = new EnsembleSampler(nW, 3, prof).seed(o.seed()).threads(1);
        Chain chain = sampler.run(p0, o.steps(), monitor);
        Autocorrelation.Estimate pre = Autocorrelation.integratedTime(chain, chain.nSteps() / 2);
        Autocorrelation.BurnThin bt = Autocorrelation.suggest(pre, chain.nSteps());
        Autocorrelation.Estimate est = Autocorrelation.integratedTime(chain, bt.burn());
        double[] t0s = chain.flat(0, bt.burn(), bt.thin());
        double[] ws = chain.flat(1, bt.burn(), bt.thin());
        double[] lts = chain.flat(2, bt.burn(), bt.thin());
        double[] mt = Quantiles.medianAndSigma(t0s);
        double[] mw = Quantiles.medianAndSigma(ws);
        double[] med = {mt[0], mw[0], Quantiles.percentile(lts, 50)};
        double[] beta = new double[3];
        if (prof.solve(med, beta) == null) {
            prof.solve(best, beta);
            med = best;
        }
        double[] model = prof.model(med, beta);
        EclipseTiming white = new EclipseTiming(tm + w0 * mt[0], w0 * mt[1], w0 * mw[0], w0 * mw[1],
                w0 * Math.exp(med[2]), beta[2], t[0], t[t.length - 1], t.length, redChi2, scale,
                chain.meanAcceptanceFraction(), est.tau()[0], est.warning(), t, d[1], d[2], model);
        // prayer bead: the best model plus cyclically shifted residuals, refitted
        double[] bestBeta = new double[3];
        prof.solve(best, bestBeta);
        double[] bestModel = prof.model(best, bestBeta);
        final double[] start = best;
        final double[] errs = d[2];
        final double sc = scale;
        double red = w0 * PrayerBead.sigma(d[1], bestModel, PrayerBead.DEFAULT_SHIFTS, flux -> {
            Profile p = new Profile(t, flux, errs, sc, tm, w0, 0.2, 2.5);
            return optimise(p, start)[0];
        });
        return white.withRedError(red, "prayer-bead");
    }

    /** Nelder-Mead on the marginal likelihood, restarted once from its own answer. */
    static double[] optimise(Profile prof, double[] start) throws CalphotException {
        MultivariateFunction fn = th -> {
            double v = prof.logProbability(th);
            return v == Double.NEGATIVE_INFINITY ? -1e300 : v;
        };
        double[] p = Optimiser.maximise(fn, start, new double[] {0.02, 0.02, 0.5}, 3000, 2);
        if (prof.logProbability(p) == Double.NEGATIVE_INFINITY) {
            throw new CalphotException("fit did not converge: no finite likelihood near the located eclipse");
        }
        return p;
    }
}
