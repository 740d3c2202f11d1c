// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.io.PrintWriter;

import org.calphot.core.CalphotException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the picocli command tree and maps failures to exit codes: 0 success, 2 bad input
 * (unknown subcommand, bad option, bad file or config), 1 runtime failure. A user mistake is one
 * line on stderr; the stack trace only with {@code --debug}.
 */
public final class CalphotCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_RUNTIME = 1;
    public static final int EXIT_BAD_INPUT = 2;

    private CalphotCli() {
    }

    /** The command tree; every command that needs a service gets it from {@code services}. */
    public static CommandLine commandLine(CommandServices services) {
        return build(services, null);
    }

    /**
     * The command tree for these arguments: the command they name in full, the others as stand-ins that only
     * list themselves (start-up, see {@link Subcommands}); the same help, parsing and errors as the full tree.
     */
    public static CommandLine commandLine(CommandServices services, String[] args) {
        return build(services, Subcommands.chosen(services, args));
    }

    private static CommandLine build(CommandServices services, String chosen) {
        CommandLine cl = new CommandLine(new CalphotCommand(), new CommandFactory(services));
        Subcommands.register(cl, services, chosen);
        cl.setParameterExceptionHandler(PARAMETER_ERRORS);
        cl.setExecutionExceptionHandler(EXECUTION_ERRORS);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static int run(CommandServices services, String... args) {
        try {
            return commandLine(services, args).execute(args);
        } catch (Throwable t) { // an Error (missing class, out of memory) still gets one line and exit 1
            System.err.println("calphot: internal error: " + t + (Debug.enabled() ? "" : " (run with --debug for details)"));
            if (Debug.enabled()) {
                t.printStackTrace();
            }
            return EXIT_RUNTIME;
        }
    }

    private static final IParameterExceptionHandler PARAMETER_ERRORS = (ParameterException ex, String[] args) -> {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException u && u.isUnknownOption() == false
                && cmd.getCommandSpec().subcommands().size() > 0 && !u.getUnmatched().isEmpty()) {
            message = "unknown subcommand '" + u.getUnmatched().get(0) + "'";
            var suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += " (did you mean " + String.join(", ", suggestions) + "?)";
            }
            message += "; see '" + name + " --help'";
        } else {
            message += "; see '" + name + " -h'";
        }
        err.println(name + ": " + message);
        if (Debug.enabled()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_BAD_INPUT;
    };

    private static final IExecutionExceptionHandler EXECUTION_ERRORS = (Exception ex, CommandLine cmd,
            ParseResult parsed) -> {
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof CalphotException ce) {
            err.println("calphot: " + ce.describe());
            code = ce.exitCode();
        } else {
            err.println("calphot: internal error: " + ex + " (run with --debug for details)");
            code = EXIT_RUNTIME;
        }
        if (Debug.enabled()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    };
}
