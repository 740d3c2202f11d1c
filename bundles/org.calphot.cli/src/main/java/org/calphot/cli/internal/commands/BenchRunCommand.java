// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.calphot.cli.internal.CommandServices;
import org.calphot.cli.internal.StageTimer;
import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.BadInputException;
import org.calphot.core.Warnings;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.tools.ParseBenchmark;
import org.calphot.pipeline.Pipeline;
import org.calphot.pipeline.PipelineServices;
import org.calphot.pipeline.RunOptions;
import org.calphot.pipeline.RunResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code calphot bench run CONFIG}: the whole {@code calphot run} in this process, into a temporary folder, with
 * the time of each stage (read, time, calibrate, figures; writing and bookkeeping are the rest) and its share.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Time calphot run on a config: each stage and its share.", "",
            "Run a config into a temporary folder (removed afterwards) --repeat times and print the wall time of",
            "each run, split into the run's stages: read the logs, time (BMJD, airmass), calibrate, figures, and",
            "the rest (lightcurve files, Calibration.txt, provenance). The first run is the one a user feels",
            "(cold JIT); the best shows the steady state. Stage times are summed over threads."})
public final class BenchRunCommand implements Callable<Integer> {

    private final CommandServices broker;

    public BenchRunCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "cal_phot YAML config file.")
    Path config;

    @Option(names = "--repeat", paramLabel = "N", description = "runs (default ${DEFAULT-VALUE}).")
    int repeat = 3;

    @Option(names = "--offline", description = "Catalogue magnitudes from the cache only.")
    boolean offline;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw new BadInputException("--repeat must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        long startup = ManagementFactory.getRuntimeMXBean().getUptime();
        CalphotJob job = new ConfigReader(broker.sites(), Warnings.IGNORE).read(config);
        CatalogueRegistry catalogues = broker.cataloguesOrNull();
        out.printf(Locale.ROOT, "%s: %d logs; JVM up %.2f s before the command started (start-up; load average"
                + " %s)%n", config, job.extractedLogs().size(), startup / 1e3, BenchStartupCommand.loadAverage());
        out.printf(Locale.ROOT, "  %-6s %8s %8s %8s %8s %8s %8s%n", "run", "wall_s", "read", "time", "calib",
                "figures", "rest");
        double best = Double.MAX_VALUE;
        StageTimer bestStages = null;
        double bestWall = 0;
        for (int i = 0; i < repeat; i++) {
            StageTimer st = new StageTimer();
            PipelineServices services = new PipelineServices(st.logs(broker.logReaders()),
                    st.time(broker.timeCorrector()), st.calibrator(broker.fluxCalibrator()),
                    catalogues,
                    st.figures(org.calphot.pipeline.RunFigures.standard()), broker.filterSystems());
            Path dir = Files.createTempDirectory("calphot-bench-run");
            try {
                long t = System.nanoTime();
                RunResult r = new Pipeline(services).run(job,
                        new RunOptions(dir.resolve("out"), offline, null, null, 0, "bench"), null, Warnings.IGNORE);
                double wall = (System.nanoTime() - t) / 1e9;
                double rest = Math.max(0, wall - (st.read.get() + st.time.get() + st.calibrate.get()
                        + st.figures.get()) / 1e9);
                out.printf(Locale.ROOT, "  %-6s %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f   (%d files)%n",
                        i == 0 ? "first" : "#" + (i + 1), wall, st.read.get() / 1e9, st.time.get() / 1e9,
                        st.calibrate.get() / 1e9, st.figures.get() / 1e9, rest, r.files().size());
                if (wall < best) {
                    best = wall;
                    bestStages = st;
                    bestWall = rest;
                }
            } finally {
                deleteTree(dir);
            }
        }
        double sum = (bestStages.read.get() + bestStages.time.get() + bestStages.calibrate.get()
                + bestStages.figures.get()) / 1e9 + bestWall;
        out.printf(Locale.ROOT, "  shares of the best run: read %.0f %%, time %.0f %%, calibrate %.0f %%, figures %.0f %%,"
                + " write and rest %.0f %%%n", 100 * bestStages.read.get() / 1e9 / sum,
                100 * bestStages.time.get() / 1e9 / sum, 100 * bestStages.calibrate.get() / 1e9 / sum,
                100 * bestStages.figures.get() / 1e9 / sum, 100 * bestWall / sum);
        out.printf(Locale.ROOT, "  best %.3f s; peak RSS %.0f MB%n", best, ParseBenchmark.peakRss() / 1e6);
        out.flush();
        return 0;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary folder: best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
