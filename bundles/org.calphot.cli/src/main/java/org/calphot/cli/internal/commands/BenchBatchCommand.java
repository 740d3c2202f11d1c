// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.BatchRun;
import org.calphot.cli.internal.PipelineConfigRunner;
import org.calphot.cli.internal.CommandServices;
import org.calphot.core.BadInputException;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.tools.ParseBenchmark;
import org.calphot.simulator.SimulateTool;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calphot bench batch}: simulated nights through {@code calphot run A B ... --jobs N} in this process,
 * beside the same kind of night run one at a time.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Time many configs in one JVM (calphot run A B ... --jobs N).", "",
            "Simulate --nights nights (HiPERCAM, --frames exposures each, one config per night) in a temporary "
                + "folder, run them all as one batch with --jobs configs at once, then run --baseline of them again "
                + "one at a time (--jobs 1) and --jobs at once, and print nights/s, CPU seconds per night and cores "
                + "busy of each and the speed-up. The folder is removed afterwards."})
public final class BenchBatchCommand implements Callable<Integer> {

    private final CommandServices broker;

    public BenchBatchCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--nights", paramLabel = "N", description = "simulated nights (default ${DEFAULT-VALUE}).")
    int nights = 100;

    @Option(names = "--frames", paramLabel = "N", description = "exposures per night (default ${DEFAULT-VALUE}).")
    int frames = 500;

    @Option(names = "--jobs", paramLabel = "N", description = "configs at once (default: cores).")
    int jobs;

    @Option(names = "--baseline", paramLabel = "N",
            description = "nights run again after the batch, one at a time and --jobs at once (default ${DEFAULT-VALUE}).")
    int baseline = 10;

    /** Wall seconds and process CPU seconds of one batch run. */
    private static double[] timed(PipelineConfigRunner runner, List<Path> configs, int jobs) throws InterruptedException {
        long t = System.nanoTime();
        double cpu = cpuSeconds();
        new BatchRun(runner).runAll(configs, jobs, 0, new PrintWriter(java.io.OutputStream.nullOutputStream()));
        return new double[] {(System.nanoTime() - t) / 1e9, cpuSeconds() - cpu};
    }

    /**
     * CPU seconds and cores used: on a machine shared with other work the wall time says little, while CPU seconds
     * per night show whether running configs at once costs extra work (locks, GC, a disk cache).
     */
    private static String cpuLine(double cpu, double wall, int nights) {
        return Double.isNaN(cpu) ? "CPU time unknown"
                : String.format(Locale.ROOT, "%.1f CPU-s = %.2f CPU-s per night, %.2f cores busy", cpu, cpu / nights,
                        cpu / wall);
    }

    /** User + system CPU time of this process from /proc/self/stat (Linux, 100 ticks per second), or NaN. */
    static double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of proc(5), counted from the state field (3) after the command name
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (nights < 1 || frames < 10 || jobs < 0 || baseline < 0) {
            throw new BadInputException("--nights, --frames (>= 10), --jobs and --baseline must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter quiet = new PrintWriter(java.io.OutputStream.nullOutputStream());
        Path dir = Files.createTempDirectory("calphot-bench-batch");
        try {
            SimulateTool sim = new SimulateTool(broker.timeCorrector(), broker.sites());
            long t = System.nanoTime();
            List<Path> configs = new ArrayList<>();
            for (int i = 1; i <= nights; i++) {
                Path d = dir.resolve(String.format(Locale.ROOT, "night%03d", i));
                sim.run(new SimulateTool.Args("hipercam", "hipercam", frames, i, d, null, Double.NaN, Double.NaN, null,
                        null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        false, false, null), quiet, ProgressMonitor.NULL, Warnings.IGNORE);
                configs.add(d.resolve("calphot.yaml"));
            }
            out.printf(Locale.ROOT, "simulated %d nights of %d frames in %.1f s; load average %s%n", nights, frames,
                    (System.nanoTime() - t) / 1e9, BenchStartupCommand.loadAverage());
            PipelineConfigRunner runner = new PipelineConfigRunner(broker, true, dir.resolve("cache"), null, "bench",
                    ProgressMonitor.NULL, quiet);
            int cores = Runtime.getRuntime().availableProcessors();
            int j = jobs > 0 ? jobs : cores;

            t = System.nanoTime();
            double cpu = cpuSeconds();
            List<BatchRun.Outcome> all = new BatchRun(runner).runAll(configs, j, 0, quiet);
            double batch = (System.nanoTime() - t) / 1e9;
            double batchCpu = cpuSeconds() - cpu;
            long ok = all.stream().filter(o -> o.exitCode() == 0).count();
            out.printf(Locale.ROOT, "batch: %d nights, --jobs %d: %.2f s = %.2f nights/s (%d ok); %s%n", nights, j,
                    batch, nights / batch, ok, cpuLine(batchCpu, batch, nights));
            if (baseline > 0) {
                // both after the batch (JIT-compiled, classes loaded), on the same nights: a second run of a config
                // replaces its outputs, as a re-run does. Speed-up = the same nights --jobs N against --jobs 1.
                List<Path> some = configs.subList(0, Math.min(baseline, configs.size()));
                double[] one = timed(runner, some, 1);
                double[] many = timed(runner, some, j);
                out.printf(Locale.ROOT, "baseline: %d nights one at a time (--jobs 1, warm): %.2f s = %.2f nights/s;"
                        + " %s%n", some.size(), one[0], some.size() / one[0], cpuLine(one[1], one[0], some.size()));
                out.printf(Locale.ROOT, "same %d nights --jobs %d (warm): %.2f s = %.2f nights/s; %s%n", some.size(), j,
                        many[0], some.size() / many[0], cpuLine(many[1], many[0], some.size()));
                out.printf(Locale.ROOT, "speed-up %.2f x on %d cores (warm, same nights); the cold batch above %.2f x"
                        + " the warm one-at-a-time rate; load average %s%n", one[0] / many[0], cores,
                        (nights / batch) / (some.size() / one[0]), BenchStartupCommand.loadAverage());
            }
            out.printf(Locale.ROOT, "peak RSS %.0f MB%n", ParseBenchmark.peakRss() / 1e6);
            out.flush();
            return ok == nights ? 0 : 1;
        } finally {
            BenchRunCommand.deleteTree(dir);
        }
    }
}
