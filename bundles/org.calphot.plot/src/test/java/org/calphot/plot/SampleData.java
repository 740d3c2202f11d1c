// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic, realistic-looking inputs for every figure type (fixed seeds). */
final class SampleData {

    static final double T0 = 58403.0;
    static final double PERIOD = 0.0623628565;

    private SampleData() {
    }

    /** A flat-bottomed eclipse of depth 0.85 and width 0.06 in phase with 0.02-phase ingress/egress. */
    static double eclipseShape(double phase) {
        double p = Math.abs(phase - Math.rint(phase));
        double half = 0.03;
        double ramp = 0.01;
        if (p < half - ramp) {
            return 0.15;
        } else if (p < half + ramp) {
            double f = (p - (half - ramp)) / (2 * ramp);
            return 0.15 + 0.85 * f;
        }
        return 1.0;
    }

    static List<LightcurvePanel> lightcurve(int n, boolean withFlags) {
        String[] bands = {"r", "g", "u"};
        double[] base = {2.1, 1.6, 0.9};
        double[] noise = {0.03, 0.04, 0.09};
        List<LightcurvePanel> panels = new ArrayList<>();
        Random rnd = new Random(11);
        for (int b = 0; b < bands.length; b++) {
            double[] t = new double[n];
            double[] f = new double[n];
            double[] e = new double[n];
            boolean[] flag = withFlags ? new boolean[n] : null;
            for (int i = 0; i < n; i++) {
                t[i] = T0 + 0.4 + i * (1.5 * PERIOD / n);
                double phase = (t[i] - T0) / PERIOD;
                f[i] = base[b] * eclipseShape(phase) + noise[b] * rnd.nextGaussian();
                e[i] = noise[b];
                if (withFlags && rnd.nextDouble() < 0.02) {
                    flag[i] = true;
                    f[i] += 0.3 * base[b] * rnd.nextGaussian();
                }
            }
            panels.add(new LightcurvePanel(bands[b], t, f, e, flag, 14.2 - 3 * b));
        }
        return panels;
    }

    static List<ComparisonPanel> comparisons() {
        String[] bands = {"r", "g", "u"};
        Random rnd = new Random(5);
        List<ComparisonPanel> panels = new ArrayList<>();
        for (int b = 0; b < bands.length; b++) {
            List<ComparisonSeries> series = new ArrayList<>();
            String[] pairs = {"2/3", "2/4", "3/4"};
            for (int k = 0; k < pairs.length; k++) {
                int n = 600;
                double[] t = new double[n];
                double[] v = new double[n];
                double[] e = new double[n];
                double slope = k == 1 ? 0.35 : 0.01; // pair 2/4 drifts: comparison 4 is variable
                double sig = 0.004 * (b + 1);
                double tMid = T0 + 0.4 + (n / 2) * 0.0002;
                for (int i = 0; i < n; i++) {
                    t[i] = T0 + 0.4 + i * 0.0002;
                    v[i] = 1 + slope * (t[i] - tMid) + sig * rnd.nextGaussian();
                    e[i] = sig;
                }
                series.add(new ComparisonSeries(pairs[k], t, v, e, new LinearFit(slope, 1, tMid)));
            }
            panels.add(new ComparisonPanel(bands[b], series));
        }
        return panels;
    }

