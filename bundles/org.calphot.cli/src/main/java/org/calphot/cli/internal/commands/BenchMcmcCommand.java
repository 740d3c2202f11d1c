// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.calphot.core.CalphotException;
import org.calphot.tools.McmcBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Thin wrapper: all logic is in {@link McmcBenchmark}. Subcommand of {@code bench}. */
@Command(name = "mcmc", mixinStandardHelpOptions = true,
        description = {"Time the 32 x 7000 MCMC ephemeris fit: calls/s, samples/s.", "",
            "Time the MCMC ephemeris fit (32 walkers x 7000 steps): log-probability calls/s, effective samples/s."})
public final class BenchMcmcCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "eclipse_times.txt to fit (default: 54 synthetic DP Leo-like eclipses)")
    Path file;

    @Option(names = "--walkers", description = "default ${DEFAULT-VALUE}")
    int walkers = 32;

    @Option(names = "--steps", description = "default ${DEFAULT-VALUE}")
    int steps = 7000;

    @Option(names = "--repeat", description = "timed runs after one warm-up (default ${DEFAULT-VALUE})")
    int repeat = 5;

    @Option(names = "--seed", description = "default ${DEFAULT-VALUE}")
    long seed = 1;

    @Option(names = "--threads", description = "0 = automatic, 1 = serial, N = pool of N (default ${DEFAULT-VALUE})")
    int threads = 0;

    @Override
    public Integer call() throws CalphotException {
        new McmcBenchmark().run(new McmcBenchmark.Args(file, walkers, steps, repeat, seed, threads),
                spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
