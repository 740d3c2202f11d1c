// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.calphot.catalogue.AutoCatalogue;
import org.calphot.catalogue.CatalogueCommands;
import org.calphot.catalogue.CatalogueCompare;
import org.calphot.catalogue.CatalogueCommands.QueryRequest;
import org.calphot.cli.internal.CommandServices;
import org.calphot.core.CalphotException;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.catalogue.ConeQuery;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calphot catalogue list|query}: the catalogues present and their on-disk cache. */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = {"List catalogues or query one (answers cached on disk).", "",
            "List comparison-star catalogues or query one (answers are cached on disk)."},
        subcommands = {CatalogueCommand.ListCommand.class, CatalogueCommand.QueryCommand.class,
            CatalogueCommand.CompareCommand.class})
public final class CatalogueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the catalogues installed in this runtime.")
    static final class ListCommand implements Callable<Integer> {

        private final CommandServices broker;

        ListCommand(CommandServices broker) {
            this.broker = broker;
        }

        @Spec
        CommandSpec spec;

        @Mixin
        JsonOption jsonOption;

        @Override
        public Integer call() throws CalphotException {
            var out = spec.commandLine().getOut();
            out.print(CatalogueCommands.list(broker.catalogues(), jsonOption.json));
            out.flush();
            return 0;
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Stars near a position (or a standard star by name); fills the cache.")
    static final class QueryCommand implements Callable<Integer> {

        private final CommandServices broker;

        QueryCommand(CommandServices broker) {
            this.broker = broker;
        }

        @Spec
        CommandSpec spec;

        @Option(names = "--catalogue", required = true, paramLabel = "NAME",
                description = {"Catalogue name, see 'calphot catalogue list', or auto: the first of "
                    + "sdss, panstarrs, skymapper, gaia whose footprint holds the position, that gives the --bands "
                    + "and matches a star (every candidate's reason is shown)."})
        String catalogue;

        @Option(names = "--bands", paramLabel = "B,B", split = ",",
                description = "With --catalogue auto: SDSS bands the catalogue must give (u,g,r,i,z; us..zs; kg5).")
        List<String> bands = new ArrayList<>();

        static final class Target {
            @Option(names = "--at", paramLabel = "\"RA DEC\"",
                    description = "Position: decimal degrees or \"hh:mm:ss.s +dd:mm:ss.s\".")
            String at;

            @Option(names = "--name", paramLabel = "STAR", description = "Star name (standard-star catalogues).")
            String name;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Mixin
        ConeSearchOptions cone;

        @Option(names = "--offline", description = "Use only the cache; a miss is an error naming the query.")
        boolean offline;

        @Mixin
        JsonOption jsonOption;

        @Option(names = "--release", paramLabel = "N", defaultValue = "0",
                description = "Survey data release (SDSS default DR17).")
        int release;

        @Option(names = "--model-mags", description = "Model instead of PSF magnitudes (as the original cal_phot).")
        boolean modelMags;

        @Option(names = "--instrument", paramLabel = "NAME",
                description = "hipercam, ultracam or ultraspec (standard-star systems).")
        String instrument;

        @Option(names = "--filters", paramLabel = "SET", description = "super, regular, sdss or prime.")
        String filters;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Observation date (ULTRACAM optics).")
        String date;

        @Option(names = "--param", paramLabel = "KEY=VALUE",
                description = "Catalogue-specific setting, e.g. system=spss-hcam-super.")
        Map<String, String> params = new LinkedHashMap<>();

        @Override
        public Integer call() throws CalphotException {
            QueryRequest req = new QueryRequest(catalogue, target.at, target.name, cone.radius, offline, cone.cache, jsonOption.json,
                    release, modelMags, instrument, filters, date, params);
            var out = spec.commandLine().getOut();
            if (AutoCatalogue.AUTO.equals(catalogue)) {
                out.print(CatalogueCompare.queryAuto(broker.catalogues(), target.at, cone.radius, bands,
                        offline, cone.cache, jsonOption.json, System.getenv(), System.getProperty("user.home")));
                out.flush();
                return 0;
            }
            out.print(CatalogueCommands.query(broker.catalogues(), req, System.getenv(),
                    System.getProperty("user.home")));
            out.flush();
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"One star's magnitudes from every catalogue that covers it, and the differences.",
                "Per --at position: each catalogue (--catalogues, else sdss, panstarrs, skymapper, gaia where "
                    + "installed and the footprint holds the star), its nearest match, its SDSS u g r i z (and "
                    + "its own bands), and each SDSS band minus the first catalogue that gave SDSS magnitudes."})
    static final class CompareCommand implements Callable<Integer> {

        private final CommandServices broker;

        CompareCommand(CommandServices broker) {
            this.broker = broker;
        }

        @Spec
        CommandSpec spec;

        @Option(names = "--at", required = true, paramLabel = "\"RA DEC\"",
                description = "Star position, \"RA DEC\" or RA,DEC (decimal degrees or sexagesimal); repeatable.")
        List<String> at = new ArrayList<>();

        @Option(names = "--catalogues", paramLabel = "A,B", split = ",",
                description = "Catalogues to compare (default: the installed ones of the auto order).")
        List<String> catalogues = new ArrayList<>();

        @Mixin
        ConeSearchOptions cone;

        @Option(names = "--offline", description = "Use only the cache; a miss is shown for that catalogue.")
        boolean offline;

        @Mixin
        JsonOption jsonOption;

        @Override
        public Integer call() throws CalphotException {
            var out = spec.commandLine().getOut();
            out.print(CatalogueCompare.compare(broker.catalogues(), at, cone.radius, catalogues, offline,
                    cone.cache, jsonOption.json, System.getenv(), System.getProperty("user.home")));
            out.flush();
            return 0;
        }
    }

    /** Lets the lead register with {@code root.addSubcommand(CatalogueCommand.create())} if preferred. */
    public static CommandLine create() {
        return new CommandLine(new CatalogueCommand());
    }
}