    static List<SeriesPanel> countRatios() {
        String[] bands = {"r", "g"};
        String[] nights = {"2018-10-05 run010", "2018-10-06 run004", "2018-10-08 run021"};
        Random rnd = new Random(3);
        List<SeriesPanel> panels = new ArrayList<>();
        for (int b = 0; b < bands.length; b++) {
            List<Series> s = new ArrayList<>();
            for (int k = 0; k < nights.length; k++) {
                int n = 400;
                double[] x = new double[n];
                double[] y = new double[n];
                double[] e = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = -0.25 + 0.5 * i / n;
                    y[i] = (0.15 + 0.01 * k) * eclipseShape(x[i]) + 0.004 * rnd.nextGaussian();
                    e[i] = 0.004;
                }
                s.add(new Series(nights[k], x, y, e));
            }
            panels.add(new SeriesPanel(bands[b], s));
        }
        return panels;
    }

    static List<ExtinctionAperture> extinction() {
        Random rnd = new Random(7);
        List<ExtinctionAperture> l = new ArrayList<>();
        double[] m0 = {13.9, 15.4, 16.3};
        double[] k = {0.182, 0.179, 0.190};
        for (int a = 0; a < 3; a++) {
            int n = 300;
            double[] x = new double[n];
            double[] m = new double[n];
            double[] e = new double[n];
            boolean[] rej = new boolean[n];
            double sig = 0.004 * (a + 1);
            for (int i = 0; i < n; i++) {
                x[i] = 1.05 + 1.1 * i / n;
                m[i] = m0[a] + k[a] * x[i] + sig * rnd.nextGaussian();
                e[i] = sig;
                if (rnd.nextDouble() < 0.02) {
                    m[i] += 0.1;
                    rej[i] = true;
                }
            }
            l.add(new ExtinctionAperture("Aperture " + (a + 1), x, m, e, rej, LinearFit.through(k[a], m0[a]),
                    0.002 * (a + 1)));
        }
        return l;
    }

    static EclipseFit eclipse() {
        Random rnd = new Random(9);
        double mid = T0 + 123 * PERIOD + 0.00001;
        int n = 240;
        double[] t = new double[n];
        double[] f = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = mid - 0.1 * PERIOD + i * (0.2 * PERIOD / n);
            f[i] = 1.8 * eclipseShape((t[i] - mid) / PERIOD) + 0.04 * rnd.nextGaussian();
            e[i] = 0.04;
        }
        int m = 1000;
        double[] mt = new double[m];
        double[] mf = new double[m];
        for (int i = 0; i < m; i++) {
            mt[i] = t[0] + (t[n - 1] - t[0]) * i / (m - 1);
            mf[i] = 1.8 * eclipseShape((mt[i] - mid) / PERIOD);
        }
        return new EclipseFit(t, f, e, mt, mf, mid, 2.3e-6);
    }

    static OcData oc() {
        Random rnd = new Random(4);
        int n = 54;
        double[] c = new double[n];
        double[] o = new double[n];
        double[] e = new double[n];
        int[] src = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = 1000 + i * 150 + rnd.nextInt(40);
            src[i] = i % 5 == 0 ? 1 : 0;
            e[i] = src[i] == 1 ? 6 : 2.5;
            o[i] = e[i] * rnd.nextGaussian();
        }
        return new OcData(c, o, e, src, new String[] {"ULTRACAM", "ULTRASPEC"});
    }

    /** T0, P and an error scale factor; walkers start spread 20σ out so the burn-in is visible. */
    static McmcSamples chain(int nWalkers, int nSteps) {
        Random rnd = new Random(2);
        int nDim = 3;
        double[] mu = {55000.1234567, 0.06236285648, 1.2};
        double[] sd = {2.0e-6, 9.0e-10, 0.12};
        double rho = -0.6;
        double[] s = new double[nSteps * nWalkers * nDim];
        double[][] z = new double[nWalkers][nDim];
        for (int w = 0; w < nWalkers; w++) {
            for (int d = 0; d < nDim; d++) {
                z[w][d] = 20 * rnd.nextGaussian();
            }
        }
        double a = 0.9;
        for (int st = 0; st < nSteps; st++) {
            for (int w = 0; w < nWalkers; w++) {
                for (int d = 0; d < nDim; d++) {
                    z[w][d] = a * z[w][d] + Math.sqrt(1 - a * a) * rnd.nextGaussian();
                }
                double z1 = z[w][0];
                double z2 = rho * z[w][0] + Math.sqrt(1 - rho * rho) * z[w][1];
                int base = (st * nWalkers + w) * nDim;
                s[base] = mu[0] + sd[0] * z1;
                s[base + 1] = mu[1] + sd[1] * z2;
                s[base + 2] = mu[2] + sd[2] * z[w][2];
            }
        }
        return new McmcSamples(nWalkers, nDim, nSteps, s, new String[] {"T0", "P", "s_ULTRASPEC"},
                new String[] {"BMJD", "d", ""});
    }
}
