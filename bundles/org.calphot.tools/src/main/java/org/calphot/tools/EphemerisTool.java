// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.io.JsonWriter;
import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.ephemeris.EphemerisFitFile;
import org.calphot.ephemeris.EphemerisFitter;
import org.calphot.ephemeris.McmcOptions;
import org.calphot.ephemeris.OcTable;
import org.calphot.mcmc.Chain;
import org.calphot.mcmc.ChainIO;

/**
 * Logic of {@code calphot ephemeris FILE [--walkers N] [--steps N] [--burn N] [--thin N]
 * [--seed S] [--scale-errors] [--out DIR] [--json]}: reads FILE (the original's
 * eclipse_times.txt layout, times BMJD TDB), fits by least squares and MCMC, writes
 * {@code ephemeris_fit.txt}, {@code ephemeris_chain.txt} (original layout) and
 * {@code ephemeris_chain.csv} (post burn-in, unthinned) into DIR (default: FILE's folder), and
 * prints a summary or one JSON object.
 */
public final class EphemerisTool {

    /** Parsed arguments; burn/thin &lt; 0 = from the autocorrelation time. */
    public record Args(Path file, int walkers, int steps, int burn, int thin, long seed, boolean scaleErrors,
            Path outDir, boolean json) {
    }

    /**
     * Draws the fit's figures into a folder (the ephemeris bundle has no chart library; the
     * command line passes the plot-backed writer). Returns the files written.
     */
    @FunctionalInterface
    public interface FitFigures {
        List<Path> write(Path dir, EclipseTimeTable table, EphemerisFit fit) throws CalphotException;
    }

    private final EphemerisFitter fitter;
    private final FitFigures figures;

    public EphemerisTool(EphemerisFitter fitter) {
        this(fitter, null);
    }

    /** @param figures draws the O-C, corner and trace figures; null for none */
    public EphemerisTool(EphemerisFitter fitter, FitFigures figures) {
        this.fitter = fitter;
        this.figures = figures;
    }

    public EphemerisTool() {
        this(EphemerisFitter.create());
    }

    /** Runs the command; returns the exit code (0). Bad input and failures are thrown. */
    public int run(Args a, PrintStream out, ProgressMonitor monitor, Warnings warnings) throws CalphotException {
        PrintWriter w = new PrintWriter(out, true);
        try {
            return run(a, w, monitor, warnings);
        } finally {
            w.flush();
        }
    }

    /** As {@link #run(Args, PrintStream, ProgressMonitor, Warnings)}, printing to a writer (picocli's getOut()). */
    public int run(Args a, PrintWriter out, ProgressMonitor monitor, Warnings warnings) throws CalphotException {
        if (a.walkers() < 4 || a.steps() < 10) {
            throw new BadInputException("--walkers must be >= 4 and --steps >= 10", Location.key(null, 0, "walkers"));
        }
        EclipseTimeTable table = EclipseTimesFile.read(a.file(), warnings);
        if (table.size() < 3) {
            throw new BadInputException("need at least 3 eclipse times, found " + table.size(),
                    Location.of(a.file().toString()));
        }
        EphemerisFit wls = fitter.fitLeastSquares(table);
        McmcOptions o = new McmcOptions(a.walkers(), a.steps(), a.burn(), a.thin(), a.seed(), a.scaleErrors(), 0);
        EphemerisFit fit = fitter.fitMcmc(table, o, monitor, warnings);
        if (fit.poorFit()) {
            warnings.warn(Location.of(a.file().toString()), String.format(Locale.ROOT, "the ephemeris fit is poor"
                    + " (reduced chi2 %.2f > 3): %s; check the eclipse times", fit.reducedChi2Unscaled(),
                    fit.errorNote()));
        }
        Path dir = a.outDir() != null ? a.outDir() : a.file().toAbsolutePath().getParent();
        Path fitFile = dir.resolve("ephemeris_fit.txt");
        Path chainTxt = dir.resolve("ephemeris_chain.txt");
        Path chainCsv = dir.resolve("ephemeris_chain.csv");
        try {
            Chain production = fit.mcmc().chain().subChain(fit.mcmc().burn(), 1);
            EphemerisFitFile.write(fitFile, fit);
            ChainIO.writeOriginalLayout(chainTxt, production);
            ChainIO.writeCsv(chainCsv, production);
        } catch (IOException e) {
            throw new CalphotException("cannot write results: " + e.getMessage(), Location.of(dir.toString()), e);
        }
        List<Path> files = new java.util.ArrayList<>(List.of(fitFile, chainTxt, chainCsv));
        if (figures != null) {
            files.addAll(figures.write(dir, table, fit));
        }
        if (a.json()) {
            out.println(JsonWriter.write(jsonOf(fit, wls, files)));
        } else {
            out.print(text(fit, wls));
            out.println("wrote " + String.join(", ", files.stream().map(Path::toString).toList()));
        }
        return 0;
    }

