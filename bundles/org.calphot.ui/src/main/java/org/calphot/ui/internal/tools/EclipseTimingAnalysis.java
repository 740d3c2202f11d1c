// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EclipseTimers;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.ephemeris.EclipseTiming;
import org.calphot.ephemeris.Ephemeris;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.ephemeris.McmcOptions;
import org.calphot.tools.EclipseTimesTool;
import org.calphot.pipeline.FigureWriter;
import org.calphot.pipeline.RunFigures;
import org.calphot.pipeline.LogResult;
import org.calphot.pipeline.OutputFiles;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.UiPlugin;
import org.calphot.ui.internal.editor.YamlText;
import org.calphot.ui.internal.plot.FigureView.Figure;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;

/** {@code calphot eclipse-times} from the workbench: its dialog and the job; eclipse fits, then the O−C. */
public final class EclipseTimingAnalysis {

    /**
     * What {@link #timeEclipses} needs: as {@code calphot eclipse-times LOG... --target --site [--ephemeris]
     * --model M [--ccd C]}; {@code ccd} null for the CCD of highest eclipse signal-to-noise.
     */
    public record TimingRequest(List<Path> logs, String site, String target, Ephemeris prior, Path outDir,
            String model, String ccd) {

        public TimingRequest(List<Path> logs, String site, String target, Ephemeris prior, Path outDir) {
            this(logs, site, target, prior, outDir, EclipseTimers.NAMES.get(0), null);
        }
    }

    /** The CCD field's value for the CCD of highest eclipse signal-to-noise (no --ccd). */
    public static final String AUTO_CCD = "auto";

    /** Site, target, prior ephemeris and output folder (EPHEMERIS/ goes there); defaults from the config. */
    public static ToolDialog timingDialog(Shell shell, List<Path> logs, Path root) {
        Guess g = Guess.of(logs.get(0));
        String names = logs.size() == 1 ? logs.get(0).getFileName().toString() : logs.size() + " logs";
        return new ToolDialog(shell, "Time Eclipses", "Mid-eclipse times of " + names + " by MCMC, as calphot "
                + "eclipse-times: they are added to EPHEMERIS/eclipse_times.txt under the output folder.", List.of(
                new ToolDialog.Field("site", "Observatory:", g.site(),
                        "Site name (lapalma, lasilla, ntt, tno, ...) or \"lat, lon\"", DialogFields::required),
                new ToolDialog.Field("target", "Target (RA Dec):", g.target(),
                        "For the barycentric times: 'hh:mm:ss.ss +dd:mm:ss.s' or decimal degrees", DialogFields::position),
                new ToolDialog.Field("ephemeris", "Prior ephemeris (T0 P):", g.ephemeris(),
                        "BMJD(TDB) and days, for cycle numbers; empty: from the file's times, else the deepest dip",
                        DialogFields::ephemeris),
                new ToolDialog.Field("out", "Output folder:", DialogFields.outDir(g, logs.get(0)).toString(),
                        "EPHEMERIS/eclipse_times.txt and one figure per eclipse go under it"
                                + (g.outDir() == null ? " (no config names this log: beside it)"
                                        : " (the output folder of " + g.config().getFileName() + ")"),
                        DialogFields::folder),
                new ToolDialog.Field("model", "Eclipse model:", configValue(g, "eclipse model", EclipseTimers.NAMES.get(0)),
                        "symmetric: tanh-edged box; wd-contacts: white dwarf's mid-ingress and mid-egress; "
                                + "wd-bright-spot: white dwarf + bright spot + baseline (README, Timing eclipses)",
                        v -> EclipseTimers.NAMES.contains(v) ? null : "one of " + String.join(", ", EclipseTimers.NAMES),
                        EclipseTimers.NAMES),
                new ToolDialog.Field("ccd", "CCD:", configValue(g, "eclipse ccd", AUTO_CCD),
                        "auto: the CCD of highest eclipse signal-to-noise; all: every CCD and their weighted mean; "
                                + "or a CCD label (1, 2, ...)",
                        v -> v.isEmpty() || v.contains(" ") ? "auto, all or a CCD label" : null,
                        List.of(AUTO_CCD, EclipseTimesTool.ALL_CCDS, "1", "2", "3", "4", "5"))));
    }

