package org.calphot.ui.internal.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.CancelledException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.ExtinctionFitter;
import org.calphot.core.photometry.ExtinctionResult;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.time.AirmassFormula;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.Ephemeris;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.ephemeris.EphemerisFitFile;
import org.calphot.ephemeris.EphemerisFitter;
import org.calphot.ephemeris.EphemerisTool;
import org.calphot.ephemeris.McmcOptions;
import org.calphot.mcmc.Chain;
import org.calphot.mcmc.ChainIO;
import org.calphot.photometry.AirmassSource;
import org.calphot.photometry.ExtinctionTool;
import org.calphot.photometry.PhotometryServices;
import org.calphot.pipeline.EclipseTimesTool;
import org.calphot.pipeline.FigureWriter;
import org.calphot.pipeline.Figures;
import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.OutputFiles;
import org.calphot.plot.CornerPlot;
import org.calphot.plot.McmcSamples;
import org.calphot.plot.OcData;
import org.calphot.plot.OcFigure;
import org.calphot.plot.TraceFigure;
import org.calphot.core.time.SkyPosition;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.UiPlugin;
import org.calphot.ui.internal.plot.FigureView;
import org.calphot.ui.internal.plot.FigureView.Figure;
import org.calphot.ui.internal.run.ConsoleView;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.progress.IProgressConstants;

/**
 * The analyses beside a run, from the Observations view: extinction of a log, eclipse times of logs, an ephemeris
 * fit of eclipse times, and opening what {@code calphot extinction}, {@code eclipse-times} and {@code ephemeris}
 * wrote. Each runs as a background job through the same tools as the command line (same files written, same
 * figures), reports in the Run Console and shows its figures in a plot view.
 */
public final class Analyses {

    /** What {@link #fitExtinction} needs: as {@code calphot extinction LOG --site --target [--apertures]}. */
    public record ExtinctionRequest(Path log, String site, String target, List<String> apertures,
            double minAirmassRange, Path outDir) {
    }

    /** What {@link #timeEclipses} needs: as {@code calphot eclipse-times LOG... --target --site [--ephemeris]}. */
    public record TimingRequest(List<Path> logs, String site, String target, Ephemeris prior, Path outDir) {
    }

    private static final String RATIO = "Target / comparison count ratio";

    private Analyses() {
    }

    // ---------------------------------------------------------------- context menu and dialogs

    /** Adds the analyses that fit the selection to the Observations view's context menu. */
    public static void fillContextMenu(IMenuManager menu, IStructuredSelection selection, IWorkbenchPage page,
            Path root) {
        List<Path> files = new ArrayList<>();
        for (Object o : selection.toList()) {
            Path p = o instanceof ObservationsView.RunGroup g ? g.log() : o instanceof Path q ? q : null;
            if (p != null) {
                files.add(p);
            }
        }
        List<Path> logs = files.stream().filter(f -> ObservationsView.Kind.of(f) == ObservationsView.Kind.LOG)
                .toList();
        Shell shell = page.getWorkbenchWindow().getShell();
        if (logs.size() == 1) {
            menu.add(action("Fit Extinction...", "Extinction coefficients per CCD from this log (calphot extinction)",
                    () -> {
                        ToolDialog d = extinctionDialog(shell, logs.get(0), root);
                        if (d.open() == Window.OK) {
                            fitExtinction(page, extinctionRequest(logs.get(0), d.values()));
                        }
                    }));
        }
        if (!logs.isEmpty()) {
            menu.add(action(logs.size() == 1 ? "Time Eclipses..." : "Time Eclipses of " + logs.size() + " Logs...",
                    "Mid-eclipse times by MCMC into EPHEMERIS/eclipse_times.txt (calphot eclipse-times)", () -> {
                        ToolDialog d = timingDialog(shell, logs, root);
                        if (d.open() == Window.OK) {
                            timeEclipses(page, timingRequest(logs, d.values()));
                        }
                    }));
        }
        if (files.size() == 1) {
            Path f = files.get(0);
            ObservationsView.Kind k = ObservationsView.Kind.of(f);
            if (k == ObservationsView.Kind.ECLIPSE_TIMES) {
                menu.add(action("Show O\u2212C (Least Squares)", "O\u2212C against the least-squares ephemeris",
                        () -> open(page, f)));
                menu.add(action("Fit Ephemeris (MCMC)", "T0 and P by MCMC, O\u2212C, traces and corner plot; writes "
                        + "ephemeris_fit.txt, ephemeris_chain.txt and the figures beside the file (calphot ephemeris)",
                        () -> fitEphemeris(page, f)));
            } else if (k == ObservationsView.Kind.EXTINCTION || k == ObservationsView.Kind.EPHEMERIS_FIT
                    || k == ObservationsView.Kind.CHAIN) {
                menu.add(action("Open", "Show the figures of this result", () -> open(page, f)));
            }
        }
    }

