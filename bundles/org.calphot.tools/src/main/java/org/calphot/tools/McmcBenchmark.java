// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.ephemeris.EclipseTimeTable;
import org.calphot.ephemeris.EclipseTimesFile;
import org.calphot.ephemeris.EphemerisFit;
import org.calphot.ephemeris.EphemerisFitter;
import org.calphot.ephemeris.McmcOptions;

/**
 * Logic of {@code calphot bench mcmc [FILE] [--walkers 32] [--steps 7000] [--repeat 5]
 * [--seed 1] [--threads 0]}: the MCMC ephemeris fit (default 32 walkers x 7000 steps) on FILE or,
 * without one, on 54 synthetic DP Leo-like eclipses (cycles 0..7614, errors 0.9-3.6 s). One
 * warm-up run, then {@code repeat} timed runs; prints the fastest and median sampling time,
 * log-probability calls per second and effective samples per second.
 */
public final class McmcBenchmark {

    public record Args(Path file, int walkers, int steps, int repeat, long seed, int threads) {
    }

    /** What was measured (fastest run). */
    public record Result(double bestSeconds, double medianSeconds, double callsPerSecond,
            double effectiveSamplesPerSecond, double[] tau, int threads) {
    }

    public Result run(Args a, PrintStream out) throws CalphotException {
        PrintWriter w = new PrintWriter(out, true);
        try {
            return run(a, w);
        } finally {
            w.flush();
        }
    }

    public Result run(Args a, PrintWriter out) throws CalphotException {
        EclipseTimeTable table = a.file() != null ? EclipseTimesFile.read(a.file(), Warnings.IGNORE) : synthetic();
        EphemerisFitter fitter = EphemerisFitter.create();
        McmcOptions o = McmcOptions.defaults().withSteps(a.walkers(), a.steps()).withSeed(a.seed())
                .withThreads(a.threads());
        fitter.fitMcmc(table, o, null, Warnings.IGNORE); // JIT warm-up
        int n = Math.max(1, a.repeat());
        double[] secs = new double[n];
        EphemerisFit last = null;
        for (int r = 0; r < n; r++) {
            last = fitter.fitMcmc(table, o, null, Warnings.IGNORE);
            secs[r] = last.mcmc().samplingSeconds();
        }
        Arrays.sort(secs);
        EphemerisFit.McmcInfo i = last.mcmc();
        double calls = i.logProbCalls();
        Result res = new Result(secs[0], secs[n / 2], calls / secs[0], i.effectiveSamples() / secs[0], i.tau(),
                i.threads());
        out.printf(Locale.ROOT, "bench mcmc: ephemeris fit, %d eclipses, %d walkers x %d steps (%s), %d thread(s)%n",
                table.size(), a.walkers(), a.steps(), a.file() == null ? "synthetic DP Leo-like data" : a.file(),
                res.threads());
        out.printf(Locale.ROOT, "sampling time: best %.4f s, median %.4f s over %d runs%n", res.bestSeconds(),
                res.medianSeconds(), n);
        out.printf(Locale.ROOT, "log-probability calls/s: %.0f%n", res.callsPerSecond());
        out.printf(Locale.ROOT, "tau: %s steps; effective samples: %.0f; effective samples/s: %.0f%n",
                Arrays.toString(Arrays.stream(i.tau()).map(t -> Math.round(t * 10) / 10.0).toArray()),
                i.effectiveSamples(), res.effectiveSamplesPerSecond());
        return res;
    }

    static EclipseTimeTable synthetic() {
        SplittableRandom r = new SplittableRandom(98482);
        int n = 54;
        int[] c = new int[n];
        double[] t = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = i == 0 ? 0 : i == n - 1 ? 7614 : r.nextInt(7615);
            e[i] = (1.0e-5 + 3.2e-5 * r.nextDouble());
        }
        Arrays.sort(c);
        for (int i = 0; i < n; i++) {
            double g = Math.sqrt(-2 * Math.log1p(-r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            t[i] = 54914.332292 + 0.06236285648 * c[i] + e[i] * g;
        }
        return new EclipseTimeTable(Map.of(0, "synthetic"), c, t, e, new int[n]);
    }
}
