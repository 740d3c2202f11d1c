// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import org.calphot.core.photometry.BinnedCurve;
import org.calphot.core.photometry.Binner;
import org.osgi.service.component.annotations.Component;

/**
 * bin_data with the error fixed: the weighted mean's error is 1 / sqrt(sum 1/sigma^2) (the original wrote
 * sum(1/sigma) / sum(1/sigma^2)), the phase is the plain mean of the points' phases (the original weighted
 * it) and the bins are exactly nbins half-open bins (the original made nbins - 1 bins plus overflow bins).
 */
@Component(service = Binner.class, property = "name=default")
public final class DefaultBinner implements Binner {

    @Override
    public BinnedCurve bin(double[] phase, double[] flux, double[] err, int nbins, double min, double max) {
        if (nbins < 1 || !(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("need nbins >= 1 and finite min < max");
        }
        if (phase.length != flux.length || phase.length != err.length) {
            throw new IllegalArgumentException("phase, flux and err differ in length");
        }
        double[] sw = new double[nbins];
        double[] swf = new double[nbins];
        double[] sp = new double[nbins];
        int[] cnt = new int[nbins];
        int bad = 0;
        int out = 0;
        for (int i = 0; i < phase.length; i++) {
            double p = phase[i];
            double f = flux[i];
            double s = err[i];
            if (!Double.isFinite(p) || !Double.isFinite(f) || !Double.isFinite(s) || !(s > 0)) {
                bad++;
                continue;
            }
            int b = index(p, min, max, nbins);
            if (b < 0) {
                out++;
                continue;
            }
            double wi = 1.0 / (s * s);
            sw[b] += wi;
            swf[b] += wi * f;
            sp[b] += p;
            cnt[b]++;
        }
        int kept = 0;
        for (int b = 0; b < nbins; b++) {
            if (cnt[b] > 0) {
                kept++;
            }
        }
        int[] idx = new int[kept];
        double[] ph = new double[kept];
        double[] fl = new double[kept];
        double[] er = new double[kept];
        int[] n = new int[kept];
        int k = 0;
        for (int b = 0; b < nbins; b++) {
            if (cnt[b] > 0) {
                idx[k] = b;
                ph[k] = sp[b] / cnt[b];
                fl[k] = swf[b] / sw[b];
                er[k] = 1.0 / Math.sqrt(sw[b]);
                n[k] = cnt[b];
                k++;
            }
        }
        return new BinnedCurve(nbins, min, max, idx, ph, fl, er, n, nbins - kept, out, bad);
    }

    /**
     * Bin of p, or -1 outside [min, max). Edge i is min + (max - min) * i / nbins, computed in that order so that
     * decimal edges come out as the nearest double (0 + 1.0 * 3 / 10 is 0.3, while 3 * 0.1 is 0.30000000000000004).
     */
    static int index(double p, double min, double max, int nbins) {
        if (!(p >= min) || !(p < max)) {
            return -1;
        }
        int b = (int) Math.floor((p - min) / (max - min) * nbins);
        b = Math.max(0, Math.min(nbins - 1, b));
        // the floor of a rounded quotient can be one off next to an edge: settle it against the edges themselves
        while (b > 0 && p < edge(min, max, nbins, b)) {
            b--;
        }
        while (b < nbins - 1 && p >= edge(min, max, nbins, b + 1)) {
            b++;
        }
        return b;
    }

    /** Lower edge of bin i (i = nbins gives max). */
    public static double edge(double min, double max, int nbins, int i) {
        return i == nbins ? max : min + (max - min) * i / nbins;
    }
}
