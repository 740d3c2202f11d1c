// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.photometry.ExtinctionFitter;
import org.calphot.core.photometry.ExtinctionResult;
import org.calphot.core.time.AirmassFormula;
import org.calphot.photometry.AirmassSource;
import org.calphot.tools.ExtinctionTool;
import org.calphot.photometry.PhotometryServices;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.UiPlugin;
import org.calphot.ui.internal.plot.FigureView.Figure;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;

/** {@code calphot extinction} from the workbench: its dialog, the job, and the figures per CCD. */
public final class ExtinctionAnalysis {

    /** What {@link #fitExtinction} needs: as {@code calphot extinction LOG --site --target [--apertures]}. */
    public record ExtinctionRequest(Path log, String site, String target, List<String> apertures,
            double minAirmassRange, Path outDir, List<String> bands) {

        /** Bands from the log's instrument (as the command line without --bands). */
        public ExtinctionRequest(Path log, String site, String target, List<String> apertures, double minAirmassRange,
                Path outDir) {
            this(log, site, target, apertures, minAirmassRange, outDir, List.of());
        }
    }

    /**
     * Site, target, apertures, minimum airmass range, output folder; defaults from the config naming the log. Run
     * stays disabled while the log's airmass range at the site and pointing entered is below the minimum, so a
     * short run is refused here rather than after fitting.
     */
    public static ToolDialog extinctionDialog(Shell shell, Path log, Path root) {
        Guess g = Guess.of(log);
        AirmassSpan span = new AirmassSpan(log);
        double range = span.range(g.site(), g.target());
        // the config reader's own count of the log's magnitudes; the text guess when the config does not parse
        String comparisons = ConfigLog.comparisons(g.config(), log);
        comparisons = comparisons.isEmpty() ? g.comparisons() : comparisons;
        ToolDialog d = new ToolDialog(shell, "Fit Extinction", "Extinction coefficients (mag/airmass) per CCD from "
                + log.getFileName() + ", as calphot extinction: a long run on a photometric night.", List.of(
                new ToolDialog.Field("site", "Observatory:", g.site(),
                        "Site name (lapalma, lasilla, ntt, tno, ...) or \"lat, lon\"", DialogFields::required),
                new ToolDialog.Field("target", "Pointing (RA Dec):", g.target(),
                        "For the airmass: 'hh:mm:ss.ss +dd:mm:ss.s' or decimal degrees", DialogFields::position),
                new ToolDialog.Field("apertures", "Apertures:", comparisons,
                        comparisons.isEmpty() ? "Apertures to fit, e.g. 2,3 (empty: all); leave out a variable target"
                                : "The comparisons of " + g.config().getFileName() + " (aperture 1 is its target)",
                        null),
                new ToolDialog.Field("minRange", "Minimum airmass range:", "0.2",
                        Double.isFinite(range) ? String.format(Locale.ROOT, "This log spans %.3f in airmass at %s, %s;"
                                + " smaller ranges are refused (k would be poorly constrained)", range, g.site(),
                                g.target()) : "Runs with a smaller airmass range are refused (k would be poorly "
                                + "constrained)",
                        DialogFields::positiveNumber),
                new ToolDialog.Field("out", "Output folder:", DialogFields.outDir(g, log).toString(),
                        "<log>_extinction.txt, .json, _points.csv and one PNG per CCD go here"
                                + (g.outDir() == null ? " (no config names this log: beside it)"
                                        : " (the output folder of " + g.config().getFileName() + ")"),
                        DialogFields::folder)));
        d.crossCheck(v -> {
            double r = span.range(v.get("site"), v.get("target"));
            double min = Double.parseDouble(v.get("minRange"));
            return Double.isFinite(r) && r < min ? String.format(Locale.ROOT, "%s spans only %.3f in airmass at this "
                    + "site and pointing, less than the minimum %s: k would be poorly constrained (choose a longer "
                    + "run)", log.getFileName(), r, v.get("minRange")) : null;
        });
        return d;
    }

    /** The airmass range of a log at the guessed site and pointing (NaN when unknown or the log is large). */
    public static double airmassRange(Path log, Guess g) {
        return new AirmassSpan(log).range(g.site(), g.target());
    }