    /** A top-level key of the config naming the logs, else the default. */
    private static String configValue(Guess g, String key, String otherwise) {
        if (g.config() == null) {
            return otherwise;
        }
        try {
            String v = YamlText.get(java.nio.file.Files.readString(g.config()), key, false);
            v = v == null ? "" : v.strip().replaceAll("^['\"]|['\"]$", "");
            return v.isEmpty() ? otherwise : v;
        } catch (java.io.IOException | RuntimeException e) {
            return otherwise;
        }
    }

    public static TimingRequest timingRequest(List<Path> logs, Map<String, String> v) {
        String e = v.get("ephemeris");
        String model = v.getOrDefault("model", "");
        String ccd = v.getOrDefault("ccd", "");
        return new TimingRequest(logs, v.get("site"), v.get("target"), e.isEmpty() ? null : DialogFields.parseEphemeris(e),
                Path.of(v.get("out")), model.isEmpty() ? EclipseTimers.NAMES.get(0) : model,
                ccd.isEmpty() || AUTO_CCD.equalsIgnoreCase(ccd) ? null : ccd);
    }

    /** {@code calphot eclipse-times} on logs; each eclipse goes to the Eclipse Fits view, the O−C follows. */
    public static Job timeEclipses(IWorkbenchPage page, TimingRequest r) {
        String names = r.logs().size() == 1 ? r.logs().get(0).getFileName().toString() : r.logs().size() + " logs";
        return AnalysisJob.job(page, "calphot eclipse-times " + names, CalphotUi.ECLIPSE_VIEW_ID, (m, w, out) -> {
            out.println("=== calphot eclipse-times " + String.join(" ", r.logs().stream().map(Path::toString).toList())
                    + " --site " + r.site() + " --target \"" + r.target() + "\"" + (r.prior() == null ? ""
                    : String.format(Locale.ROOT, " --ephemeris %s %s", r.prior().t0BmjdTdb(), r.prior().periodDays()))
                    + " --model " + r.model() + (r.ccd() == null ? "" : " --ccd " + r.ccd()) + " ===");
            List<Figure> figs = java.util.Collections.synchronizedList(new ArrayList<>());
            FigureWriter standard = RunFigures.standard();
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
                    figs.add(new Figure(stem, title, () -> RunFigures.eclipse(title, yLabel, timing), stem));
                    return standard.writeEclipseFigure(o, folder, stem, title, yLabel, timing);
                }
            };
            EclipseTimer timer = UiPlugin.services().eclipseTimerOrNull();
            EclipseTimesTool tool = new EclipseTimesTool(UiPlugin.services().logReaders(),
                    UiPlugin.services().fluxCalibrator(), UiPlugin.services().timeCorrector(),
                    UiPlugin.services().sites(), timer != null ? timer : EclipseTimer.create(), capture);
            tool.run(new EclipseTimesTool.Args(r.logs(), r.target(), r.site(), r.prior(), Double.NaN, Double.NaN,
                    r.ccd(), r.outDir(), McmcOptions.DEFAULT_SEED, r.model(), false), out, AnalysisJob.adapt(m), w);
            Path file = r.outDir().toAbsolutePath().normalize().resolve(org.calphot.pipeline.EclipseTimes.FILE);
            EclipseTimeTable table = EclipseTimesFile.read(file, Warnings.IGNORE);
            EphemerisFit lsq = null;
            if (table.size() >= 3) {
                try {
                    lsq = EphemerisAnalysis.fitter().fitLeastSquares(table);
                } catch (BadInputException e) {
                    out.println("no O-C diagram: " + e.getMessage());
                }
            }
            EphemerisFit fit = lsq;
            Runnable eclipses = AnalysisJob.show(page, CalphotUi.ECLIPSE_VIEW_ID, names + "  \u2192  " + AnalysisJob.describe(file), figs);
            if (fit == null) {
                return eclipses;
            }
            Runnable oc = AnalysisJob.show(page, CalphotUi.OC_VIEW_ID, AnalysisJob.describe(file) + "  (least squares, " + table.size()
                    + " eclipse times)", List.of(new Figure("O\u2212C", "O\u2212C against the least-squares ephemeris",
                    () -> RunFigures.oc(fit), "ephemeris_scatter_lsq")));
            return () -> {
                oc.run();
                eclipses.run();
            };
        });
    }

    private EclipseTimingAnalysis() {
    }
}
