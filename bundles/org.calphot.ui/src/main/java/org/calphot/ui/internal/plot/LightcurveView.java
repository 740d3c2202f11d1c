package org.calphot.ui.internal.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.RunResult;
import org.calphot.plot.LightcurvePage;
import org.calphot.plot.LightcurvePanel;
import org.calphot.plot.NightsOverlay;
import org.calphot.plot.Series;
import org.calphot.plot.XAxisKind;
import org.calphot.ui.internal.Prefs;
import org.calphot.ui.internal.plot.LightcurveSet.Band;
import org.calphot.ui.internal.plot.LightcurveSet.Night;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ControlContribution;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.jfree.chart.JFreeChart;

/**
 * The calibrated lightcurves of a run: one panel per band, flux (mJy) with 1σ error bars against orbital phase or
 * BMJD(TDB), count ratio on the right axis, frames with (ignored) flags as grey crosses; a night (log) selector in
 * the toolbar, or all nights overlaid in phase with a legend per night. Frames inside the config's phase range, as
 * written to the lightcurve files. The last run shown is read back from its files when the view opens again (after
 * a restart too), so what it shows is what is on disk.
 */
public final class LightcurveView extends ResultView {

    /** Preference: the output folder of the last run shown, read again when the view is created. */
    public static final String LAST_OUTPUT = "lightcurve.lastOutput";

    private XAxisKind xKind = "bmjd".equals(Prefs.store().getString(Prefs.PLOT_X)) ? XAxisKind.BMJD_TDB : XAxisKind.PHASE;
    private LightcurveSet set;
    private int night;
    private boolean overlay;
    private Combo nightCombo;
    private Action overlayAction;
    private int panels;
    private int points;

    @Override
    protected String emptyMessage() {
        return "No lightcurve yet.\n\nOpen a cal_phot config (double-click a .yaml file in Observations) and press "
                + "Run Config: the calibrated lightcurve appears here, one panel per band. Double-click a .calib or "
                + ".csv lightcurve in Observations to show a run's files.";
    }

    @Override
    protected boolean logMenu() {
        return false;
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        String last = Prefs.store().getString(LAST_OUTPUT);
        if (set == null && last != null && !last.isBlank() && Files.isDirectory(Path.of(last))) {
            try {
                showFiles(Path.of(last));
            } catch (IOException e) {
                panel.setMessage("Cannot read the last run's lightcurves in " + last + ": " + e.getMessage());
            }
        }
    }

    @Override
    protected void contributeActions(IToolBarManager tb, IMenuManager menu) {
        tb.add(new ControlContribution("night") {
            @Override
            protected Control createControl(Composite parent) {
                nightCombo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
                nightCombo.setToolTipText("The night (log) shown");
                nightCombo.addListener(SWT.Selection, e -> {
                    if (nightCombo.getSelectionIndex() >= 0) {
                        night = nightCombo.getSelectionIndex();
                        overlay = false;
                        overlayAction.setChecked(false);
                        redraw();
                    }
                });
                fillNights();
                return nightCombo;
            }

            @Override
            protected int computeWidth(Control control) {
                return Math.max(160, control.computeSize(SWT.DEFAULT, SWT.DEFAULT, true).x);
            }
        });
        overlayAction = new Action("All Nights", IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                setOverlay(isChecked());
            }
        };
        overlayAction.setToolTipText("Every night in phase, one colour per night, one panel per band");
        tb.add(overlayAction);
        tb.add(new org.eclipse.jface.action.Separator());
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

    /** All nights overlaid in phase (true) or the selected night. */
    public void setOverlay(boolean on) {
        overlay = on;
        if (overlayAction != null) {
            overlayAction.setChecked(on);
        }
        redraw();
    }

    /** Selects a night (log) by its index in {@link #nightNames()}. */
    public void selectNight(int i) {
        night = i;
        overlay = false;
        if (overlayAction != null) {
            overlayAction.setChecked(false);
        }
        if (nightCombo != null && !nightCombo.isDisposed()) {
            nightCombo.select(i);
        }
        redraw();
    }

    public List<String> nightNames() {
        return set == null ? List.of() : set.nights().stream().map(Night::name).toList();
    }

    @Override
    public void show(RunResult run) {
        set = run == null ? null : LightcurveSet.of(run);
        night = 0;
        if (run != null) {
            Prefs.store().setValue(LAST_OUTPUT, run.outputDir().toAbsolutePath().toString());
        }
        fillNights();
        super.show(run);
    }

