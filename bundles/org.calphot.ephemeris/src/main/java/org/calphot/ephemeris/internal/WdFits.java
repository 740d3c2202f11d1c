// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris.internal;

import java.util.ArrayList;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;

/** What both white-dwarf timers share: the eclipse window and a best fit of the white dwarf + spot model. */
final class WdFits {

    /** The data around the located eclipse, the located half-depth crossings, and their centre and width. */
    record Window(double[] t, double[] f, double[] e, double in, double eg, double tm, double w0) {
    }

    /** Best point of the white dwarf + spot model, its linear parameters, model values and reduced chi2. */
    record Best(WdSpotModel model, double[] th, double[] beta, double[] values, double reducedChi2) {
    }

    private WdFits() {
    }

    static Window window(double[][] all) throws BadInputException {
        DefaultEclipseTimer.Located loc = DefaultEclipseTimer.locate(all);
        double w0 = loc.egress() - loc.ingress();
        double tm = 0.5 * (loc.ingress() + loc.egress());
        double[][] d = DefaultEclipseTimer.restrict(all, tm - 1.5 * w0, tm + 1.5 * w0);
        int before = 0;
        int after = 0;
        for (double v : d[0]) {
            before += v < loc.ingress() - 0.1 * w0 ? 1 : 0;
            after += v > loc.egress() + 0.1 * w0 ? 1 : 0;
        }
        if (before < 5 || after < 5) {
            throw new BadInputException("too little data out of eclipse on " + (before < 5 ? "ingress" : "egress")
                    + " side to fit the eclipse", Location.NONE);
        }
        return new Window(d[0], d[1], d[2], loc.ingress(), loc.egress(), tm, w0);
    }

    /** Starting points of the model from the contacts (spot guesses where the derivative showed none). */
    static double[][] starts(Window w, WdContacts.Result c) {
        double tw = (c.mid() - w.tm()) / w.w0();
        double ww = c.width() / w.w0();
        double dw = Math.max(0.01, Math.min(0.3 * ww, c.rampDays() / w.w0()));
        List<double[]> out = new ArrayList<>();
        if (Double.isFinite(c.spotIngress()) && Double.isFinite(c.spotEgress())
                && c.spotEgress() > c.spotIngress()) {
            double bi = (c.spotIngress() - w.tm()) / w.w0();
            double be = (c.spotEgress() - w.tm()) / w.w0();
            out.add(new double[] {tw, ww, dw, 0.5 * (bi + be), be - bi, dw});
        }
        for (double shift : new double[] {0.05, 0.15}) {
            out.add(new double[] {tw, ww, dw, tw + shift, ww, 2 * dw});
        }
        out.addAll(gridStarts(w, tw, ww, dw, 2));
        return out.toArray(new double[0][]);
    }

    /**
     * The best {@code keep} spot positions of a grid of the spot's ingress and egress lags behind the white
     * dwarf's contacts (the white dwarf where the contacts put it). The derivative often misses the spot's
     * egress (a slow, shallow rise under flickering), and a start with the spot's contacts close to the white
     * dwarf's converges to a local optimum that fits the egress with the white dwarf and the spot swapped
     * (reduced chi2 near 20 on simulated CVs): the grid costs a few hundred likelihoods, no fits.
     */
    static List<double[]> gridStarts(Window w, double tw, double ww, double dw, int keep) {
        WdSpotModel m = new WdSpotModel(w.t(), w.f(), w.e(), 1.0, w.tm(), w.w0());
        double wi = tw - 0.5 * ww;
        double we = tw + 0.5 * ww;
        List<double[]> cand = new ArrayList<>();
        List<Double> score = new ArrayList<>();
        // on a faint target the derivative may take the spot's ingress for the white dwarf's: the white dwarf's
        // ingress is also tried earlier than the contact, by up to half the eclipse width
        for (double early = 0.0; early <= 0.45 + 1e-9; early += 0.05) {
            double wi2 = wi - early;
            for (double lagIn = 0.0; lagIn <= 0.6 + 1e-9; lagIn += 0.04) {
                for (double lagEg = lagIn; lagEg <= 1.0 + 1e-9; lagEg += 0.04) {
                    double bi = wi2 + lagIn;
                    double be = we + lagEg;
                    double[] th = {0.5 * (wi2 + we), we - wi2, dw, 0.5 * (bi + be), be - bi, dw};
                    double v = m.logProbability(th);
                    if (v > Double.NEGATIVE_INFINITY) {
                        cand.add(th);
                        score.add(v);
                    }
                }
            }
        }
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < keep && !cand.isEmpty(); k++) {
            int best = 0;
            for (int i = 1; i < cand.size(); i++) {
                if (score.get(i) > score.get(best)) {
                    best = i;
                }
            }
            out.add(cand.remove(best));
            score.remove(best);
        }
        return out;
    }

    /** Nelder-Mead from each start, the best kept; null when no start has a finite likelihood. */
    static Best fit(Window w, double errScale, double[][] starts, int maxEval, int restarts) {
        WdSpotModel m = new WdSpotModel(w.t(), w.f(), w.e(), errScale, w.tm(), w.w0());
        double[] best = null;
        double bestV = Double.NEGATIVE_INFINITY;
        for (double[] s : starts) {
            if (m.logProbability(s) == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double[] p = Optimiser.maximise(th -> {
                double v = m.logProbability(th);
                return v == Double.NEGATIVE_INFINITY ? -1e300 : v;
            }, s, new double[] {0.01, 0.02, 0.01, 0.03, 0.05, 0.02}, maxEval, restarts);
            double v = m.logProbability(p);
            if (v > bestV) {
                bestV = v;
                best = p;
            }
        }
        if (best == null) {
            return null;
        }
        double[] beta = new double[WdSpotModel.K];
        double[] r = m.solve(best, beta);
        int dof = w.t().length - WdSpotModel.K - WdSpotModel.NL;
        return new Best(m, best, beta, m.model(best, beta), r == null || dof <= 0 ? Double.NaN : r[0] / dof);
    }
}
