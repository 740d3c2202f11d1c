// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.ephemeris.EphemerisFitter;
import org.calphot.ephemeris.McmcOptions;
import org.calphot.ephemeris.OcTable;
import org.calphot.mcmc.Autocorrelation;
import org.calphot.mcmc.Chain;
import org.calphot.mcmc.EnsembleSampler;
import org.calphot.mcmc.LogProbability;
import org.calphot.mcmc.Quantiles;
import org.osgi.service.component.annotations.Component;

/**
 * Linear ephemeris by weighted least squares and by the ensemble sampler.
 * <p>
 * The sampler works in centred, whitened coordinates: {@code u0 = (Tc - Tc_wls) / sigma_Tc},
 * {@code u1 = (P - P_wls) / sigma_P}, with {@code Tc} the time at the weighted mean cycle, so the
 * two parameters are uncorrelated and of order one (cal_phot sampled raw T0 ~ 5e4 d with a 1 %
 * ball). The stretch move is affine invariant, so this changes numerics, not the posterior.
 * Samples are transformed back to {@code T0 = Tc - P * Ebar}. Flat priors on T0 and P.
 */
@Component(service = EphemerisFitter.class, property = "name=linear")
public class DefaultEphemerisFitter implements EphemerisFitter {

    private static final double DAY = 86400.0;
    private static final double SCALE_MIN = 0.01;
    private static final double SCALE_MAX = 100;

    /** Weighted least squares about the weighted mean cycle. */
    record Wls(double tRef, double eBar, double tc, double p, double sigTc, double sigP, double chi2) {
        double t0() {
            return tRef + tc - p * eBar;
        }
    }

