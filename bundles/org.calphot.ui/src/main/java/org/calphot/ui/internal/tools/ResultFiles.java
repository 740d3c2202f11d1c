// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.ephemeris.EphemerisFitFile;
import org.calphot.mcmc.Chain;
import org.calphot.mcmc.ChainIO;
import org.calphot.tools.ExtinctionTool;
import org.calphot.pipeline.RunFigures;
import org.calphot.plot.CornerPlot;
import org.calphot.plot.McmcSamples;
import org.calphot.plot.OcData;
import org.calphot.plot.OcFigure;
import org.calphot.plot.TraceFigure;
import org.calphot.ui.CalphotUi;
import org.calphot.ui.internal.ObservationsView;
import org.calphot.ui.internal.plot.FigureView.Figure;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;

/** Opens what {@code calphot extinction}, {@code eclipse-times} and {@code ephemeris} wrote, in its plot view. */
public final class ResultFiles {

    private ResultFiles() {
    }

    /** Opens a result file in its plot view (in a job: chains can be large); null when it is not one. */
    public static Job open(IWorkbenchPage page, Path file) {
        return switch (ObservationsView.Kind.of(file)) {
            case EXTINCTION -> AnalysisJob.job(page, "Reading " + file.getFileName(), CalphotUi.EXTINCTION_VIEW_ID, (m, w, out) -> {
                ExtinctionTool.Saved s = ExtinctionTool.read(file);
                List<Figure> figs = ExtinctionAnalysis.extinctionFigures(AnalysisJob.stem(s.log() != null ? s.log() : file), s.results());
                return AnalysisJob.show(page, CalphotUi.EXTINCTION_VIEW_ID, AnalysisJob.describe(file) + "  (" + s.site() + ", " + s.pointing()
                        + ")", figs);
            });
            case ECLIPSE_TIMES -> AnalysisJob.job(page, "Fitting " + file.getFileName(), CalphotUi.OC_VIEW_ID, (m, w, out) -> {
                EclipseTimeTable table = EclipseTimesFile.read(file, w);
                EphemerisFit fit = EphemerisAnalysis.fitter().fitLeastSquares(table);
                out.println(String.format(Locale.ROOT, "%s: %d eclipse times; least squares T0 = %.8f +- %.2e, "
                        + "P = %.12f +- %.2e, reduced chi2 %.2f (%s; unscaled +- %.2e, %.2e)", file, table.size(),
                        fit.t0(), fit.t0ErrHeadline(), fit.period(), fit.periodErrHeadline(), fit.reducedChi2(),
                        fit.errorNote(), fit.t0Err(), fit.periodErr()));
                return AnalysisJob.show(page, CalphotUi.OC_VIEW_ID, AnalysisJob.describe(file) + "  (least squares)", List.of(
                        new Figure("O\u2212C", "O\u2212C against the least-squares ephemeris", () -> RunFigures.oc(fit),
                                "ephemeris_scatter_lsq")));
            });
            case EPHEMERIS_FIT -> AnalysisJob.job(page, "Reading " + file.getFileName(), CalphotUi.OC_VIEW_ID, (m, w, out) -> {
                Figure f = ocFromFitFile(file, w);
                return AnalysisJob.show(page, CalphotUi.OC_VIEW_ID, AnalysisJob.describe(file), List.of(f));
            });
            case CHAIN -> AnalysisJob.job(page, "Reading " + file.getFileName(), CalphotUi.MCMC_VIEW_ID, (m, w, out) -> {
                Chain c;
                try {
                    c = ChainIO.readOriginalLayout(file);
                } catch (IOException e) {
                    throw new CalphotException("cannot read: " + e.getMessage(), Location.of(file.toString()), e);
                }
                McmcSamples s = samples(c);
                String what = String.format(Locale.ROOT, "%d walkers \u00d7 %d steps after burn-in", c.nWalkers(),
                        c.nSteps());
                return AnalysisJob.show(page, CalphotUi.MCMC_VIEW_ID, AnalysisJob.describe(file) + "  (" + what + ")", List.of(
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
}
