// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.CommandServices;
import org.calphot.core.CalphotException;
import org.calphot.core.photometry.Binner;
import org.calphot.tools.BinTool;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Thin wrapper: all logic is in {@link BinTool}. */
@Command(name = "bin", mixinStandardHelpOptions = true,
        description = {"Bin phase-folded lightcurves into equal phase bins.", "",
            "Bin phase-folded lightcurves (phase flux error columns) into N equal phase bins."},
        footer = {"", "Bins are half-open [MIN + i*w, MIN + (i+1)*w), w = (MAX - MIN)/N.",
            "Flux: inverse-variance weighted mean; error: 1/sqrt(sum 1/sigma^2);",
            "phase: mean phase of the points. Empty bins are dropped; points with",
            "error <= 0 or non-finite values are left out and counted.",
            "Output: '#' header lines, then 'phase flux error n' per non-empty bin."})
public final class BinCommand implements Callable<Integer> {

    private final CommandServices broker;

    public BinCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--bins", required = true, paramLabel = "N", description = "Number of equal bins in [MIN, MAX).")
    int bins;

    @Option(names = "--range", required = true, arity = "2", paramLabel = "LIMIT",
            description = "MIN MAX: the phase range binned (MAX itself excluded), e.g. --range -0.5 0.5.")
    double[] range;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Input files: whitespace columns phase, flux, error ('#' comments), e.g. .calib files.")
    List<Path> files;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "Output file (written as given).")
    Path out;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Free text recorded in the output header.")
    String reason;

    @Override
    public Integer call() throws CalphotException {
        int code = new BinTool(broker.binner()).run(
                new BinTool.Args(bins, range[0], range[1], files, out, reason), spec.commandLine().getOut());
        spec.commandLine().getErr().flush();
        return code;
    }
}
