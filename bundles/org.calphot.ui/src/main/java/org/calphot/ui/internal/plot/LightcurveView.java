package org.calphot.ui.internal.plot;

import java.util.ArrayList;
import java.util.List;

import org.calphot.pipeline.CcdResult;
import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.RunResult;
import org.calphot.plot.LightcurvePage;
import org.calphot.plot.LightcurvePanel;
import org.calphot.plot.XAxisKind;
import org.calphot.ui.internal.Prefs;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.jfree.chart.JFreeChart;

/**
 * The calibrated lightcurve of a log: one panel per band, flux (mJy) with 1σ error bars against orbital phase or
 * BMJD(TDB), count ratio on the right axis, frames with (ignored) flags as grey crosses. Frames inside the config's
 * phase range, as written to the lightcurve files.
 */
public final class LightcurveView extends ResultView {

    private XAxisKind xKind = "bmjd".equals(Prefs.store().getString(Prefs.PLOT_X)) ? XAxisKind.BMJD_TDB : XAxisKind.PHASE;
    private int panels;
    private int points;

    @Override
    protected String emptyMessage() {
        return "No lightcurve yet.\n\nOpen a cal_phot config (double-click a .yaml file in Observations) and press "
                + "Run Config: the calibrated lightcurve appears here, one panel per band.";
    }

    @Override
    protected void contributeActions(IToolBarManager tb, IMenuManager menu) {
        Action phase = axis("Phase", "x axis: orbital phase (cycles)", XAxisKind.PHASE);
        Action bmjd = axis("BMJD", "x axis: BMJD(TDB), days", XAxisKind.BMJD_TDB);
        tb.add(phase);
        tb.add(bmjd);
        tb.add(new org.eclipse.jface.action.Separator());
    }

    private Action axis(String text, String tip, XAxisKind kind) {
        Action a = new Action(text, IAction.AS_RADIO_BUTTON) {
            @Override
            public void run() {
                if (isChecked() && xKind != kind) {
                    xKind = kind;
                    redraw();
                }
            }
        };
        a.setToolTipText(tip);
        a.setChecked(kind == xKind);
        return a;
    }

    public void setXAxis(XAxisKind kind) {
        xKind = kind;
        redraw();
    }

    @Override
    protected JFreeChart build(RunResult run, LogResult log) {
        List<LightcurvePanel> list = new ArrayList<>();
        int n = 0;
        for (CcdResult c : log.ccds()) {
            int k = c.keptInPhase();
            double[] x = new double[k];
            double[] f = new double[k];
            double[] e = new double[k];
            boolean[] flagged = new boolean[k];
            double[] xs = xKind == XAxisKind.PHASE ? c.phase() : c.bmjdTdb();
            int j = 0;
            for (int i = 0; i < c.inPhaseRange().length; i++) {
                if (c.inPhaseRange()[i]) {
                    x[j] = xs[i];
                    f[j] = c.lightcurve().fluxMjy()[i];
                    e[j] = c.lightcurve().fluxErrMjy()[i];
                    flagged[j] = c.flags() != null && c.flags()[i] != 0;
                    j++;
                }
            }
            n += k;
            list.add(new LightcurvePanel(c.band() + " (CCD " + c.ccd() + ")", x, f, e, flagged,
                    c.lightcurve().comparisonFluxMjy()));
        }
        panels = list.size();
        points = n;
        if (list.isEmpty()) {
            return null;
        }
        String what = log.fluxCalibrated() ? "" : " (count ratio \u00d7 1 mJy)";
        return LightcurvePage.build(log.oname() + " \u2014 " + log.log().getFileName() + ", cycle " + log.cycle() + what,
                xKind, list);
    }

    @Override
    protected String exportStem(LogResult log) {
        return log.oname() + "_" + stem(log) + "_lightcurve";
    }

    static String stem(LogResult log) {
        String n = log.log().getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Bands (panels) in the chart shown. */
    public int panelCount() {
        return panel.chart() == null ? 0 : panels;
    }

    /** Points drawn over all panels. */
    public int pointCount() {
        return panel.chart() == null ? 0 : points;
    }
}
