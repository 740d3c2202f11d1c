// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.CommandServices;
import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.ephemeris.EphemerisFitter;
import org.calphot.tools.EphemerisTool;
import org.calphot.ephemeris.McmcOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Thin wrapper: all logic is in {@link EphemerisTool}. */
@Command(name = "ephemeris", mixinStandardHelpOptions = true,
        description = {"Fit a linear ephemeris (least squares and MCMC).", "",
            "Fit a linear ephemeris (least squares and MCMC) to an eclipse_times.txt file (BMJD TDB).",
            "Writes ephemeris_fit.txt, ephemeris_chain.txt/.csv and the figures ephemeris_scatter (O-C),",
            "ephemeris_corner_plot and ephemeris_traces (.pdf and .png) next to FILE or into --out."})
public final class EphemerisCommand implements Callable<Integer> {

    private final CommandServices broker;

    public EphemerisCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "eclipse times: '#name,id' lines, then cycle,time,error,source_id")
    Path file;

    @Option(names = "--walkers", description = "number of walkers (default ${DEFAULT-VALUE})")
    int walkers = McmcOptions.DEFAULT_WALKERS;

    @Option(names = "--steps", description = "steps per walker, burn-in included (default ${DEFAULT-VALUE})")
    int steps = McmcOptions.DEFAULT_STEPS;

    @Option(names = "--burn", description = "burn-in steps (default: 2 x autocorrelation time)")
    int burn = -1;

    @Option(names = "--thin", description = "thinning for the estimates (default: autocorrelation time / 2)")
    int thin = -1;

    @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = McmcOptions.DEFAULT_SEED;

    @Option(names = "--scale-errors", description = "fit one error-scale factor per source")
    boolean scaleErrors;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: FILE's folder)")
    Path out;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws CalphotException {
        PrintWriter err = spec.commandLine().getErr();
        Warnings warnings = (loc, msg) -> err.println("warning: "
                + (loc == null || loc.toString().isEmpty() ? "" : loc + ": ") + msg);
        EphemerisFitter fitter = broker.ephemerisFitter();
        // figures through the run's figure writer: the ephemeris bundle has no chart library
        org.calphot.pipeline.FigureWriter figures = org.calphot.pipeline.RunFigures.standard();
        EphemerisTool.FitFigures draw = (dir, table, fit) -> figures.writeEphemerisFigures(
                org.calphot.pipeline.OutputFiles.direct(dir), java.nio.file.Path.of(""), fit);
        int code = new EphemerisTool(fitter, draw).run(
                new EphemerisTool.Args(file, walkers, steps, burn, thin, seed, scaleErrors, out, json),
                spec.commandLine().getOut(), ProgressMonitor.NULL, warnings);
        spec.commandLine().getOut().flush();
        err.flush();
        return code;
    }
}