    static Map<String, Object> jsonOf(EphemerisFit f, EphemerisFit wls, List<Path> files) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t0", f.t0());
        m.put("t0_err", f.t0ErrHeadline());
        m.put("period", f.period());
        m.put("period_err", f.periodErrHeadline());
        m.put("reduced_chi2", f.reducedChi2());
        m.put("t0_err_unscaled", f.t0Err());
        m.put("period_err_unscaled", f.periodErr());
        m.put("error_scale", f.errorScale());
        m.put("errors", f.errorNote());
        m.put("reduced_chi2_unscaled", f.reducedChi2Unscaled());
        m.put("n_eclipses", f.nEclipses());
        m.put("time_scale", "BMJD(TDB)");
        m.put("method", f.method());
        m.put("chi2", f.chi2());
        m.put("dof", f.dof());
        m.put("corr_t0_period", f.correlation());
        m.put("reference_cycle", f.referenceCycle());
        if (f.scaleFactors().length > 0) {
            Map<String, Object> s = new LinkedHashMap<>();
            for (int k = 0; k < f.scaleFactors().length; k++) {
                s.put(f.scaleNames()[k], List.of(f.scaleFactors()[k], f.scaleFactorErrs()[k]));
            }
            m.put("error_scales", s);
            m.put("chi2_unscaled", f.chi2Unscaled());
        }
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("t0", wls.t0());
        w.put("t0_err", wls.t0Err());
        w.put("period", wls.period());
        w.put("period_err", wls.periodErr());
        w.put("t0_err_scaled", wls.t0ErrScaled());
        w.put("period_err_scaled", wls.periodErrScaled());
        w.put("reduced_chi2", wls.reducedChi2());
        m.put("least_squares", w);
        EphemerisFit.McmcInfo i = f.mcmc();
        Map<String, Object> mc = new LinkedHashMap<>();
        mc.put("walkers", i.chain().nWalkers());
        mc.put("steps", i.chain().nSteps());
        mc.put("burn", i.burn());
        mc.put("thin", i.thin());
        mc.put("seed", i.seed());
        mc.put("tau", i.tau());
        mc.put("tau_warning", i.tauWarning());
        mc.put("acceptance", i.meanAcceptance());
        mc.put("log_prob_calls", i.logProbCalls());
        mc.put("sampling_seconds", i.samplingSeconds());
        mc.put("effective_samples", i.effectiveSamples());
        m.put("mcmc", mc);
        Map<String, Object> oc = new LinkedHashMap<>();
        oc.put("cycle", f.oc().cycles());
        oc.put("bmjd_tdb", f.oc().bmjdTdb());
        oc.put("o_minus_c_s", f.oc().ocSeconds());
        oc.put("error_s", f.oc().errorSeconds());
        oc.put("source_id", f.oc().sourceIds());
        m.put("o_minus_c", oc);
        m.put("files", files.stream().map(Path::toString).toList());
        return m;
    }

    static String text(EphemerisFit f, EphemerisFit wls) {
        StringBuilder sb = new StringBuilder();
        EphemerisFit.McmcInfo i = f.mcmc();
        sb.append(String.format(Locale.ROOT, "%d eclipses; times BMJD(TDB); errors 1 sigma%n", f.nEclipses()));
        sb.append(String.format(Locale.ROOT,
                "least squares: T0 = %.8f +- %.2e  P = %.12f +- %.2e  chi2 = %.1f / %d (scaled errors %.2e, %.2e)%n",
                wls.t0(), wls.t0Err(), wls.period(), wls.periodErr(), wls.chi2(), wls.dof(), wls.t0ErrScaled(),
                wls.periodErrScaled()));
        sb.append(String.format(Locale.ROOT,
                "MCMC (median, 16-84 half-width): T0 = %.8f +- %.2e  P = %.12f +- %.2e  reduced chi2 = %.3f (%s;"
                        + " unscaled +- %.2e, %.2e)%n", f.t0(), f.t0ErrHeadline(), f.period(), f.periodErrHeadline(),
                f.reducedChi2(), f.errorNote(), f.t0Err(), f.periodErr()));
        if (f.poorFit()) {
            sb.append(String.format(Locale.ROOT, "WARNING: reduced chi2 %.3f > 3: the times scatter far more than their"
                    + " errors%n", f.reducedChi2Unscaled()));
        }
        for (int k = 0; k < f.scaleFactors().length; k++) {
            sb.append(String.format(Locale.ROOT, "  error scale %s = %.3f +- %.3f%n", f.scaleNames()[k],
                    f.scaleFactors()[k], f.scaleFactorErrs()[k]));
        }
        sb.append(String.format(Locale.ROOT,
                "sampler: %d walkers x %d steps, burn %d, thin %d, seed %d, tau %s, acceptance %.2f, %.3f s%n",
                i.chain().nWalkers(), i.chain().nSteps(), i.burn(), i.thin(), i.seed(), tauText(i.tau()),
                i.meanAcceptance(), i.samplingSeconds()));
        if (i.tauWarning() != null) {
            sb.append("warning: ").append(i.tauWarning()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-16s | %20s | %s%n", "Source", "(Obs) - (Calc), sec", "Cycle Number"));
        OcTable oc = f.oc();
        for (int k = 0; k < oc.cycles().length; k++) {
            sb.append(String.format(Locale.ROOT, " %-15s | %12.2f +- %5.2f | %d%n", oc.sourceNames()[k],
                    oc.ocSeconds()[k], oc.errorSeconds()[k], oc.cycles()[k]));
        }
        return sb.toString();
    }

    private static String tauText(double[] tau) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < tau.length; k++) {
            sb.append(k > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.1f", tau[k]));
        }
        return sb.append(']').toString();
    }
}