    private static org.eclipse.jface.action.Action action(String text, String tip, Runnable r) {
        org.eclipse.jface.action.Action a = new org.eclipse.jface.action.Action(text) {
            @Override
            public void run() {
                r.run();
            }
        };
        a.setToolTipText(tip);
        return a;
    }

    private static String required(String v) {
        return v.isEmpty() ? "required" : null;
    }

    private static String position(String v) {
        if (v.isEmpty()) {
            return "required";
        }
        try {
            SkyPosition.parse(v, Location.NONE);
            return null;
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }

    private static String ephemeris(String v) {
        if (v.isEmpty()) {
            return null;
        }
        try {
            parseEphemeris(v);
            return null;
        } catch (IllegalArgumentException e) {
            return "two numbers expected: T0 (BMJD TDB) and the period (days)";
        }
    }

    private static Ephemeris parseEphemeris(String v) {
        String[] t = v.strip().split("[\\s,]+");
        if (t.length != 2) {
            throw new IllegalArgumentException("two numbers");
        }
        return new Ephemeris(Double.parseDouble(t[0]), Double.parseDouble(t[1]));
    }

    private static String positiveNumber(String v) {
        try {
            return Double.parseDouble(v) > 0 ? null : "must be positive";
        } catch (NumberFormatException e) {
            return "not a number";
        }
    }

    private static String folder(String v) {
        return v.isEmpty() ? "required" : null;
    }

    /** Site, target, apertures, minimum airmass range, output folder; defaults from the config naming the log. */
    public static ToolDialog extinctionDialog(Shell shell, Path log, Path root) {
        Guess g = Guess.of(log);
        double range = airmassRange(log, g);
        return new ToolDialog(shell, "Fit Extinction", "Extinction coefficients (mag/airmass) per CCD from "
                + log.getFileName() + ", as calphot extinction: a long run on a photometric night.", List.of(
                new ToolDialog.Field("site", "Observatory:", g.site(),
                        "Site name (lapalma, lasilla, ntt, tno, ...) or \"lat, lon\"", Analyses::required),
                new ToolDialog.Field("target", "Pointing (RA Dec):", g.target(),
                        "For the airmass: 'hh:mm:ss.ss +dd:mm:ss.s' or decimal degrees", Analyses::position),
                new ToolDialog.Field("apertures", "Apertures:", g.comparisons(),
                        g.comparisons().isEmpty() ? "Apertures to fit, e.g. 2,3 (empty: all); leave out a variable target"
                                : "The comparisons of " + g.config().getFileName() + " (aperture 1 is its target)",
                        null),
                new ToolDialog.Field("minRange", "Minimum airmass range:", "0.2",
                        Double.isFinite(range) ? String.format(Locale.ROOT, "This log spans %.3f in airmass at %s, %s;"
                                + " smaller ranges are refused (k would be poorly constrained)", range, g.site(),
                                g.target()) : "Runs with a smaller airmass range are refused (k would be poorly "
                                + "constrained)",
                        Analyses::positiveNumber),
                new ToolDialog.Field("out", "Output folder:", outDir(g, log).toString(),
                        "<log>_extinction.txt, .json, _points.csv and one PNG per CCD go here"
                                + (g.outDir() == null ? " (no config names this log: beside it)"
                                        : " (the output folder of " + g.config().getFileName() + ")"),
                        Analyses::folder)));
    }

    /** Where an analysis of a log writes: the output folder of the config naming it, else the log's folder. */
    public static Path outDir(Guess g, Path log) {
        return g.outDir() != null ? g.outDir() : log.toAbsolutePath().getParent();
    }

    /** The airmass range of a log at the guessed site and pointing (NaN when unknown or the log is large). */
    public static double airmassRange(Path log, Guess g) {
        try {
            if (g.site().isBlank() || g.target().isBlank() || Files.size(log) > 50L * 1024 * 1024) {
                return Double.NaN;
            }
            AirmassSource airmass = AirmassSource.of(UiPlugin.services().sites(),
                    UiPlugin.services().timeCorrector(), AirmassFormula.PLANE_PARALLEL, Warnings.IGNORE);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (org.calphot.core.log.CcdTable c : UiPlugin.services().logReaders().read(log, Warnings.IGNORE).ccds()) {
                if (c.rows() == 0) {
                    continue;
                }
                for (double x : airmass.airmass(g.site(), g.target(), c.mjdUtc())) {
                    if (Double.isFinite(x)) {
                        lo = Math.min(lo, x);
                        hi = Math.max(hi, x);
                    }
                }
            }
            return hi >= lo ? hi - lo : Double.NaN;
        } catch (CalphotException | IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    public static ExtinctionRequest extinctionRequest(Path log, Map<String, String> v) {
        List<String> aps = v.get("apertures").isEmpty() ? List.of()
                : Arrays.stream(v.get("apertures").split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
        return new ExtinctionRequest(log, v.get("site"), v.get("target"), aps, Double.parseDouble(v.get("minRange")),
                Path.of(v.get("out")));
    }

    /** Site, target, prior ephemeris and output folder (EPHEMERIS/ goes there); defaults from the config. */
    public static ToolDialog timingDialog(Shell shell, List<Path> logs, Path root) {
        Guess g = Guess.of(logs.get(0));
        String names = logs.size() == 1 ? logs.get(0).getFileName().toString() : logs.size() + " logs";
        return new ToolDialog(shell, "Time Eclipses", "Mid-eclipse times of " + names + " by MCMC, as calphot "
                + "eclipse-times: they are added to EPHEMERIS/eclipse_times.txt under the output folder.", List.of(
                new ToolDialog.Field("site", "Observatory:", g.site(),
                        "Site name (lapalma, lasilla, ntt, tno, ...) or \"lat, lon\"", Analyses::required),
                new ToolDialog.Field("target", "Target (RA Dec):", g.target(),
                        "For the barycentric times: 'hh:mm:ss.ss +dd:mm:ss.s' or decimal degrees", Analyses::position),
                new ToolDialog.Field("ephemeris", "Prior ephemeris (T0 P):", g.ephemeris(),
                        "BMJD(TDB) and days, for cycle numbers; empty: from the file's times, else the deepest dip",
                        Analyses::ephemeris),
                new ToolDialog.Field("out", "Output folder:", outDir(g, logs.get(0)).toString(),
                        "EPHEMERIS/eclipse_times.txt and one figure per eclipse go under it"
                                + (g.outDir() == null ? " (no config names this log: beside it)"
                                        : " (the output folder of " + g.config().getFileName() + ")"),
                        Analyses::folder)));
    }

    public static TimingRequest timingRequest(List<Path> logs, Map<String, String> v) {
        String e = v.get("ephemeris");
        return new TimingRequest(logs, v.get("site"), v.get("target"), e.isEmpty() ? null : parseEphemeris(e),
                Path.of(v.get("out")));
    }

    // ---------------------------------------------------------------- opening result files

    /** Opens a result file in its plot view (in a job: chains can be large); null when it is not one. */
    public static Job open(IWorkbenchPage page, Path file) {
        return switch (ObservationsView.Kind.of(file)) {
            case EXTINCTION -> job(page, "Reading " + file.getFileName(), CalphotUi.EXTINCTION_VIEW_ID, (m, w, out) -> {
                ExtinctionTool.Saved s = ExtinctionTool.read(file);
                List<Figure> figs = extinctionFigures(stem(s.log() != null ? s.log() : file), s.results());
                return show(page, CalphotUi.EXTINCTION_VIEW_ID, describe(file) + "  (" + s.site() + ", " + s.pointing()
                        + ")", figs);
            });
            case ECLIPSE_TIMES -> job(page, "Fitting " + file.getFileName(), CalphotUi.OC_VIEW_ID, (m, w, out) -> {
                EclipseTimeTable table = EclipseTimesFile.read(file, w);
                EphemerisFit fit = fitter().fitLeastSquares(table);
                out.println(String.format(Locale.ROOT, "%s: %d eclipse times; least squares T0 = %.8f +- %.2e, "
                        + "P = %.12f +- %.2e, reduced chi2 %.2f (%s; unscaled +- %.2e, %.2e)", file, table.size(),
                        fit.t0(), fit.t0ErrHeadline(), fit.period(), fit.periodErrHeadline(), fit.reducedChi2(),
                        fit.errorNote(), fit.t0Err(), fit.periodErr()));
                return show(page, CalphotUi.OC_VIEW_ID, describe(file) + "  (least squares)", List.of(
                        new Figure("O\u2212C", "O\u2212C against the least-squares ephemeris", () -> Figures.oc(fit),
                                "ephemeris_scatter_lsq")));
            });
            case EPHEMERIS_FIT -> job(page, "Reading " + file.getFileName(), CalphotUi.OC_VIEW_ID, (m, w, out) -> {
                Figure f = ocFromFitFile(file, w);
                return show(page, CalphotUi.OC_VIEW_ID, describe(file), List.of(f));
            });
            case CHAIN -> job(page, "Reading " + file.getFileName(), CalphotUi.MCMC_VIEW_ID, (m, w, out) -> {
                Chain c;
                try {
                    c = ChainIO.readOriginalLayout(file);
                } catch (IOException e) {
                    throw new CalphotException("cannot read: " + e.getMessage(), Location.of(file.toString()), e);
                }
                McmcSamples s = samples(c);
                String what = String.format(Locale.ROOT, "%d walkers \u00d7 %d steps after burn-in", c.nWalkers(),
                        c.nSteps());
                return show(page, CalphotUi.MCMC_VIEW_ID, describe(file) + "  (" + what + ")", List.of(
                        new Figure("Traces", "Walker traces", () -> TraceFigure.build(file.getFileName() + ": "
                                + what, s, 0), "ephemeris_traces"),
                        new Figure("Corner", "Corner plot of the posterior", () -> CornerPlot.build(
                                file.getFileName() + ": " + what, s, 0, null), "ephemeris_corner_plot")));
            });
            default -> null;
        };
    }

    /** O−C from ephemeris_fit.txt: against its T0 and P, with errors from the eclipse_times.txt beside it. */
    static Figure ocFromFitFile(Path file, Warnings w) throws CalphotException {
        EphemerisFitFile.Contents c;
        try {
            c = EphemerisFitFile.read(file);
        } catch (IOException e) {
            throw new CalphotException("cannot read: " + e.getMessage(), Location.of(file.toString()), e);
        }
        Path timesFile = file.resolveSibling("eclipse_times.txt");
        OcData data;
        if (Files.isRegularFile(timesFile)) {
            EclipseTimeTable t = EclipseTimesFile.read(timesFile, w);
            Map<Integer, Integer> dense = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            int n = t.size();
            double[] cyc = new double[n];
            double[] oc = new double[n];
            double[] err = new double[n];
            int[] src = new int[n];
            for (int i = 0; i < n; i++) {
                int id = t.sourceIds()[i];
                if (!dense.containsKey(id)) {
                    dense.put(id, names.size());
                    names.add(t.sourceName(id));
                }
                src[i] = dense.get(id);
                cyc[i] = t.cycles()[i];
                oc[i] = (t.bmjdTdb()[i] - (c.t0() + c.period() * t.cycles()[i])) * 86400.0;
                err[i] = t.errors()[i] * 86400.0;
            }
            data = new OcData(cyc, oc, err, src, names.toArray(new String[0]));
        } else {
            List<String> names = new ArrayList<>();
            int[] src = new int[c.cycles().length];
            double[] cyc = new double[src.length];
            for (int i = 0; i < src.length; i++) {
                String s = c.sources().get(i);
                if (!names.contains(s)) {
                    names.add(s);
                }
                src[i] = names.indexOf(s);
                cyc[i] = c.cycles()[i];
            }
            // the fit file has no errors: points without bars
            data = new OcData(cyc, c.ocSeconds(), new double[src.length], src, names.toArray(new String[0]));
        }
        String subtitle = String.format(Locale.ROOT, "T(E) = %.8f + %.11f E  BMJD(TDB) from %s;  \u03c7\u00b2\u03bd = %.2f",
                c.t0(), c.period(), file.getFileName(), c.reducedChi2());
        OcData d = data;
        return new Figure("O\u2212C", "O\u2212C against the fitted ephemeris", () -> OcFigure.build(String.format(
                Locale.ROOT, "O \u2212 C of %d eclipse times", d.cycle().length), subtitle, d), "ephemeris_scatter");
    }

    /** Plot samples of a chain file: T0, P, then error-scale factors, times in days. */
    static McmcSamples samples(Chain c) {
        String[] names = new String[c.nDim()];
        String[] units = new String[c.nDim()];
        for (int d = 0; d < c.nDim(); d++) {
            names[d] = d == 0 ? "T0 (BMJD TDB)" : d == 1 ? "P" : "error scale " + (d - 1);
            units[d] = d < 2 ? "d" : "";
        }
        return new McmcSamples(c.nWalkers(), c.nDim(), c.nSteps(), c.samples(), names, units);
    }

    static List<Figure> extinctionFigures(String stem, List<ExtinctionResult> results) {
        List<Figure> figs = new ArrayList<>();
        for (ExtinctionResult r : results) {
            String name = r.band().equalsIgnoreCase("ccd" + r.ccd()) ? "CCD " + r.ccd() : r.band();
            figs.add(new Figure(name, String.format(Locale.ROOT, "CCD %s (%s): joint k = %.3f \u00b1 %.3f",
                    r.ccd(), r.band(), r.jointK(), r.jointKErr()), () -> ExtinctionTool.figure(stem, r),
                    stem + "_extinction_ccd" + r.ccd()));
        }
        return figs;
    }

    // ---------------------------------------------------------------- running the tools

    /** {@code calphot extinction} on a log; the figures go to the Extinction view. */
    public static Job fitExtinction(IWorkbenchPage page, ExtinctionRequest r) {
        return job(page, "calphot extinction " + r.log().getFileName(), CalphotUi.EXTINCTION_VIEW_ID, (m, w, out) -> {
            out.println("=== calphot extinction " + r.log() + " --site " + r.site() + " --target \"" + r.target()
                    + "\"" + (r.apertures().isEmpty() ? "" : " --apertures " + String.join(",", r.apertures()))
                    + " ===");
            AirmassSource airmass = AirmassSource.of(UiPlugin.services().sites(),
                    UiPlugin.services().timeCorrector(), AirmassFormula.PLANE_PARALLEL, w);
            ExtinctionFitter fitter = UiPlugin.services().extinctionFitterOrNull();
            ExtinctionTool tool = new ExtinctionTool(UiPlugin.services().logReaders(),
                    fitter != null ? fitter : PhotometryServices.extinctionFitter(), airmass);
            Files.createDirectories(r.outDir());
            tool.run(new ExtinctionTool.Args(r.log(), r.site(), r.target(), List.of(), 0, 5.0, r.minAirmassRange(),
                    r.apertures(), r.outDir(), false), out, w);
            ExtinctionTool.Outcome o = tool.lastOutcome();
            return show(page, CalphotUi.EXTINCTION_VIEW_ID, r.log().getFileName() + "  (" + r.site() + ", "
                    + r.target() + ")", extinctionFigures(stem(r.log()), o.results()));
        });
    }

    /** {@code calphot eclipse-times} on logs; each eclipse goes to the Eclipse Fits view, the O−C follows. */
    public static Job timeEclipses(IWorkbenchPage page, TimingRequest r) {
        String names = r.logs().size() == 1 ? r.logs().get(0).getFileName().toString() : r.logs().size() + " logs";
        return job(page, "calphot eclipse-times " + names, CalphotUi.ECLIPSE_VIEW_ID, (m, w, out) -> {
            out.println("=== calphot eclipse-times " + String.join(" ", r.logs().stream().map(Path::toString).toList())
                    + " --site " + r.site() + " --target \"" + r.target() + "\"" + (r.prior() == null ? ""
                    : String.format(Locale.ROOT, " --ephemeris %s %s", r.prior().t0BmjdTdb(), r.prior().periodDays()))
                    + " ===");
            List<Figure> figs = java.util.Collections.synchronizedList(new ArrayList<>());
            FigureWriter standard = Figures.standard();
            FigureWriter capture = new FigureWriter() {
                @Override
                public List<Path> writeLogFigures(OutputFiles o, Path folder, LogResult log) throws CalphotException {
                    return standard.writeLogFigures(o, folder, log);
                }

                @Override
                public List<Path> writeRunFigures(OutputFiles o, Path folder, String oname, String overplotStem,
                        List<LogResult> logs) throws CalphotException {
                    return standard.writeRunFigures(o, folder, oname, overplotStem, logs);
                }

                @Override
                public List<Path> writeEclipseFigure(OutputFiles o, Path folder, String stem, String title,
                        String yLabel, EclipseTiming timing) throws CalphotException {
                    figs.add(new Figure(stem, title, () -> Figures.eclipse(title, yLabel, timing), stem));
                    return standard.writeEclipseFigure(o, folder, stem, title, yLabel, timing);
                }
            };
            EclipseTimer timer = UiPlugin.services().eclipseTimerOrNull();
            EclipseTimesTool tool = new EclipseTimesTool(UiPlugin.services().logReaders(),
                    UiPlugin.services().fluxCalibrator(), UiPlugin.services().timeCorrector(),
                    UiPlugin.services().sites(), timer != null ? timer : EclipseTimer.create(), capture);
            tool.run(new EclipseTimesTool.Args(r.logs(), r.target(), r.site(), r.prior(), Double.NaN, Double.NaN,
                    null, r.outDir(), McmcOptions.DEFAULT_SEED), out, adapt(m), w);
            Path file = r.outDir().toAbsolutePath().normalize().resolve(org.calphot.pipeline.EclipseTimes.FILE);
            EclipseTimeTable table = EclipseTimesFile.read(file, Warnings.IGNORE);
            EphemerisFit lsq = null;
            if (table.size() >= 3) {
                try {
                    lsq = fitter().fitLeastSquares(table);
                } catch (BadInputException e) {
                    out.println("no O-C diagram: " + e.getMessage());
                }
            }
            EphemerisFit fit = lsq;
            Runnable eclipses = show(page, CalphotUi.ECLIPSE_VIEW_ID, names + "  \u2192  " + describe(file), figs);
            if (fit == null) {
                return eclipses;
            }
            Runnable oc = show(page, CalphotUi.OC_VIEW_ID, describe(file) + "  (least squares, " + table.size()
                    + " eclipse times)", List.of(new Figure("O\u2212C", "O\u2212C against the least-squares ephemeris",
                    () -> Figures.oc(fit), "ephemeris_scatter_lsq")));
            return () -> {
                oc.run();
                eclipses.run();
            };
        });
    }

    /** {@code calphot ephemeris} on an eclipse-times file: O−C in its view, traces and corner in the MCMC view. */
    public static Job fitEphemeris(IWorkbenchPage page, Path file) {
        return job(page, "calphot ephemeris " + file.getFileName(), CalphotUi.MCMC_VIEW_ID, (m, w, out) -> {
            out.println("=== calphot ephemeris " + file + " ===");
            EphemerisFit[] captured = new EphemerisFit[1];
            FigureWriter standard = Figures.standard();
            EphemerisTool.FitFigures draw = (dir, table, fit) -> {
                captured[0] = fit;
                return standard.writeEphemerisFigures(OutputFiles.direct(dir), Path.of(""), fit);
            };
            McmcOptions o = McmcOptions.defaults();
            new EphemerisTool(fitter(), draw).run(new EphemerisTool.Args(file, o.walkers(), o.steps(), -1, -1,
                    o.seed(), false, null, false), out, adapt(m), w);
            EphemerisFit fit = captured[0];
            String src = describe(file) + String.format(Locale.ROOT, "  (MCMC, %d walkers \u00d7 %d steps)",
                    o.walkers(), o.steps());
            Runnable oc = show(page, CalphotUi.OC_VIEW_ID, src, List.of(new Figure("O\u2212C",
                    "O\u2212C against the MCMC ephemeris", () -> Figures.oc(fit), "ephemeris_scatter")));
            Runnable mcmc = show(page, CalphotUi.MCMC_VIEW_ID, src, List.of(
                    new Figure("Traces", "Walker traces, burn-in shaded", () -> Figures.traces(fit), "ephemeris_traces"),
                    new Figure("Corner", "Corner plot of the posterior after burn-in", () -> Figures.corner(fit),
                            "ephemeris_corner_plot")));
            return () -> {
                oc.run();
                mcmc.run();
            };
        });
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface Work {
        /** Runs off the UI thread; returns what to do on the UI thread with the result. */
        Runnable run(IProgressMonitor monitor, Warnings warnings, PrintWriter out) throws CalphotException,
                IOException;
    }

    /** A user job: output and warnings to the Run Console, the result shown in a view, errors in that view. */
    private static Job job(IWorkbenchPage page, String name, String viewId, Work work) {
        Job j = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(name, PROGRESS_UNITS);
                PrintWriter out = new PrintWriter(new ConsoleWriter(), true);
                Warnings warnings = (where, msg) -> ConsoleView.println("warning: "
                        + (where == null || where.toString().isEmpty() ? "" : where + ": ") + msg);
                try {
                    Runnable show = work.run(monitor, warnings, out);
                    out.flush();
                    Display.getDefault().asyncExec(show);
                    return Status.OK_STATUS;
                } catch (CancelledException e) {
                    ConsoleView.println("cancelled");
                    return Status.CANCEL_STATUS;
                } catch (CalphotException e) {
                    out.flush();
                    ConsoleView.println("error: " + e.describe());
                    fail(page, viewId, name + " failed:\n\n" + e.describe());
                    return new Status(IStatus.ERROR, CalphotUi.BUNDLE_ID, e.describe());
                } catch (IOException | RuntimeException e) {
                    out.flush();
                    ConsoleView.println("error: " + e);
                    fail(page, viewId, name + " failed:\n\n" + e);
                    return new Status(IStatus.ERROR, CalphotUi.BUNDLE_ID, name + " failed", e);
                } finally {
                    monitor.done();
                    // the tools write files: show them in the tree whatever the outcome
                    Display.getDefault().asyncExec(() -> {
                        if (page.findView(CalphotUi.OBSERVATIONS_VIEW_ID) instanceof ObservationsView ov) {
                            ov.refresh();
                        }
                    });
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == Analyses.class;
            }
        };
        j.setUser(true);
        j.setPriority(Job.LONG);
        // the outcome is in the console and the view; no modal dialog on top
        j.setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        try {
            page.showView(CalphotUi.CONSOLE_VIEW_ID, null, IWorkbenchPage.VIEW_VISIBLE);
            if (page.showView(viewId, null, IWorkbenchPage.VIEW_VISIBLE) instanceof FigureView v) {
                v.message(name + " ...");
            }
        } catch (PartInitException e) {
            // the job still runs; its output is in the console buffer
        }
        j.schedule();
        return j;
    }

    private static void fail(IWorkbenchPage page, String viewId, String text) {
        Display.getDefault().asyncExec(() -> {
            if (page.findView(viewId) instanceof FigureView v) {
                v.message(text);
            }
        });
    }

    /** Shows figures in a view (to run on the UI thread). */
    private static Runnable show(IWorkbenchPage page, String viewId, String source, List<Figure> figures) {
        List<Figure> copy = List.copyOf(figures);
        return () -> {
            if (page.getWorkbenchWindow().getShell() == null || page.getWorkbenchWindow().getShell().isDisposed()) {
                return;
            }
            try {
                ((FigureView) page.showView(viewId)).show(source, copy);
            } catch (PartInitException e) {
                ConsoleView.println("cannot open the view " + viewId + ": " + e.getMessage());
            }
        };
    }

    private static EphemerisFitter fitter() throws CalphotException {
        EphemerisFitter f = UiPlugin.services().ephemerisFitterOrNull();
        return f != null ? f : EphemerisFitter.create();
    }

    /** Units of an analysis job's progress bar; the tools' begin/worked are scaled into what is left of it. */
    private static final int PROGRESS_UNITS = 1000;

    private static ProgressMonitor adapt(IProgressMonitor m) {
        return new ProgressMonitor() {
            private double used;
            private double perUnit;

            @Override
            public synchronized void begin(String task, int totalWork) {
                m.setTaskName(task);
                // each begin (a tool, then its sampler) shares what is left of the bar
                perUnit = totalWork > 0 ? (PROGRESS_UNITS - used) / totalWork : 0;
            }

            @Override
            public synchronized void worked(int work) {
                double d = Math.min(work * perUnit, PROGRESS_UNITS - used);
                if (d > 0) {
                    used += d;
                    m.internalWorked(d);
                }
            }

            @Override
            public void subTask(String name) {
                m.subTask(name);
                ConsoleView.println("  " + name);
            }

            @Override
            public boolean isCanceled() {
                return m.isCanceled();
            }
        };
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** The file with its folder: "EPHEMERIS/eclipse_times.txt". */
    static String describe(Path f) {
        Path parent = f.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? f.getFileName().toString()
                : parent.getFileName() + "/" + f.getFileName();
    }

    /** Lines written by a tool, to the Run Console as they complete. */
    private static final class ConsoleWriter extends Writer {
        private final StringBuilder line = new StringBuilder();

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c == '\n') {
                    ConsoleView.println(line.toString());
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }

        @Override
        public synchronized void flush() {
            if (line.length() > 0) {
                ConsoleView.println(line.toString());
                line.setLength(0);
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
