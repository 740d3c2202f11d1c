package org.calphot.cli.internal;

import org.calphot.cli.internal.commands.BenchCommand;
import org.calphot.cli.internal.commands.ServicesCommand;

import picocli.CommandLine;

/** The one place where subcommands are registered, in the order {@code calphot --help} lists them. */
final class Subcommands {

    private Subcommands() {
    }

    static void register(CommandLine root) {
        root.addSubcommand(new ServicesCommand());
        root.addSubcommand(new CommandLine(new BenchCommand()));
    }
}
