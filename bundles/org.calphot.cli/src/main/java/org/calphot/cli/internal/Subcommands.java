// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import org.calphot.cli.internal.commands.BenchCommand;
import org.calphot.cli.internal.commands.BinCommand;
import org.calphot.cli.internal.commands.ComparisonMagsCommand;
import org.calphot.cli.internal.commands.ExtinctionCommand;
import org.calphot.cli.internal.commands.RunCommand;
import org.calphot.cli.internal.commands.SimulateCommand;
import org.calphot.cli.internal.commands.BenchMcmcCommand;
import org.calphot.cli.internal.commands.BenchParseCommand;
import org.calphot.cli.internal.commands.InspectCommand;
import org.calphot.cli.internal.commands.CatalogueCommand;
import org.calphot.cli.internal.commands.EphemerisCommand;
import org.calphot.cli.internal.commands.EclipseTimesCommand;
import org.calphot.cli.internal.commands.BenchTimeCommand;
import org.calphot.cli.internal.commands.ServicesCommand;
import org.calphot.cli.internal.commands.PluginsCommand;
import org.calphot.cli.internal.commands.TimeCommand;
import org.calphot.cli.internal.commands.WatchCommand;
import org.calphot.cli.internal.commands.BenchWatchCommand;

import picocli.CommandLine;

/** The one place where subcommands are registered, in the order {@code calphot --help} lists them. */
final class Subcommands {

    private Subcommands() {
    }

    static void register(CommandLine root, CommandServices services) {
        root.addSubcommand(new RunCommand(services));
        root.addSubcommand(new WatchCommand(services));
        root.addSubcommand(new InspectCommand(services));
        root.addSubcommand(new ExtinctionCommand(services));
        root.addSubcommand(new ComparisonMagsCommand(services));
        root.addSubcommand(new BinCommand(services));
        root.addSubcommand(new SimulateCommand(services));
        root.addSubcommand(new CommandLine(new CatalogueCommand(), root.getFactory()));
        root.addSubcommand(new EclipseTimesCommand(services));
        root.addSubcommand(new EphemerisCommand(services));
        root.addSubcommand(new TimeCommand(services));
        root.addSubcommand(new ServicesCommand(services));
        root.addSubcommand(new PluginsCommand());
        CommandLine bench = new CommandLine(new BenchCommand(), root.getFactory());
        bench.addSubcommand(new BenchParseCommand(services));
        bench.addSubcommand(new BenchMcmcCommand());
        bench.addSubcommand(new BenchTimeCommand(services));
        bench.addSubcommand(new org.calphot.cli.internal.commands.BenchStartupCommand());
        bench.addSubcommand(new org.calphot.cli.internal.commands.BenchRunCommand(services));
        bench.addSubcommand(new org.calphot.cli.internal.commands.BenchBatchCommand(services));
        bench.addSubcommand(new BenchWatchCommand(services));
        root.addSubcommand(bench);
    }
}
