// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.photometry.ExtinctionFitter;
import org.calphot.core.photometry.ExtinctionOptions;
import org.calphot.core.photometry.ExtinctionResult;
import org.osgi.service.component.annotations.Component;

/**
 * calc_extinction, corrected: m = -2.5 log10(counts / exposure) with each frame's own exposure,
 * sigma_m = 2.5 / ln10 * sigma_counts / counts (the original used log10 e, 2.5 times too small), a line
 * per aperture and cam_cal's joint fit (one k, one free offset per aperture; the target, aperture 1, left out
 * unless the apertures are named), both with iterative clipping and 1-sigma errors scaled by sqrt(reduced
 * chi-square), and a red-noise error ({@link RedNoise}); the larger is the error reported.
 */
@Component(service = ExtinctionFitter.class, property = "name=default")
public final class DefaultExtinctionFitter implements ExtinctionFitter {

    /** 2.5 / ln 10 = 1.0857: magnitude error per relative count error. */
    static final double MAG_PER_FRAC = 2.5 / Math.log(10.0);

    @Override
    public ExtinctionResult fit(CcdTable ccd, String band, double[] airmass, ExtinctionOptions options)
            throws CalphotException {
        ExtinctionOptions opt = options == null ? ExtinctionOptions.DEFAULTS : options;
        Location loc = Location.key(null, 0, "ccd " + ccd.ccd());
        if (airmass.length != ccd.rows()) {
            throw new IllegalArgumentException("airmass has " + airmass.length + " values for " + ccd.rows() + " rows");
        }
        List<String> labels = opt.apertures().isEmpty() ? ccd.apertureLabels() : opt.apertures();
        boolean[] timeOk = Frames.mjdOk(ccd);
        double[] exp = Frames.exposure(ccd);
        double[] mjd = ccd.mjdUtc();
        List<double[][]> series = new ArrayList<>();
        int total = 0;
        for (String l : labels) {
            ApertureTable a = ccd.aperture(l);
            if (a == null) {
                throw new BadInputException("CCD " + ccd.ccd() + " has no aperture '" + l + "'", loc);
            }
            double[][] s = new double[4][ccd.rows()];
            int n = 0;
            for (int r = 0; r < ccd.rows(); r++) {
                if (!timeOk[r] || !Frames.measured(a, r) || Frames.badFlags(a, r, opt.ignoreFlags()) != 0
                        || !(exp[r] > 0) || !(airmass[r] >= 1.0) || !Double.isFinite(airmass[r])) {
                    continue;
                }
                double c = a.counts().value(r);
                if (!(c > 0)) {
                    continue;
                }
                s[0][n] = mjd[r];
                s[1][n] = airmass[r];
                s[2][n] = -2.5 * Math.log10(c / exp[r]);
                s[3][n] = MAG_PER_FRAC * a.countsError().value(r) / c;
                n++;
            }
            for (int q = 0; q < 4; q++) {
                s[q] = Arrays.copyOf(s[q], n);
            }
            series.add(s);
            total += n;
        }
        // joint fit: every aperture asked for; by default all but the target (aperture 1, the variable) when there
        // are other apertures
        boolean[] inJoint = new boolean[series.size()];
        List<String> jointLabels = new ArrayList<>();
        for (int g = 0; g < series.size(); g++) {
            inJoint[g] = !opt.apertures().isEmpty() || !labels.get(g).equals(TARGET) || labels.size() == 1;
            if (inJoint[g]) {
                jointLabels.add(labels.get(g));
            }
        }
        int totalJoint = 0;
        for (int g = 0; g < series.size(); g++) {
            totalJoint += inJoint[g] ? series.get(g)[0].length : 0;
        }
        double[] t = new double[totalJoint];
        double[] x = new double[totalJoint];
        double[] y = new double[totalJoint];
        double[] sig = new double[totalJoint];
        int[] grp = new int[totalJoint];
        int p = 0;
        for (int g = 0; g < series.size(); g++) {
            if (!inJoint[g]) {
                continue;
            }
            double[][] s = series.get(g);
            for (int i = 0; i < s[0].length; i++) {
                t[p] = s[0][i];
                x[p] = s[1][i];
                y[p] = s[2][i];
                sig[p] = s[3][i];
                grp[p] = g;
                p++;
            }
        }
        total = totalJoint;
        if (total < labels.size() + 2) {
            throw new BadInputException(String.format(Locale.ROOT, "CCD %s: only %d usable points for an extinction"
                    + " fit of %d apertures", ccd.ccd(), total, labels.size()), loc);
        }
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            xmin = Math.min(xmin, v);
            xmax = Math.max(xmax, v);
        }
        if (xmax - xmin < opt.minAirmassRange()) {
            throw new BadInputException(String.format(Locale.ROOT, "CCD %s: airmass range %.3f (%.3f to %.3f) is below"
                    + " %.2f; extinction cannot be measured from this run (use a longer run over a wider airmass"
                    + " range)", ccd.ccd(), xmax - xmin, xmin, xmax, opt.minAirmassRange()), loc);
        }
        GroupLineFit joint = GroupLineFit.fit(x, y, sig, grp, labels.size(), opt.clipSigma());
        RedNoise.KError jointRed = RedNoise.kError(t, x, y, sig, grp, joint.used, joint.offset, joint.k, joint.kErr,
                labels.size());
        List<ExtinctionResult.ApertureFit> fits = new ArrayList<>();
        for (int g = 0; g < series.size(); g++) {
            double[][] s = series.get(g);
            int n = s[0].length;
            GroupLineFit f = GroupLineFit.fit(s[1], s[2], s[3], new int[n], 1, opt.clipSigma());
            RedNoise.KError red = RedNoise.kError(s[0], s[1], s[2], s[3], new int[n], f.used, f.offset, f.k, f.kErr, 1);
            fits.add(new ExtinctionResult.ApertureFit(labels.get(g), f.k, larger(f.kErr, red.kErr()), f.offset[0],
                    f.offsetErr[0], f.chi2nu, f.nUsed, f.nClipped, s[0], s[1], s[2], s[3], f.used, f.kErr,
                    red.kErr()));
        }
        double umin = Double.POSITIVE_INFINITY;
        double umax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < total; i++) {
            if (joint.used[i]) {
                umin = Math.min(umin, x[i]);
                umax = Math.max(umax, x[i]);
            }
        }
        return new ExtinctionResult(ccd.ccd(), band, fits, joint.k, larger(joint.kErr, jointRed.kErr()), joint.offset,
                joint.offsetErr, joint.chi2nu, joint.nUsed, joint.nClipped, umin, umax, joint.kErr, jointRed.kErr(),
                jointLabels);
    }

    /** The error the budget uses: the larger of the white-noise and red-noise errors. */
    private static double larger(double white, double red) {
        return Double.isFinite(red) && red > white ? red : white;
    }

    /** The target aperture, left out of the joint fit unless the apertures are named. */
    static final String TARGET = "1";
}
