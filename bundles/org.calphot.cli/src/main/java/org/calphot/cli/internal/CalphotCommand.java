// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code calphot} command. Without a subcommand it prints the help. */
@Command(name = "calphot", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Flux-calibrated, barycentric-timed lightcurves from ULTRACAM, HiPERCAM and ULTRASPEC photometry.",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Exit codes: 0 success, 1 runtime failure, 2 bad input.",
                "Run 'calphot COMMAND -h' for the help of one command."})
public final class CalphotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    void setDebug(boolean debug) {
        Debug.set(debug);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CalphotCli.EXIT_OK;
    }

    static CommandLine root(CommandLine cl) {
        CommandLine c = cl;
        while (c.getParent() != null) {
            c = c.getParent();
        }
        return c;
    }
}
