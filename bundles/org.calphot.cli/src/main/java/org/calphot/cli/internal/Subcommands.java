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

    static void register(CommandLine root) {
        root.addSubcommand(new RunCommand());
        root.addSubcommand(new WatchCommand());
        root.addSubcommand(new InspectCommand());
        root.addSubcommand(new ExtinctionCommand());
        root.addSubcommand(new ComparisonMagsCommand());
        root.addSubcommand(new BinCommand());
        root.addSubcommand(new SimulateCommand());
        root.addSubcommand(new CommandLine(new CatalogueCommand()));
        root.addSubcommand(new EclipseTimesCommand());
        root.addSubcommand(new EphemerisCommand());
        root.addSubcommand(new TimeCommand());
        root.addSubcommand(new ServicesCommand());
        root.addSubcommand(new PluginsCommand());
        CommandLine bench = new CommandLine(new BenchCommand());
        bench.addSubcommand(new BenchParseCommand());
        bench.addSubcommand(new BenchMcmcCommand());
        bench.addSubcommand(new BenchTimeCommand());
        bench.addSubcommand(new org.calphot.cli.internal.commands.BenchStartupCommand());
        bench.addSubcommand(new org.calphot.cli.internal.commands.BenchRunCommand());
        bench.addSubcommand(new org.calphot.cli.internal.commands.BenchBatchCommand());
        bench.addSubcommand(new BenchWatchCommand());
        root.addSubcommand(bench);
    }
}
