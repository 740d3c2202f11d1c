// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.ephemeris.OcTable;
import org.calphot.mcmc.Chain;
import org.calphot.plot.CornerPlot;
import org.calphot.plot.EclipseFit;
import org.calphot.plot.EclipseFitFigure;
import org.calphot.plot.FigurePage;
import org.calphot.plot.McmcSamples;
import org.calphot.plot.OcData;
import org.calphot.plot.OcFigure;
import org.calphot.plot.TraceFigure;
import org.jfree.chart.JFreeChart;

/** Eclipse-timing and ephemeris records turned into the plot bundle's figures. */
public final class EphemerisFigures {

    private EphemerisFigures() {
    }

    /** Data in the fit window with error bars, the fitted profile on a fine grid, the mid-time and its 1 sigma. */
    public static JFreeChart eclipse(String title, String yLabel, EclipseTiming t) {
        double[] tt = t.fitBmjdTdb();
        int n = Math.max(400, 4 * tt.length);
        double[] grid = new double[n];
        double a = tt[0];
        double b = tt[tt.length - 1];
        for (int i = 0; i < n; i++) {
            grid[i] = a + (b - a) * i / (n - 1);
        }
        EclipseFit fit = new EclipseFit(tt, t.fitFlux(), scaledErrors(t), grid, t.modelAt(grid), t.midBmjdTdb(),
                t.error());
        JFreeChart c = EclipseFitFigure.build(title, yLabel, fit);
        if (t.hasContacts()) {
            // the white dwarf's mid-ingress and mid-egress the time is the mean of
            double offset = org.calphot.plot.XAxisKind.BMJD_TDB.offset(fit.bmjdTdb(), fit.modelBmjdTdb());
            if (c.getPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot cp) {
                for (Object o : cp.getSubplots()) {
                    org.jfree.chart.plot.XYPlot sp = (org.jfree.chart.plot.XYPlot) o;
                    for (double[] x : new double[][] {{t.ingressBmjdTdb(), 0}, {t.egressBmjdTdb(), 1}}) {
                        org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(x[0] - offset,
                                new java.awt.Color(0xB0, 0x30, 0x60), new java.awt.BasicStroke(1.5f,
                                        java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                                        new float[] {2f, 3f}, 0f));
                        if (sp == cp.getSubplots().get(0)) {
                            m.setLabel(x[1] == 0 ? "WD ingress" : "WD egress");
                            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
                            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
                        }
                        sp.addDomainMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
                    }
                }
            }
            // one short line in a small font, so a small Eclipse Fits view keeps its plot; the dotted lines are
            // labelled on the plot; for wd-contacts the curve is only the model the residuals are taken from
            c.addSubtitle(compact(String.format(Locale.ROOT, "model %s: WD width %.1f s, \u00b1%.2f s (%s); curve: %s",
                    t.model(), t.wdWidth() * 86400, t.error() * 86400, t.errMethod(),
                    "wd-contacts".equals(t.model()) ? "WD+spot fit, for residuals" : "WD+spot+baseline fit")));
        } else {
            c.addSubtitle(compact(String.format(Locale.ROOT, "model %s; \u00b1%.2f s (%s)", t.model(), t.error() * 86400,
                    t.errMethod())));
        }
        // the time axis often ends on a tick: room on the right so its label is not cut in half
        c.setPadding(new org.jfree.chart.ui.RectangleInsets(6, 6, 6, 34));
        return c;
    }

    private static org.jfree.chart.title.TextTitle compact(String text) {
        return new org.jfree.chart.title.TextTitle(text, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN,
                10));
    }

    /** The error bars the likelihood used: the input errors times the applied scale factor. */
    private static double[] scaledErrors(EclipseTiming t) {
        double[] e = t.fitFluxErr().clone();
        double s = Double.isFinite(t.errorScale()) && t.errorScale() > 0 ? t.errorScale() : 1;
        for (int i = 0; i < e.length; i++) {
            e[i] *= s;
        }
        return e;
    }

    /** O - C in seconds against cycle, one series per source; the subtitle states the ephemeris and chi2. */
    public static JFreeChart oc(EphemerisFit fit) {
        OcTable oc = fit.oc();
        Map<Integer, Integer> dense = new LinkedHashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        int[] src = new int[oc.cycles().length];
        double[] cycles = new double[src.length];
        for (int i = 0; i < src.length; i++) {
            int id = oc.sourceIds()[i];
            Integer k = dense.get(id);
            if (k == null) {
                k = dense.size();
                dense.put(id, k);
                names.put(k, oc.sourceNames()[i]);
            }
            src[i] = k;
            cycles[i] = oc.cycles()[i];
        }
        String[] sourceNames = names.values().toArray(new String[0]);
        OcData data = new OcData(cycles, oc.ocSeconds(), oc.errorSeconds(), src, sourceNames);
        String subtitle = String.format(Locale.ROOT, "T(E) = %s + %s E  BMJD(TDB);  %s, \u03c7\u00b2\u03bd = %.2f (%d dof)",
                parenthesised(fit.t0(), fit.t0Err()), parenthesised(fit.period(), fit.periodErr()),
                "mcmc".equals(fit.method()) ? "MCMC medians \u00b1 1\u03c3" : "least squares",
                fit.reducedChi2(), fit.dof());
        return OcFigure.build(String.format(Locale.ROOT, "O \u2212 C of %d eclipse times", fit.nEclipses()), subtitle,
                data);
    }

    /** Corner plot of the post burn-in chain (T0, P and any error-scale factors). */
    public static FigurePage corner(EphemerisFit fit) {
        EphemerisFit.McmcInfo i = fit.mcmc();
        return CornerPlot.build(String.format(Locale.ROOT, "Ephemeris posterior: %d walkers \u00d7 %d steps, burn-in %d",
                i.chain().nWalkers(), i.chain().nSteps(), i.burn()), samples(i.chain()), i.burn(), null);
    }

    /** Walker traces with the burn-in shaded. */
    public static JFreeChart traces(EphemerisFit fit) {
        EphemerisFit.McmcInfo i = fit.mcmc();
        return TraceFigure.build(String.format(Locale.ROOT, "Ephemeris MCMC walkers (seed %d, acceptance %.2f)",
                i.seed(), i.meanAcceptance()), samples(i.chain()), i.burn());
    }

    static McmcSamples samples(Chain c) {
        String[] units = new String[c.nDim()];
        String[] names = c.names().clone();
        for (int d = 0; d < units.length; d++) {
            units[d] = d < 2 ? "d" : "";
            if (d == 0 && "T0".equals(names[d])) {
                names[d] = "T0 (BMJD TDB)";
            }
        }
        return new McmcSamples(c.nWalkers(), c.nDim(), c.nSteps(), c.samples(), names, units);
    }

    /**
     * {@code 54914.3322920(28)}: the value to the error's second significant digit, the error in
     * those last digits.
     */
    public static String parenthesised(double value, double err) {
        if (!(err > 0) || !Double.isFinite(err) || !Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%.10g", value);
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(err)));
        long digits = Math.round(err * Math.pow(10, decimals));
        return String.format(Locale.ROOT, "%." + decimals + "f(%d)", value, digits);
    }
}
