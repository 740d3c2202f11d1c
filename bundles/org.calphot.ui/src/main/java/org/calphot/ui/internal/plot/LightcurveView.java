// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
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

    /** The y axis of the panels: flux (mJy), flux on a log scale, or AB magnitude (brighter up). */
    public enum YScale {
        FLUX, LOG_FLUX, AB_MAG
    }

    private YScale yScale = YScale.FLUX;
    private final List<Action> yActions = new ArrayList<>();
    private XAxisKind xKind = "bmjd".equals(Prefs.store().getString(Prefs.PLOT_X)) ? XAxisKind.BMJD_TDB : XAxisKind.PHASE;
    private LightcurveSet set;
    private int night;
    private boolean overlay;
    private Combo nightCombo;
    private Action overlayAction;
    private int panels;
    private int points;
    /** Selected points of the night shown: band index to indices into its arrays. */
    private final java.util.Map<Integer, java.util.BitSet> selected = new java.util.HashMap<>();
    private Action selectAction;
    private Action maskAction;

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

    /** x offset of the chart shown (BMJD axes count from a round day) and its panels' band labels. */
    private double shownOffset;
    private List<String> shownLabels = List.of();

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        panel.setDescriber(this::describe);
        String last = Prefs.store().getString(LAST_OUTPUT);
        if (set == null && last != null && !last.isBlank() && Files.isDirectory(Path.of(last))) {
            try {
                showFiles(Path.of(last));
            } catch (IOException e) {
                panel.setMessage("Cannot read the last run's lightcurves in " + last + ": " + e.getMessage());
            }
        }
    }

    /**
     * The view's own controls (night, overlay, x axis, y scale, Select, Mask Selected) in a row above the chart, one
     * small tool bar per group, that wraps onto a second line when the view is narrow. In the part's tool bar they
     * did not fit at the default window size, and GTK drew its overflow chevron over "Select" instead of hiding
     * the items cleanly; the part's tool bar keeps Reset Zoom and Export..., which fit.
     */
    private Composite controlRow;
    private final List<org.eclipse.jface.action.ToolBarManager> groups = new ArrayList<>();

    @Override
    protected Composite chartParent(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        org.eclipse.swt.layout.GridLayout gl = new org.eclipse.swt.layout.GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 0;
        body.setLayout(gl);
        controlRow = new Composite(body, SWT.NONE);
        org.eclipse.swt.layout.RowLayout rl = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
        rl.wrap = true;
        rl.center = true;
        rl.marginTop = 0;
        rl.marginBottom = 0;
        rl.spacing = 12;
        controlRow.setLayout(rl);
        controlRow.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.TOP, true, false));
        Composite chart = new Composite(body, SWT.NONE);
        chart.setLayout(new org.eclipse.swt.layout.FillLayout());
        chart.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true));
        return chart;
    }

    /** The row of the view's own tool bars above the chart (tests). */
    public Composite controlRow() {
        return controlRow;
    }

    private org.eclipse.jface.action.ToolBarManager group() {
        org.eclipse.jface.action.ToolBarManager m = new org.eclipse.jface.action.ToolBarManager(SWT.FLAT | SWT.RIGHT);
        groups.add(m);
        return m;
    }

    @Override
    public void dispose() {
        groups.forEach(org.eclipse.jface.action.ToolBarManager::dispose);
        groups.clear();
        super.dispose();
    }

    @Override
    protected void contributeActions(IToolBarManager partBar, IMenuManager menu) {
        org.eclipse.jface.action.ToolBarManager tb = group();
        tb.add(new ControlContribution("night") {
            @Override
            protected Control createControl(Composite parent) {
                nightCombo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
                nightCombo.setToolTipText("The night (log) shown");
                nightCombo.addListener(SWT.Selection, e -> {
                    if (nightCombo.getSelectionIndex() >= 0) {
                        selected.clear();
                        night = nightCombo.getSelectionIndex();
                        overlay = false;
                        overlayAction.setChecked(false);
                        redraw();
                    }
                });
                // only the items here: updating the tool bar while it makes this control re-enters it
                nightCombo.setItems(nightNames().toArray(new String[0]));
                nightCombo.setEnabled(nightNames().size() > 1);
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
        tb = group();
        Action phase = axis("Phase", "x axis: orbital phase (cycles)", XAxisKind.PHASE);
        Action bmjd = axis("BMJD", "x axis: BMJD(TDB), days", XAxisKind.BMJD_TDB);
        tb.add(phase);
        tb.add(bmjd);
        tb = group();
        yActions.add(yAction("mJy", "y axis: flux in mJy, linear, with the count ratio on the right", YScale.FLUX));
        yActions.add(yAction("Log", "y axis: flux in mJy on a log scale (points with flux \u2264 0 left out)",
                YScale.LOG_FLUX));
        yActions.add(yAction("Mag", "y axis: AB magnitude, -2.5 log10(flux / 3631 Jy), brighter up (points with "
                + "flux \u2264 0 left out)", YScale.AB_MAG));
        // one drop-down in the tool bar (three radio buttons there were cut off when the view was narrow, and GTK
        // drew their labels under the next item); the same choices, as radio items, in the view menu
        tb.add(new ControlContribution("yscale") {
            @Override
            protected Control createControl(Composite parent) {
                yCombo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
                yCombo.setItems(Y_LABELS);
                yCombo.select(yScale.ordinal());
                yCombo.setToolTipText("y axis: flux in mJy (with the count ratio on the right), flux on a log scale, "
                        + "or AB magnitude -2.5 log10(flux / 3631 Jy), brighter up");
                yCombo.addListener(SWT.Selection, e -> {
                    int i = yCombo.getSelectionIndex();
                    if (i >= 0 && YScale.values()[i] != yScale) {
                        setYScale(YScale.values()[i]);
                    }
                });
                return yCombo;
            }

            @Override
            protected int computeWidth(Control control) {
                return Math.max(110, control.computeSize(SWT.DEFAULT, SWT.DEFAULT, true).x);
            }
        });
        menu.add(new org.eclipse.jface.action.Separator());
        yActions.forEach(menu::add);
        tb = group();
        selectAction = new Action("Select", IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                setSelecting(isChecked());
            }
        };
        selectAction.setToolTipText("Drag boxes to select points (instead of zooming); then Mask Selected");
        tb.add(selectAction);
        maskAction = new Action("Mask Selected") {
            @Override
            public void run() {
                maskSelected(getSite().getPage());
            }
        };
        maskAction.setToolTipText("Write the selected frames into the config as 'mask points' and run it again");
        maskAction.setEnabled(false);
        tb.add(maskAction);
        for (org.eclipse.jface.action.ToolBarManager g : groups) {
            g.createControl(controlRow);
        }
        controlRow.getParent().layout(true, true);
    }

    /** The y scales as the tool bar's drop-down names them, in {@link YScale} order. */
    static final String[] Y_LABELS = {"y: mJy", "y: Log mJy", "y: AB mag"};
    private Combo yCombo;

    /** The tool bar's y-scale drop-down (tests). */
    public Combo yScaleCombo() {
        return yCombo;
    }

    /**
     * Panel labels are placed at a fraction of the range axis from its lower bound; on an inverted axis that
     * fraction counts from the top, so the label (at 0.985) would fall off the bottom: mirror it.
     */
    private static void flipPanelLabels(org.jfree.chart.plot.XYPlot p) {
        for (Object o : new ArrayList<>(p.getAnnotations())) {
            if (o instanceof org.jfree.chart.annotations.XYTitleAnnotation t) {
                org.jfree.chart.annotations.XYTitleAnnotation f = new org.jfree.chart.annotations.XYTitleAnnotation(
                        t.getX(), 1 - t.getY(), t.getTitle(), t.getTitleAnchor());
                f.setMaxWidth(t.getMaxWidth());
                f.setMaxHeight(t.getMaxHeight());
                p.removeAnnotation(t);
                p.addAnnotation(f);
            }
        }
    }

    private Action yAction(String text, String tip, YScale scale) {
        Action a = new Action(text, IAction.AS_RADIO_BUTTON) {
            @Override
            public void run() {
                if (isChecked() && yScale != scale) {
                    setYScale(scale);
                }
            }
        };
        a.setToolTipText(tip);
        a.setChecked(scale == yScale);
        return a;
    }

    /** Flux, log flux or AB magnitude on the y axes; UI thread. */
    public void setYScale(YScale scale) {
        yScale = scale;
        for (int i = 0; i < yActions.size(); i++) {
            yActions.get(i).setChecked(YScale.values()[i] == scale);
        }
        if (yCombo != null && !yCombo.isDisposed() && yCombo.getSelectionIndex() != scale.ordinal()) {
            yCombo.select(scale.ordinal());
        }
        redraw();
    }

    public YScale yScale() {
        return yScale;
    }

    /** The y values drawn for a band: flux (mJy), or its AB magnitude; NaN where the scale cannot show it. */
    private double[] y(double[] flux) {
        if (yScale == YScale.FLUX) {
            return flux;
        }
        double[] out = new double[flux.length];
        for (int i = 0; i < flux.length; i++) {
            double f = flux[i];
            out[i] = !(f > 0) ? Double.NaN : yScale == YScale.AB_MAG
                    ? org.calphot.core.photometry.AbMagnitudes.fromMilliJansky(f) : f;
        }
        return out;
    }

    /** The 1σ errors drawn: as the flux, or to first order in magnitude, 2.5 / ln 10 · σF / F. */
    private double[] yErr(double[] flux, double[] err) {
        if (yScale != YScale.AB_MAG || err == null) {
            return err;
        }
        double[] out = new double[err.length];
        for (int i = 0; i < err.length; i++) {
            out[i] = flux[i] > 0 ? 2.5 / Math.log(10) * err[i] / flux[i] : Double.NaN;
        }
        return out;
    }

    /**
     * Puts the chosen y axis on every panel: a log axis in mJy, or an inverted magnitude axis. The count ratio is
     * linear in flux, so it is shown on the linear flux scale only.
     */
    private void applyYScale(JFreeChart chart) {
        if (yScale == YScale.FLUX || !(chart.getPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot cp)) {
            return;
        }
        for (Object o : cp.getSubplots()) {
            org.jfree.chart.plot.XYPlot p = (org.jfree.chart.plot.XYPlot) o;
            org.jfree.chart.axis.ValueAxis old = p.getRangeAxis(0);
            org.jfree.chart.axis.ValueAxis a;
            if (yScale == YScale.AB_MAG) {
                org.jfree.chart.axis.NumberAxis m = new org.jfree.chart.axis.NumberAxis("AB magnitude");
                m.setAutoRangeIncludesZero(false);
                m.setInverted(true);
                // inverted: the lower bound is drawn at the top, where the band label sits
                m.setLowerMargin(old.getUpperMargin());
                m.setUpperMargin(old.getLowerMargin());
                a = m;
            } else {
                org.jfree.chart.axis.LogAxis l = new org.jfree.chart.axis.LogAxis("Flux (mJy, log scale)");
                l.setUpperMargin(old.getUpperMargin());
                l.setLowerMargin(old.getLowerMargin());
                a = l;
            }
            if (yScale == YScale.AB_MAG) {
                flipPanelLabels(p);
            }
            a.setLabelFont(old.getLabelFont());
            a.setLabelPaint(old.getLabelPaint());
            a.setTickLabelFont(old.getTickLabelFont());
            a.setTickLabelPaint(old.getTickLabelPaint());
            p.setRangeAxis(0, a);
            if (p.getRangeAxisCount() > 1) {
                p.setRangeAxis(1, null);
            }
        }
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
        selected.clear();
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

    /** Select mode on or off: boxes select points (added to the selection) instead of zooming. */
    public void setSelecting(boolean on) {
        if (selectAction != null) {
            selectAction.setChecked(on);
        }
        panel.setSelector(on ? this::select : null);
    }

    /** Adds the points of the night shown inside a box of one panel to the selection. */
    public void select(ChartPanel.SelectionBox box) {
        if (set == null || overlay) {
            return;
        }
        Night n = set.nights().get(night);
        if (box.panel() < 0 || box.panel() >= n.bands().size()) {
            return;
        }
        Band b = n.bands().get(box.panel());
        double[] xs = x(b);
        double[] ys = y(b.flux());
        java.util.BitSet bits = selected.computeIfAbsent(box.panel(), k -> new java.util.BitSet());
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] >= box.xLow() && xs[i] <= box.xHigh() && ys[i] >= box.yLow() && ys[i] <= box.yHigh()) {
                bits.set(i);
            }
        }
        redraw();
    }

    /** Number of points selected in the night shown. */
    public int selectedCount() {
        return selected.values().stream().mapToInt(java.util.BitSet::cardinality).sum();
    }

    public void clearSelection() {
        selected.clear();
        redraw();
    }

    /**
     * The selection as 'mask points' entries of the night's log: per CCD, consecutive selected frames as one BMJD(TDB)
     * range widened by 1e-6 d (0.09 s, far below any exposure spacing), so exactly those frames match.
     */
    public List<String> maskEntries() {
        List<String> out = new ArrayList<>();
        if (set == null) {
            return out;
        }
        Night n = set.nights().get(night);
        for (var e : new java.util.TreeMap<>(selected).entrySet()) {
            Band b = n.bands().get(e.getKey());
            java.util.BitSet bits = e.getValue();
            for (int i = bits.nextSetBit(0); i >= 0; ) {
                int j = i;
                while (bits.get(j + 1)) {
                    j++;
                }
                double lo = b.bmjdTdb()[i];
                double hi = b.bmjdTdb()[j];
                if (Double.isFinite(lo) && Double.isFinite(hi)) {
                    out.add(String.format(java.util.Locale.ROOT, "{ccd: %s, bmjd: [%.9f, %.9f]}  # %d frame%s, %s",
                            b.ccd(), Math.min(lo, hi) - 1e-6, Math.max(lo, hi) + 1e-6, j - i + 1, j > i ? "s" : "",
                            b.label()));
                }
                i = bits.nextSetBit(j + 1);
            }
        }
        return out;
    }

    /**
     * Writes the selection into the run's config ('mask points', in the editor when it is open) and runs it again;
     * the Lightcurve view then shows the result. Null (with a message) when that cannot be done.
     */
    public org.calphot.ui.internal.run.RunJob maskSelected(org.eclipse.ui.IWorkbenchPage page) {
        String why = null;
        List<String> entries = maskEntries();
        Night n = set == null ? null : set.nights().get(night);
        if (n == null || entries.isEmpty()) {
            why = "Select points first: turn on Select and drag a box round them (times are needed: CSV or a run,"
                    + " not a .calib alone).";
        } else if (set.config() == null || !Files.isRegularFile(set.config())) {
            why = "The config of this run is not known (no provenance.json naming it).";
        } else if (n.log() == null) {
            why = "The log of this night is not known.";
        }
        if (why != null) {
            org.eclipse.jface.dialogs.MessageDialog.openInformation(getSite().getShell(), "Mask Selected", why);
            return null;
        }
        Path cfg = set.config();
        Path log = n.log().isAbsolute() ? n.log() : cfg.toAbsolutePath().getParent().resolve(n.log());
        String key = cfg.toAbsolutePath().getParent().relativize(log.toAbsolutePath().normalize()).toString();
        try {
            org.calphot.ui.internal.editor.ConfigEditor ed = org.calphot.ui.internal.editor.ConfigEditor.open(page, cfg);
            org.eclipse.jface.text.IDocument doc = ed.source().document();
            doc.set(MaskText.add(doc.get(), key, entries));
            selected.clear();
            page.activate(ed);
            return org.calphot.ui.internal.run.RunConfigHandler.start(page);
        } catch (org.eclipse.ui.PartInitException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "Mask Selected",
                    "Cannot open " + cfg + ": " + e.getMessage());
            return null;
        }
    }

    public List<String> nightNames() {
        return set == null ? List.of() : set.nights().stream().map(Night::name).toList();
    }

    @Override
    public void show(RunResult run) {
        selected.clear();
        set = run == null ? null : LightcurveSet.of(run);
        night = 0;
        if (run != null) {
            rememberLastOutput(run.outputDir());
        }
        fillNights();
        super.show(run);
    }

    /** Shows the lightcurves a run wrote: an output folder, its MCMC_LIGHTCURVES folder or one lightcurve file. */
    public void showFiles(Path where) throws IOException {
        LightcurveSet s = LightcurveSet.read(where);
        selected.clear();
        set = s;
        night = 0;
        fillNights();
        if (s == null) {
            panel.setMessage("No calphot lightcurves (.csv or .calib) in " + where);
            return;
        }
        rememberLastOutput(s.outputDir());
        redraw();
    }

    /**
     * Remembers the output folder shown and writes the preference to disk at once, so the next start shows it
     * again even when this one ends without the workbench's own save (a crash, a kill).
     */
    private static void rememberLastOutput(Path outputDir) {
        Prefs.store().setValue(LAST_OUTPUT, outputDir.toAbsolutePath().toString());
        if (Prefs.store() instanceof org.eclipse.jface.preference.IPersistentPreferenceStore p) {
            try {
                p.save();
            } catch (IOException e) {
                // the workbench saves its preferences again when it closes
            }
        }
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
        nightCombo.pack();
        // the combo's tool item keeps the width it was made with: widen it to the names, then lay the row out again
        for (org.eclipse.swt.widgets.ToolItem it : ((org.eclipse.swt.widgets.ToolBar) nightCombo.getParent()).getItems()) {
            if (it.getControl() == nightCombo) {
                it.setWidth(Math.max(160, nightCombo.getSize().x));
            }
        }
        nightCombo.getParent().pack();
        controlRow.getParent().layout(true, true);
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

    /**
     * "g (CCD 2): 0.226 ± 0.0013 mJy at phase 0.0123" for the point under the pointer ("17.53 ± 0.0062 AB mag"
     * on the magnitude scale).
     */
    private String describe(org.jfree.chart.entity.XYItemEntity it) {
        JFreeChart c = panel.chart();
        if (c == null || !(c.getPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot cp)) {
            return null;
        }
        int panelIndex = -1;
        for (int i = 0; i < cp.getSubplots().size(); i++) {
            org.jfree.chart.plot.XYPlot p = (org.jfree.chart.plot.XYPlot) cp.getSubplots().get(i);
            for (int d = 0; d < p.getDatasetCount(); d++) {
                if (p.getDataset(d) == it.getDataset()) {
                    panelIndex = i;
                }
            }
        }
        if (panelIndex < 0 || panelIndex >= shownLabels.size()) {
            return null;
        }
        org.jfree.data.xy.XYDataset d = it.getDataset();
        int s = it.getSeriesIndex();
        int i = it.getItem();
        double xv = d.getXValue(s, i) + shownOffset;
        double y = d.getYValue(s, i);
        String err = "";
        if (d instanceof org.jfree.data.xy.IntervalXYDataset id) {
            double e = (id.getEndYValue(s, i) - id.getStartYValue(s, i)) / 2;
            if (Double.isFinite(e) && e > 0) {
                err = String.format(java.util.Locale.ROOT, " \u00b1 %.2g", e);
            }
        }
        String who = shownLabels.get(panelIndex) + (overlay ? ", " + d.getSeriesKey(s) : "");
        String where = overlay || xKind == XAxisKind.PHASE ? String.format(java.util.Locale.ROOT, "phase %.4f", xv)
                : String.format(java.util.Locale.ROOT, "BMJD(TDB) %.6f", xv);
        String unit = yScale == YScale.AB_MAG ? "AB mag" : "mJy";
        return String.format(java.util.Locale.ROOT, yScale == YScale.AB_MAG ? "%s: %.3f%s %s at %s"
                : "%s: %.4g%s %s at %s", who, y, err, unit, where);
    }

    private double[] x(Band b) {
        return xKind == XAxisKind.PHASE ? b.phase() : b.bmjdTdb();
    }

    private JFreeChart build(Night n) {
        List<LightcurvePanel> list = new ArrayList<>();
        int k = 0;
        for (Band b : n.bands()) {
            list.add(new LightcurvePanel(b.label(), x(b), y(b.flux()), yErr(b.flux(), b.err()), b.flagged(),
                    b.comparisonFluxMjy()));
            k += b.flux().length;
        }
        panels = list.size();
        points = k;
        if (list.isEmpty()) {
            return null;
        }
        JFreeChart chart = LightcurvePage.build(n.title(), xKind, list);
        shownOffset = xKind.offset(n.bands().stream().map(this::x).toArray(double[][]::new));
        shownLabels = n.bands().stream().map(Band::label).toList();
        applyYScale(chart);
        highlight(chart, n);
        return chart;
    }

    /** Selected points as red rings over their panel (dataset 2 of the panel). */
    private void highlight(JFreeChart chart, Night n) {
        if (maskAction != null) {
            maskAction.setEnabled(selectedCount() > 0);
        }
        if (selected.isEmpty() || !(chart.getPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot cp)) {
            return;
        }
        double offset = xKind.offset(n.bands().stream().map(this::x).toArray(double[][]::new));
        for (var e : selected.entrySet()) {
            Band b = n.bands().get(e.getKey());
            java.util.BitSet bits = e.getValue();
            double[][] xy = new double[2][bits.cardinality()];
            double[] ys = y(b.flux());
            int j = 0;
            for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
                xy[0][j] = x(b)[i] - offset;
                xy[1][j] = ys[i];
                j++;
            }
            org.jfree.data.xy.DefaultXYDataset d = new org.jfree.data.xy.DefaultXYDataset();
            d.addSeries("selected", xy);
            org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(
                    false, true);
            r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
            r.setSeriesPaint(0, java.awt.Color.RED);
            r.setSeriesShapesFilled(0, false);
            r.setSeriesStroke(0, new java.awt.BasicStroke(2f));
            r.setSeriesVisibleInLegend(0, false);
            org.jfree.chart.plot.XYPlot p = (org.jfree.chart.plot.XYPlot) cp.getSubplots().get(e.getKey());
            p.setDataset(2, d);
            p.setRenderer(2, r);
            p.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        }
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
                nights.add(b == null ? null : new Series(n.name(), b.phase(), y(b.flux()), yErr(b.flux(), b.err())));
                k += b == null ? 0 : b.flux().length;
            }
            bands.add(nights);
        }
        panels = labels.size();
        points = k;
        shownLabels = List.copyOf(labels);
        shownOffset = 0;
        JFreeChart chart = NightsOverlay.build(set.nights().size() + " nights in phase \u2014 "
                + set.outputDir().getFileName(), XAxisKind.PHASE, labels, bands);
        applyYScale(chart);
        return chart;
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
