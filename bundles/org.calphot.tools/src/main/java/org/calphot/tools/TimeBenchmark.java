// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.io.PrintStream;
import java.util.Locale;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.time.AirmassFormula;
import org.calphot.core.time.Site;
import org.calphot.core.time.SkyPosition;
import org.calphot.core.time.TimeColumns;
import org.calphot.core.time.TimeCorrector;
import org.calphot.core.time.TimeRequest;

/**
 * The logic of {@code calphot bench time}: converts {@code n} frame times of one target (NN Ser)
 * at one site (La Palma) spread over an 8-hour night, computing BMJD, TDB-UTC, light time,
 * altitude and airmass, and prints conversions per second and the memory used.
 */
public final class TimeBenchmark {

    /** Measured figures. */
    public record Result(int n, double bestSeconds, double meanSeconds, double conversionsPerSecond,
            double inputMb, double outputMb, double peakHeapAboveInputMb, int threads) {
    }

    private TimeBenchmark() {
    }

    public static Result run(TimeCorrector corrector, int n, int repeats, PrintStream out) throws CalphotException {
        Site site = new Site("lapalma", 28.758333333333333, -17.88, 2327.0, "benchmark");
        SkyPosition nnSer = new SkyPosition(238.23385417, 12.91241111);
        TimeRequest req = new TimeRequest(site, nnSer, AirmassFormula.PLANE_PARALLEL);
        Runtime rt = Runtime.getRuntime();
        double[] mjd = new double[n];
        double start = 60000.85;
        for (int i = 0; i < n; i++) {
            mjd[i] = start + (8.0 / 24.0) * i / n;
        }
        gc();
        long baseline = rt.totalMemory() - rt.freeMemory();
        TimeColumns cols = TimeColumns.barycentric(n);
        // warm-up (JIT) on the same column
        corrector.correct(req, mjd, 0, n, cols, Warnings.IGNORE);
        double best = Double.MAX_VALUE;
        double sum = 0;
        long peak = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            corrector.correct(req, mjd, 0, n, cols, Warnings.IGNORE);
            double s = (System.nanoTime() - t0) / 1e9;
            peak = Math.max(peak, rt.totalMemory() - rt.freeMemory() - baseline);
            best = Math.min(best, s);
            sum += s;
        }
        double mb = 1024.0 * 1024.0;
        Result res = new Result(n, best, sum / repeats, n / best, 8.0 * n / mb, 5 * 8.0 * n / mb, peak / mb,
                java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1);
        if (out != null) {
            out.println(String.format(Locale.ROOT,
                    "time: %d conversions (BMJD, TDB-UTC, light time, altitude, airmass), one target, one site, 8 h",
                    n));
            out.println(String.format(Locale.ROOT, "time: best %.1f ms, mean %.1f ms over %d runs (%d threads)",
                    best * 1e3, sum / repeats * 1e3, repeats, res.threads()));
            out.println(String.format(Locale.ROOT, "time: %.3g conversions/s", res.conversionsPerSecond()));
            out.println(String.format(Locale.ROOT,
                    "time: memory: input %.1f MB, outputs %.1f MB, heap growth above input during runs %.1f MB",
                    res.inputMb(), res.outputMb(), res.peakHeapAboveInputMb()));
            out.flush();
        }
        return res;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }
}
