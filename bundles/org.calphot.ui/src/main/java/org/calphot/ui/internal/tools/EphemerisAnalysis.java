// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.calphot.core.CalphotException;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.ephemeris.EphemerisFitter;
import org.calphot.tools.EphemerisTool;
import org.calphot.ephemeris.McmcOptions;
import org.calphot.pipeline.FigureWriter;
import org.calphot.pipeline.RunFigures;
import org.calphot.pipeline.OutputFiles;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.UiPlugin;
import org.calphot.ui.internal.plot.FigureView.Figure;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;

/** {@code calphot ephemeris} from the workbench: O−C in its view, traces and corner plot in the MCMC view. */
public final class EphemerisAnalysis {

    private EphemerisAnalysis() {
    }

    /** {@code calphot ephemeris} on an eclipse-times file: O−C in its view, traces and corner in the MCMC view. */
    public static Job fitEphemeris(IWorkbenchPage page, Path file) {
        return AnalysisJob.job(page, "calphot ephemeris " + file.getFileName(), CalphotUi.MCMC_VIEW_ID, (m, w, out) -> {
            out.println("=== calphot ephemeris " + file + " ===");
            EphemerisFit[] captured = new EphemerisFit[1];
            FigureWriter standard = RunFigures.standard();
            EphemerisTool.FitFigures draw = (dir, table, fit) -> {
                captured[0] = fit;
                return standard.writeEphemerisFigures(OutputFiles.direct(dir), Path.of(""), fit);
            };
            McmcOptions o = McmcOptions.defaults();
            new EphemerisTool(fitter(), draw).run(new EphemerisTool.Args(file, o.walkers(), o.steps(), -1, -1,
                    o.seed(), false, null, false), out, AnalysisJob.adapt(m), w);
            EphemerisFit fit = captured[0];
            String src = AnalysisJob.describe(file) + String.format(Locale.ROOT, "  (MCMC, %d walkers \u00d7 %d steps)",
                    o.walkers(), o.steps());
            Runnable oc = AnalysisJob.show(page, CalphotUi.OC_VIEW_ID, src, List.of(new Figure("O\u2212C",
                    "O\u2212C against the MCMC ephemeris", () -> RunFigures.oc(fit), "ephemeris_scatter")));
            Runnable mcmc = AnalysisJob.show(page, CalphotUi.MCMC_VIEW_ID, src, List.of(
                    new Figure("Traces", "Walker traces, burn-in shaded", () -> RunFigures.traces(fit), "ephemeris_traces"),
                    new Figure("Corner", "Corner plot of the posterior after burn-in", () -> RunFigures.corner(fit),
                            "ephemeris_corner_plot")));
            return () -> {
                oc.run();
                mcmc.run();
            };
        });
    }

    /** The installed ephemeris fitter, else the built-in one. */
    static EphemerisFitter fitter() throws CalphotException {
        EphemerisFitter f = UiPlugin.services().ephemerisFitterOrNull();
        return f != null ? f : EphemerisFitter.create();
    }

}
