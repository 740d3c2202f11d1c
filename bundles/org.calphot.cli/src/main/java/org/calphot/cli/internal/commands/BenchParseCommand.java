// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import org.calphot.cli.internal.CommandServices;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.calphot.tools.ParseBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Thin wrapper: all logic is in {@link ParseBenchmark}. Subcommand of {@code bench}. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Time reading logs: MB/s, frames/s, peak heap and peak resident memory.")
public final class BenchParseCommand implements Callable<Integer> {

    private final CommandServices broker;

    public BenchParseCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "log files to read")
    List<Path> files;

    @Option(names = "--repeat", description = "reads per file (default ${DEFAULT-VALUE})")
    int repeat = 3;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(new InspectCommand.WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new InspectCommand.WriterOutputStream(spec.commandLine().getErr()), true);
        int code = new ParseBenchmark(InspectCommand.readers(broker)).run(files, Math.max(1, repeat), out, err);
        out.flush();
        err.flush();
        return code;
    }
}
