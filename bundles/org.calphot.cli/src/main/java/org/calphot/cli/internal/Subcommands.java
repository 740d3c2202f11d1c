// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.util.List;
import java.util.function.Function;

import org.calphot.cli.internal.commands.BenchBatchCommand;
import org.calphot.cli.internal.commands.BenchCommand;
import org.calphot.cli.internal.commands.BenchMcmcCommand;
import org.calphot.cli.internal.commands.BenchParseCommand;
import org.calphot.cli.internal.commands.BenchRunCommand;
import org.calphot.cli.internal.commands.BenchStartupCommand;
import org.calphot.cli.internal.commands.BenchTimeCommand;
import org.calphot.cli.internal.commands.BenchWatchCommand;
import org.calphot.cli.internal.commands.BinCommand;
import org.calphot.cli.internal.commands.CatalogueCommand;
import org.calphot.cli.internal.commands.ComparisonMagsCommand;
import org.calphot.cli.internal.commands.EclipseTimesCommand;
import org.calphot.cli.internal.commands.EphemerisCommand;
import org.calphot.cli.internal.commands.ExtinctionCommand;
import org.calphot.cli.internal.commands.InspectCommand;
import org.calphot.cli.internal.commands.PluginsCommand;
import org.calphot.cli.internal.commands.RunCommand;
import org.calphot.cli.internal.commands.ServicesCommand;
import org.calphot.cli.internal.commands.SimulateCommand;
import org.calphot.cli.internal.commands.TimeCommand;
import org.calphot.cli.internal.commands.WatchCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one place where subcommands are registered, in the order {@code calphot --help} lists them.
 *
 * <p>Building a command's picocli model (reflection over its options, mixins and nested commands) was a third of
 * {@code calphot --help}'s start-up for 14 commands and 7 benchmarks, so a start registers only the command its
 * arguments name in full; every other command is a stand-in with its name and the description of its
 * {@code @Command}, which is all the parent's help lists and all an unknown name's suggestions need.
 */
final class Subcommands {

    /** One subcommand: its class (for the stand-in's name and description) and how to build it in full. */
    private record Entry(Class<?> type, Function<CommandLine, CommandLine> build) {
        String name() {
            return type.getAnnotation(Command.class).name();
        }
    }

    private Subcommands() {
    }

    /** Every subcommand in full (tests, the OSGi integration tests and anything that walks the whole tree). */
    static void register(CommandLine root, CommandServices services) {
        register(root, services, null);
    }

    /**
     * Registers {@code chosen} in full and the others as stand-ins; {@code null} registers every one in full.
     * {@code ""} (no command named: the root's own help) registers only stand-ins.
     */
    static void register(CommandLine root, CommandServices services, String chosen) {
        for (Entry e : entries(services)) {
            String name = e.name();
            root.addSubcommand(name, chosen == null || chosen.equals(name) ? e.build().apply(root) : standIn(e.type()));
        }
    }

    /** The name of the subcommand {@code args} select, "" when none, or null when it cannot tell (full tree). */
    static String chosen(CommandServices services, String... args) {
        for (String a : args) {
            if (a.startsWith("-") && !a.equals("--")) {
                continue; // the root's options take no parameter (--debug, -h, -V and their long forms)
            }
            if (a.equals("--")) {
                return null;
            }
            // an @argument file or an unknown name: the full tree, so errors and suggestions are picocli's own
            for (Entry e : entries(services)) {
                if (e.name().equals(a)) {
                    return a;
                }
            }
            return null;
        }
        return "";
    }

    private static CommandLine standIn(Class<?> type) {
        Command c = type.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(c.name());
        spec.usageMessage().description(c.description()).header(c.header());
        return new CommandLine(spec);
    }

    private static List<Entry> entries(CommandServices s) {
        return List.of(
                new Entry(RunCommand.class, root -> new CommandLine(new RunCommand(s), root.getFactory())),
                new Entry(WatchCommand.class, root -> new CommandLine(new WatchCommand(s), root.getFactory())),
                new Entry(InspectCommand.class, root -> new CommandLine(new InspectCommand(s), root.getFactory())),
                new Entry(ExtinctionCommand.class,
                        root -> new CommandLine(new ExtinctionCommand(s), root.getFactory())),
                new Entry(ComparisonMagsCommand.class,
                        root -> new CommandLine(new ComparisonMagsCommand(s), root.getFactory())),
                new Entry(BinCommand.class, root -> new CommandLine(new BinCommand(s), root.getFactory())),
                new Entry(SimulateCommand.class, root -> new CommandLine(new SimulateCommand(s), root.getFactory())),
                new Entry(CatalogueCommand.class, root -> new CommandLine(new CatalogueCommand(), root.getFactory())),
                new Entry(EclipseTimesCommand.class,
                        root -> new CommandLine(new EclipseTimesCommand(s), root.getFactory())),
                new Entry(EphemerisCommand.class,
                        root -> new CommandLine(new EphemerisCommand(s), root.getFactory())),
                new Entry(TimeCommand.class, root -> new CommandLine(new TimeCommand(s), root.getFactory())),
                new Entry(ServicesCommand.class, root -> new CommandLine(new ServicesCommand(s), root.getFactory())),
                new Entry(PluginsCommand.class, root -> new CommandLine(new PluginsCommand(), root.getFactory())),
                new Entry(BenchCommand.class, root -> bench(root, s)));
    }

    private static CommandLine bench(CommandLine root, CommandServices services) {
        CommandLine bench = new CommandLine(new BenchCommand(), root.getFactory());
        bench.addSubcommand(new BenchParseCommand(services));
        bench.addSubcommand(new BenchMcmcCommand());
        bench.addSubcommand(new BenchTimeCommand(services));
        bench.addSubcommand(new BenchStartupCommand());
        bench.addSubcommand(new BenchRunCommand(services));
        bench.addSubcommand(new BenchBatchCommand(services));
        bench.addSubcommand(new BenchWatchCommand(services));
        return bench;
    }
}
