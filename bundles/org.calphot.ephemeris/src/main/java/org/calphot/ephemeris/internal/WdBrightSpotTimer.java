// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris.internal;

import java.util.SplittableRandom;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EclipseTiming;
import org.calphot.mcmc.Autocorrelation;
import org.calphot.mcmc.Chain;
import org.calphot.mcmc.EnsembleSampler;
import org.calphot.mcmc.Quantiles;
import org.osgi.service.component.annotations.Component;

/**
 * {@code wd-bright-spot}: the parametric {@link WdSpotModel} (white dwarf with linear ingress and
 * egress, a separately timed bright-spot eclipse, quadratic baseline) fitted from the contact
 * points, then sampled by the ensemble sampler; the time is the white dwarf's mid-eclipse (posterior
 * median, 1 sigma the 16-84 half-width), the contacts and width its ingress and egress. Red-noise
 * error by prayer bead (each shifted lightcurve refitted by Nelder-Mead from the best point).
 */
@Component(service = EclipseTimer.class, property = "name=wd-bright-spot")
public class WdBrightSpotTimer extends DefaultEclipseTimer {

    /** Prayer-bead shifts: each is a 6-parameter refit, so fewer than for the cheap models. */
    static final int SHIFTS = 24;

    @Override
    public String name() {
        return "wd-bright-spot";
    }

    @Override
    protected EclipseTiming timeClean(double[][] all, Options o, ProgressMonitor monitor) throws CalphotException {
        WdFits.Window w = WdFits.window(all);
        WdContacts.Result c = WdContacts.measure(w.t(), w.f(), w.e(), w.in(), w.eg());
        double[][] starts = WdFits.starts(w, c);
        WdFits.Best best = WdFits.fit(w, 1.0, starts, 3000, 3);
        if (best == null) {
            throw new CalphotException("fit did not converge: no finite likelihood near the contact points");
        }
        double chi2 = best.reducedChi2();
        double scale = o.scaleErrors() && chi2 > 1 ? Math.sqrt(chi2) : 1.0;
        WdSpotModel m = new WdSpotModel(w.t(), w.f(), w.e(), scale, w.tm(), w.w0());
        int nW = Math.max(o.walkers(), 2 * WdSpotModel.NL + 2);
        SplittableRandom rng = new SplittableRandom(o.seed() ^ 0x5DEECE66DL);
        double[][] p0 = new double[nW][];
        for (int k = 0; k < nW; k++) {
            double[] p;
            int tries = 0;
            do {
                p = best.th().clone();
                for (int j = 0; j < p.length; j++) {
                    p[j] += 1e-3 * DefaultEphemerisFitter.gauss(rng);
                }
            } while (m.logProbability(p) == Double.NEGATIVE_INFINITY && ++tries < 100);
            p0[k] = tries < 100 ? p : best.th().clone();
        }
        EnsembleSampler sampler = new EnsembleSampler(nW, WdSpotModel.NL, m).seed(o.seed()).threads(1);
        Chain chain = sampler.run(p0, o.steps(), monitor);
        Autocorrelation.Estimate pre = Autocorrelation.integratedTime(chain, chain.nSteps() / 2);
        Autocorrelation.BurnThin bt = Autocorrelation.suggest(pre, chain.nSteps());
        Autocorrelation.Estimate est = Autocorrelation.integratedTime(chain, bt.burn());
        double[] tw = chain.flat(0, bt.burn(), bt.thin());
        double[] ww = chain.flat(1, bt.burn(), bt.thin());
        double[] tin = new double[tw.length];
        double[] teg = new double[tw.length];
        for (int i = 0; i < tw.length; i++) {
            tin[i] = tw[i] - 0.5 * ww[i];
            teg[i] = tw[i] + 0.5 * ww[i];
        }
        double[] mt = Quantiles.medianAndSigma(tw);
        double[] mw = Quantiles.medianAndSigma(ww);
        double[] mi = Quantiles.medianAndSigma(tin);
        double[] me = Quantiles.medianAndSigma(teg);
        double w0 = w.w0();
        double tm = w.tm();
        double[] beta = best.beta();
        EclipseTiming et = new EclipseTiming(tm + w0 * mt[0], w0 * mt[1], w0 * mw[0], w0 * mw[1],
                w0 * best.th()[2], beta[3], w.t()[0], w.t()[w.t().length - 1], w.t().length, chi2, scale,
                chain.meanAcceptanceFraction(), est.tau()[0], est.warning(), w.t(), w.f(), w.e(), best.values(),
                name(), w0 * mt[1], Double.NaN, "mcmc", tm + w0 * mi[0], w0 * mi[1], tm + w0 * me[0], w0 * me[1],
                w0 * mw[0], best.model().profile(best.th(), beta, w.t()));
        double[] start = best.th();
        double red = w0 * PrayerBead.sigma(w.f(), best.values(), SHIFTS, flux -> {
            WdFits.Window fake = new WdFits.Window(w.t(), flux, w.e(), w.in(), w.eg(), tm, w0);
            WdFits.Best b = WdFits.fit(fake, scale, new double[][] {start}, 1500, 1);
            return b == null ? Double.NaN : b.th()[0];
        });
        return et.withRedError(red, "prayer-bead");
    }

    /** For tests: the contacts alone (no sampling). */
    static WdContacts.Result contacts(double[][] all) throws BadInputException {
        WdFits.Window w = WdFits.window(all);
        return WdContacts.measure(w.t(), w.f(), w.e(), w.in(), w.eg());
    }
}