    /** Shows the lightcurves a run wrote: an output folder, its MCMC_LIGHTCURVES folder or one lightcurve file. */
    public void showFiles(Path where) throws IOException {
        LightcurveSet s = LightcurveSet.read(where);
        set = s;
        night = 0;
        fillNights();
        if (s == null) {
            panel.setMessage("No calphot lightcurves (.csv or .calib) in " + where);
            return;
        }
        Prefs.store().setValue(LAST_OUTPUT, s.outputDir().toAbsolutePath().toString());
        redraw();
    }

    /** What is shown: the run's nights, else null. */
    public LightcurveSet lightcurves() {
        return set;
    }

    private void fillNights() {
        if (nightCombo == null || nightCombo.isDisposed()) {
            return;
        }
        nightCombo.setItems(nightNames().toArray(new String[0]));
        if (!nightNames().isEmpty()) {
            nightCombo.select(Math.min(night, nightNames().size() - 1));
        }
        nightCombo.setEnabled(nightNames().size() > 1);
        nightCombo.getParent().layout(true);
        getViewSite().getActionBars().getToolBarManager().update(true);
    }

    @Override
    protected void redraw() {
        if (panel == null || panel.isDisposed()) {
            return;
        }
        if (set == null || set.nights().isEmpty()) {
            panels = 0;
            points = 0;
            panel.setChart(null, null);
            setContentDescription("");
            return;
        }
        night = Math.min(night, set.nights().size() - 1);
        Night n = set.nights().get(night);
        JFreeChart c = overlay ? buildOverlay() : build(n);
        if (c == null) {
            panel.setMessage("Nothing to show for " + n.name());
        } else {
            panel.setChart(c, overlay ? "all_nights_lightcurve" : n.stem());
        }
        setContentDescription((overlay ? set.nights().size() + " nights in phase" : n.name()) + "  \u2192  "
                + set.outputDir().getFileName());
        setTitleToolTip(set.outputDir().toString());
        Path figs = set.outputDir().resolve("MCMC_LIGHTCURVES").resolve("FIGS");
        panel.setExportFolder(Files.isDirectory(figs) ? figs : set.outputDir());
    }

    private double[] x(Band b) {
        return xKind == XAxisKind.PHASE ? b.phase() : b.bmjdTdb();
    }

    private JFreeChart build(Night n) {
        List<LightcurvePanel> list = new ArrayList<>();
        int k = 0;
        for (Band b : n.bands()) {
            list.add(new LightcurvePanel(b.label(), x(b), b.flux(), b.err(), b.flagged(), b.comparisonFluxMjy()));
            k += b.flux().length;
        }
        panels = list.size();
        points = k;
        return list.isEmpty() ? null : LightcurvePage.build(n.title(), xKind, list);
    }

    /** One panel per band label (first seen order), one series per night, always against phase. */
    private JFreeChart buildOverlay() {
        List<String> labels = new ArrayList<>();
        for (Night n : set.nights()) {
            for (Band b : n.bands()) {
                if (!labels.contains(b.label())) {
                    labels.add(b.label());
                }
            }
        }
        List<List<Series>> bands = new ArrayList<>();
        int k = 0;
        for (String l : labels) {
            List<Series> nights = new ArrayList<>();
            for (Night n : set.nights()) {
                Band b = n.bands().stream().filter(x -> x.label().equals(l)).findFirst().orElse(null);
                nights.add(b == null ? null : new Series(n.name(), b.phase(), b.flux(), b.err()));
                k += b == null ? 0 : b.flux().length;
            }
            bands.add(nights);
        }
        panels = labels.size();
        points = k;
        return NightsOverlay.build(set.nights().size() + " nights in phase \u2014 " + set.outputDir().getFileName(),
                XAxisKind.PHASE, labels, bands);
    }

    @Override
    protected JFreeChart build(RunResult run, LogResult log) {
        // drawn from the LightcurveSet (see redraw); kept for the ResultView contract
        return build(LightcurveSet.of(new RunResult(run.outputDir(), run.newRunFolder(), List.of(log), run.files(),
                run.provenance())).nights().get(0));
    }

    @Override
    protected String exportStem(LogResult log) {
        return log.oname() + "_" + stem(log) + "_lightcurve";
    }

    static String stem(LogResult log) {
        return LightcurveSet.stem(log.log().getFileName().toString());
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