    static Wls wls(EclipseTimeTable t) throws BadInputException {
        int n = t.size();
        if (n < 2) {
            throw new BadInputException("an ephemeris fit needs at least 2 eclipse times, found " + n);
        }
        double tRef = t.bmjdTdb()[0];
        double sw = 0;
        double swe = 0;
        double swy = 0;
        for (int i = 0; i < n; i++) {
            double w = 1 / (t.errors()[i] * t.errors()[i]);
            sw += w;
            swe += w * t.cycles()[i];
            swy += w * (t.bmjdTdb()[i] - tRef);
        }
        double eBar = swe / sw;
        double yBar = swy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double w = 1 / (t.errors()[i] * t.errors()[i]);
            double de = t.cycles()[i] - eBar;
            sxx += w * de * de;
            sxy += w * de * (t.bmjdTdb()[i] - tRef - yBar);
        }
        if (!(sxx > 0)) {
            throw new BadInputException("all eclipses have the same cycle number; the period is undetermined");
        }
        double p = sxy / sxx;
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = (t.bmjdTdb()[i] - tRef - yBar - p * (t.cycles()[i] - eBar)) / t.errors()[i];
            chi2 += r * r;
        }
        return new Wls(tRef, eBar, yBar, p, 1 / Math.sqrt(sw), 1 / Math.sqrt(sxx), chi2);
    }

    @Override
    public EphemerisFit fitLeastSquares(EclipseTimeTable times) throws CalphotException {
        Wls w = wls(times);
        double t0 = w.t0();
        // T0 = Tc - P Ebar with Tc, P uncorrelated
        double sigT0 = Math.sqrt(w.sigTc() * w.sigTc() + w.eBar() * w.eBar() * w.sigP() * w.sigP());
        double corr = -w.eBar() * w.sigP() * w.sigP() / (sigT0 * w.sigP());
        int dof = times.size() - 2;
        OcTable oc = ocTable(times, w.tRef(), t0 - w.tRef(), w.p(), null, null);
        return new EphemerisFit("wls", t0, sigT0, w.p(), w.sigP(), corr, w.eBar(), w.chi2(), dof,
                dof > 0 ? w.chi2() / dof : Double.NaN, w.chi2(), new String[0], new double[0], new double[0], oc,
                null);
    }

    /** The log-posterior in whitened coordinates; a separate class so the bench can time it. */
    static final class Posterior implements LogProbability {
        final double[] a;
        final double[] b;
        final double[] c;
        final int[] src;
        final int[] count;
        final int nScales;
        final double lnConst;

        Posterior(EclipseTimeTable t, Wls w, int[] srcIndex, int nScales) {
            int n = t.size();
            a = new double[n];
            b = new double[n];
            c = new double[n];
            src = srcIndex;
            this.nScales = nScales;
            count = new int[Math.max(1, nScales)];
            double lc = 0;
            for (int i = 0; i < n; i++) {
                double s = t.errors()[i];
                double de = t.cycles()[i] - w.eBar();
                a[i] = (t.bmjdTdb()[i] - w.tRef() - w.tc() - w.p() * de) / s;
                b[i] = w.sigTc() / s;
                c[i] = w.sigP() * de / s;
                lc += Math.log(2 * Math.PI * s * s);
                if (nScales > 0) {
                    count[src[i]]++;
                }
            }
            lnConst = -0.5 * lc;
        }

        @Override
        public double logProbability(double[] th) {
            double u0 = th[0];
            double u1 = th[1];
            int n = a.length;
            if (nScales == 0) {
                double q = 0;
                for (int i = 0; i < n; i++) {
                    double r = a[i] - u0 * b[i] - u1 * c[i];
                    q += r * r;
                }
                return lnConst - 0.5 * q;
            }
            double lp = lnConst;
            for (int k = 0; k < nScales; k++) {
                double s = th[2 + k];
                if (!(s > SCALE_MIN && s < SCALE_MAX)) {
                    return Double.NEGATIVE_INFINITY;
                }
                // N_k ln s from the Gaussian normalisation, ln s from the log-uniform prior
                lp -= (count[k] + 1) * Math.log(s);
            }
            double q = 0;
            for (int i = 0; i < n; i++) {
                double s = th[2 + src[i]];
                double r = (a[i] - u0 * b[i] - u1 * c[i]) / s;
                q += r * r;
            }
            return lp - 0.5 * q;
        }
    }

    /** Everything the sampler needs, also used by the benchmark. */
    public static final class Problem {
        final EclipseTimeTable table;
        final Wls wls;
        final int[] sourceList;
        final Posterior posterior;

        public Problem(EclipseTimeTable table, boolean fitErrorScales) throws BadInputException {
            this.table = table;
            this.wls = wls(table);
            int[] ids = table.sourceIds();
            sourceList = fitErrorScales ? new TreeSet<>(Arrays.stream(ids).boxed().toList()).stream()
                    .mapToInt(Integer::intValue).toArray() : new int[0];
            int[] srcIndex = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                srcIndex[i] = fitErrorScales ? Arrays.binarySearch(sourceList, ids[i]) : 0;
            }
            posterior = new Posterior(table, wls, srcIndex, sourceList.length);
        }

        public int nDim() {
            return 2 + sourceList.length;
        }

        public LogProbability logProbability() {
            return posterior;
        }

        /** A small ball around the least-squares solution: 0.1 sigma in T0 and P, 5 % in the scales. */
        public double[][] initialBall(int walkers, long seed) {
            SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
            double[][] p = new double[walkers][nDim()];
            for (double[] w : p) {
                w[0] = 0.1 * gauss(r);
                w[1] = 0.1 * gauss(r);
                for (int k = 2; k < w.length; k++) {
                    w[k] = 1 + 0.05 * gauss(r);
                }
            }
            return p;
        }
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log1p(-r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Override
    public EphemerisFit fitMcmc(EclipseTimeTable times, McmcOptions o, ProgressMonitor monitor, Warnings warnings)
            throws CalphotException {
        Problem pr = new Problem(times, o.fitErrorScales());
        int nDim = pr.nDim();
        if (o.walkers() < 2 * nDim) {
            throw new BadInputException("need at least " + 2 * nDim + " walkers for " + nDim + " parameters",
                    Location.key(null, 0, "walkers"));
        }
        if (o.steps() < 10) {
            throw new BadInputException("need at least 10 steps", Location.key(null, 0, "steps"));
        }
        if (o.burn() >= o.steps()) {
            throw new BadInputException("burn-in " + o.burn() + " is not shorter than the chain (" + o.steps() + ")",
                    Location.key(null, 0, "burn"));
        }
        Wls w = pr.wls;
        EnsembleSampler sampler = new EnsembleSampler(o.walkers(), nDim, pr.posterior).seed(o.seed())
                .threads(o.threads());
        long start = System.nanoTime();
        Chain raw = sampler.run(pr.initialBall(o.walkers(), o.seed()), o.steps(), monitor);
        double seconds = (System.nanoTime() - start) * 1e-9;

        int burn = o.burn();
        int thin = o.thin();
        if (burn < 0 || thin < 1) {
            // preliminary tau from the second half, which is past the short expansion from the ball
            Autocorrelation.Estimate pre = Autocorrelation.integratedTime(raw, raw.nSteps() / 2);
            Autocorrelation.BurnThin bt = Autocorrelation.suggest(pre, raw.nSteps());
            if (burn < 0) {
                burn = bt.burn();
            }
            if (thin < 1) {
                thin = bt.thin();
            }
        }
        Autocorrelation.Estimate est = Autocorrelation.integratedTime(raw, burn);
        if (!est.reliable() && warnings != null) {
            warnings.warn(Location.NONE, est.warning());
        }

        // transform back: offsets from the least-squares T0 and P keep full precision
        int nS = raw.nSteps();
        int nW = raw.nWalkers();
        double[] s = raw.samples();
        double[] out = new double[s.length];
        double t0Wls = w.t0();
        for (int i = 0; i < nS * nW; i++) {
            double u0 = s[i * nDim];
            double u1 = s[i * nDim + 1];
            double dP = w.sigP() * u1;
            out[i * nDim] = t0Wls + (w.sigTc() * u0 - dP * w.eBar());
            out[i * nDim + 1] = w.p() + dP;
            for (int k = 2; k < nDim; k++) {
                out[i * nDim + k] = s[i * nDim + k];
            }
        }
        String[] names = new String[nDim];
        names[0] = "T0";
        names[1] = "P";
        String[] scaleNames = new String[nDim - 2];
        for (int k = 0; k < scaleNames.length; k++) {
            scaleNames[k] = times.sourceName(pr.sourceList[k]);
            names[2 + k] = "obs_err_" + scaleNames[k].replace(' ', '_');
        }
        Chain chain = new Chain(nW, nDim, nS, names, out, raw.logProb(), raw.accepted(), o.seed());

        // offsets for the summaries
        Chain kept = raw.subChain(burn, thin);
        double[] u0 = kept.flat(0, 0, 1);
        double[] u1 = kept.flat(1, 0, 1);
        double[] dT0 = new double[u0.length];
        double[] dP = new double[u0.length];
        double cov = 0;
        for (int i = 0; i < u0.length; i++) {
            dP[i] = w.sigP() * u1[i];
            dT0[i] = w.sigTc() * u0[i] - dP[i] * w.eBar();
        }
        double[] t0m = Quantiles.medianAndSigma(dT0);
        double[] pm = Quantiles.medianAndSigma(dP);
        double m0 = Arrays.stream(dT0).average().orElse(0);
        double m1 = Arrays.stream(dP).average().orElse(0);
        double v0 = 0;
        double v1 = 0;
        for (int i = 0; i < u0.length; i++) {
            cov += (dT0[i] - m0) * (dP[i] - m1);
            v0 += (dT0[i] - m0) * (dT0[i] - m0);
            v1 += (dP[i] - m1) * (dP[i] - m1);
        }
        double corr = cov / Math.sqrt(v0 * v1);
        double[] scales = new double[nDim - 2];
        double[] scaleErrs = new double[nDim - 2];
        for (int k = 0; k < scales.length; k++) {
            double[] ms = Quantiles.medianAndSigma(kept.flat(2 + k, 0, 1));
            scales[k] = ms[0];
            scaleErrs[k] = ms[1];
        }
        double t0 = t0Wls + t0m[0];
        double p = w.p() + pm[0];
        int[] srcIdx = pr.posterior.src;
        OcTable oc = ocTable(times, w.tRef(), t0 - w.tRef(), p, scales.length > 0 ? scales : null, srcIdx);
        double chi2 = 0;
        double chi2u = 0;
        for (int i = 0; i < times.size(); i++) {
            double r = oc.ocSeconds()[i] / oc.errorSeconds()[i];
            chi2 += r * r;
            double ru = oc.ocSeconds()[i] / (times.errors()[i] * DAY);
            chi2u += ru * ru;
        }
        int dof = times.size() - 2;
        EphemerisFit.McmcInfo info = new EphemerisFit.McmcInfo(chain, burn, thin, o.seed(), est.tau(), est.warning(),
                raw.meanAcceptanceFraction(), sampler.evaluations(), seconds, sampler.threadsUsed());
        return new EphemerisFit("mcmc", t0, t0m[1], p, pm[1], corr, w.eBar(), chi2, dof,
                dof > 0 ? chi2 / dof : Double.NaN, chi2u, scaleNames, scales, scaleErrs, oc, info);
    }

    /** O - C in seconds, computed relative to tRef so no precision is lost. */
    private static OcTable ocTable(EclipseTimeTable t, double tRef, double t0Off, double p, double[] scales,
            int[] srcIdx) {
        int n = t.size();
        double[] oc = new double[n];
        double[] err = new double[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            oc[i] = DAY * ((t.bmjdTdb()[i] - tRef) - (t0Off + p * t.cycles()[i]));
            err[i] = DAY * t.errors()[i] * (scales == null ? 1 : scales[srcIdx[i]]);
            names[i] = t.sourceName(t.sourceIds()[i]);
        }
        return new OcTable(t.cycles().clone(), t.bmjdTdb().clone(), oc, err, t.sourceIds().clone(), names);
    }
}