    /**
     * A log's airmass range at a site and pointing: the log's times are read once (at most 50 MB; larger logs and
     * unreadable ones give NaN, and the tool itself checks the range when it runs).
     */
    static final class AirmassSpan {
        private final Path log;
        private List<double[]> times;

        AirmassSpan(Path log) {
            this.log = log;
        }

        double range(String site, String target) {
            try {
                if (site == null || target == null || site.isBlank() || target.isBlank()) {
                    return Double.NaN;
                }
                if (times == null) {
                    times = new ArrayList<>();
                    if (Files.size(log) <= 50L * 1024 * 1024) {
                        for (org.calphot.core.log.CcdTable c : UiPlugin.services().logReaders()
                                .read(log, Warnings.IGNORE).ccds()) {
                            if (c.rows() > 0) {
                                times.add(c.mjdUtc());
                            }
                        }
                    }
                }
                AirmassSource airmass = AirmassSource.of(UiPlugin.services().sites(),
                        UiPlugin.services().timeCorrector(), AirmassFormula.PLANE_PARALLEL, Warnings.IGNORE);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double[] t : times) {
                    for (double x : airmass.airmass(site, target, t)) {
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
    }

    public static ExtinctionRequest extinctionRequest(Path log, Map<String, String> v) {
        List<String> aps = v.get("apertures").isEmpty() ? List.of()
                : Arrays.stream(v.get("apertures").split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
        return new ExtinctionRequest(log, v.get("site"), v.get("target"), aps, Double.parseDouble(v.get("minRange")),
                Path.of(v.get("out")), ConfigLog.bands(Guess.of(log).config(), log));
    }

    static List<Figure> extinctionFigures(String stem, List<ExtinctionResult> results) {
        List<Figure> figs = new ArrayList<>();
        for (ExtinctionResult r : results) {
            // named as the other views name a CCD: "u (CCD 1)", or "CCD 1" when the band is unknown
            String name = r.band().equalsIgnoreCase("ccd" + r.ccd()) ? "CCD " + r.ccd()
                    : r.band() + " (CCD " + r.ccd() + ")";
            figs.add(new Figure(name, String.format(Locale.ROOT, "CCD %s (%s): joint k = %.3f \u00b1 %.3f",
                    r.ccd(), r.band(), r.jointK(), r.jointKErr()), () -> ExtinctionTool.figure(stem, r),
                    stem + "_extinction_ccd" + r.ccd()));
        }
        return figs;
    }

    /** {@code calphot extinction} on a log; the figures go to the Extinction view. */
    public static Job fitExtinction(IWorkbenchPage page, ExtinctionRequest r) {
        return AnalysisJob.job(page, "calphot extinction " + r.log().getFileName(), CalphotUi.EXTINCTION_VIEW_ID, (m, w, out) -> {
            out.println("=== calphot extinction " + r.log() + " --site " + r.site() + " --target \"" + r.target()
                    + "\"" + (r.apertures().isEmpty() ? "" : " --apertures " + String.join(",", r.apertures()))
                    + (r.bands().isEmpty() ? "" : " --bands " + String.join(",", r.bands()))
                    + " ===");
            AirmassSource airmass = AirmassSource.of(UiPlugin.services().sites(),
                    UiPlugin.services().timeCorrector(), AirmassFormula.PLANE_PARALLEL, w);
            ExtinctionFitter fitter = UiPlugin.services().extinctionFitterOrNull();
            ExtinctionTool tool = new ExtinctionTool(UiPlugin.services().logReaders(),
                    fitter != null ? fitter : PhotometryServices.extinctionFitter(), airmass);
            Files.createDirectories(r.outDir());
            tool.run(new ExtinctionTool.Args(r.log(), r.site(), r.target(), r.bands(), 0, 5.0, r.minAirmassRange(),
                    r.apertures(), r.outDir(), false), out, w);
            ExtinctionTool.Outcome o = tool.lastOutcome();
            return AnalysisJob.show(page, CalphotUi.EXTINCTION_VIEW_ID, r.log().getFileName() + "  (" + r.site() + ", "
                    + r.target() + ")", extinctionFigures(AnalysisJob.stem(r.log()), o.results()));
        });
    }

    private ExtinctionAnalysis() {
    }
}
