// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.calphot.cli.internal.BatchRun;
import org.calphot.cli.internal.BuildInfo;
import org.calphot.cli.internal.ConsoleProgress;
import org.calphot.cli.internal.PipelineConfigRunner;
import org.calphot.cli.internal.CommandServices;
import org.calphot.config.OutputFormat;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;

import picocli.CommandLine.Model.CommandSpec;

/** {@code calphot run A.yaml B.yaml ...}: hands several configs to {@link BatchRun}, prints its table. */
final class BatchDispatch {

    private BatchDispatch() {
    }

    static int run(CommandServices broker, CommandSpec spec, List<Path> configs, Path out, int jobs, int threads, Path summary,
            boolean offline, Path cache, Set<OutputFormat> formats, boolean quiet) throws CalphotException {
        if (out != null && configs.size() > 1) {
            throw new BadInputException("--out takes one config; with several, each writes to its own 'directory'",
                    Location.key(null, 0, "--out"));
        }
        if (jobs < 0 || threads < 0) {
            throw new BadInputException("must not be negative", Location.key(null, 0, jobs < 0 ? "--jobs" : "--threads"));
        }
        var err = spec.commandLine().getErr();
        PipelineConfigRunner runner = new PipelineConfigRunner(broker, offline, cache, formats,
                BuildInfo.version() + " (build " + BuildInfo.buildId() + ")", new ConsoleProgress(System.err, true),
                err);
        BatchRun.ConfigRunner one = out == null ? runner : (c, t) -> runner.run(c, t, out);
        long t0 = System.nanoTime();
        List<BatchRun.Outcome> outcomes;
        try {
            outcomes = new BatchRun(one).runAll(configs, jobs, threads, quiet ? new java.io.PrintWriter(
                    java.io.OutputStream.nullOutputStream()) : err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalphotException("interrupted");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        BatchRun.printTable(outcomes, wall, Math.max(1, Math.min(jobs > 0 ? jobs : cores, configs.size())),
                spec.commandLine().getOut());
        if (summary != null) {
            try {
                BatchRun.writeTsv(outcomes, summary);
            } catch (IOException e) {
                throw new CalphotException("cannot write the summary: " + e.getMessage(), Location.of(summary.toString()), e);
            }
        }
        return BatchRun.exitCode(outcomes);
    }
}
