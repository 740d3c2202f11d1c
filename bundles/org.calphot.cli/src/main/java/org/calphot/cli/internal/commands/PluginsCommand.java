// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.ConsoleProgress;
import org.calphot.cli.internal.CommandServices;
import org.calphot.core.CalphotException;
import org.calphot.core.plugins.PluginManager;
import org.calphot.core.plugins.PluginManager.Change;
import org.calphot.core.plugins.PluginManager.Plugin;
import org.calphot.io.JsonWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code calphot plugins list|install|uninstall}: optional features (catalogues, filter systems) from a p2
 * repository. Changes are written to this product's configuration and are seen by the NEXT start.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List, install or uninstall optional features (p2).", "",
            "List, install or uninstall optional features (catalogues, filter systems) from a p2"
                + " repository; a change takes effect at the next start."},
        subcommands = {PluginsCommand.ListCommand.class, PluginsCommand.InstallCommand.class,
                PluginsCommand.UninstallCommand.class})
public final class PluginsCommand implements Callable<Integer> {

    static final String NEXT_START = "takes effect at the next start of calphot";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Features of this product, or those a repository offers.", "",
                "The features of this product (base or installed), or with --available those a repository offers."})
    static final class ListCommand implements Callable<Integer> {

        private final CommandServices broker;

        ListCommand(CommandServices broker) {
            this.broker = broker;
        }

        @Spec
        CommandSpec spec;

        @Option(names = "--available", paramLabel = "REPO",
                description = "List the features of this p2 repository (folder or .zip) instead.")
        Path available;

        @Mixin
        JsonOption jsonOption;

        @Override
        public Integer call() throws CalphotException {
            PluginManager pm = broker.pluginManager();
            List<Plugin> list = available == null ? pm.installed() : pm.available(available);
            var out = spec.commandLine().getOut();
            if (jsonOption.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Plugin p : list) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", p.id());
                    m.put("version", p.version());
                    m.put("name", p.name());
                    m.put(available == null ? "installed_by_user" : "not_installed", p.optional());
                    rows.add(m);
                }
                out.println(JsonWriter.pretty(rows));
            } else {
                for (Plugin p : list) {
                    String state = available == null ? (p.optional() ? "installed" : "base")
                            : (p.optional() ? "available" : "installed");
                    out.println(String.format(Locale.ROOT, "%-40s %-26s %-9s %s", p.id(), p.version(), state,
                            p.name()));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install a feature from a p2 repository (at next start).", "",
                "Install a feature from a p2 repository (folder or .zip), e.g. the calphot update site;"
                    + " it " + NEXT_START + "."})
    static final class InstallCommand implements Callable<Integer> {

        private final CommandServices broker;

        InstallCommand(CommandServices broker) {
            this.broker = broker;
        }

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "REPO", description = "p2 repository: a folder or a .zip of one.")
        Path repository;

        @Parameters(index = "1", paramLabel = "FEATURE",
                description = "Feature id, e.g. org.calphot.catalogue.local.feature.")
        String feature;

        @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
        boolean quiet;

        @Override
        public Integer call() throws CalphotException {
            Change c = broker.pluginManager().install(repository, feature,
                    new ConsoleProgress(System.err, quiet));
            report(spec, "installed", c);
            return 0;
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true,
            description = {"Uninstall a feature you installed (at next start).", "",
                "Uninstall a feature installed with 'calphot plugins install'; it " + NEXT_START + "."})
    static final class UninstallCommand implements Callable<Integer> {

        private final CommandServices broker;

        UninstallCommand(CommandServices broker) {
            this.broker = broker;
        }

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FEATURE", description = "Feature id, see 'calphot plugins list'.")
        String feature;

        @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
        boolean quiet;

        @Override
        public Integer call() throws CalphotException {
            Change c = broker.pluginManager().uninstall(feature, new ConsoleProgress(System.err, quiet));
            report(spec, "uninstalled", c);
            return 0;
        }
    }

    static void report(CommandSpec spec, String verb, Change c) {
        var out = spec.commandLine().getOut();
        out.println(verb + " " + c.feature().id() + " " + c.feature().version() + "; " + NEXT_START);
        for (String a : c.added()) {
            out.println("  + " + a);
        }
        for (String r : c.removed()) {
            out.println("  - " + r);
        }
        out.flush();
    }
}
