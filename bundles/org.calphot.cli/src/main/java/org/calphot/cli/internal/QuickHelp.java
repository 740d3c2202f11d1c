// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * The launcher's fast path for help: {@code calphot}, {@code calphot --help}, {@code calphot COMMAND... --help}. Help
 * needs no service, bundle or extension, so {@code ./calphot} prints it from this bundle's and picocli's jars on a
 * plain class path, without starting the OSGi framework (which is most of a start-up: README, Measured). The text is
 * the one the headless application prints, made by the same {@link CalphotCli} command tree with an unactivated
 * broker. Anything else (a command to run, {@code --version}, arguments picocli rejects, an argument file), or any
 * failure before the help is written (a product without one of the jars), prints nothing and exits
 * {@link #NOT_HERE}, and the launcher starts the product as usual.
 */
public final class QuickHelp {

    /** Exit code: not answered here; the launcher starts the OSGi product with the same arguments. */
    public static final int NOT_HERE = 3;

    private QuickHelp() {
    }

    public static void main(String[] args) {
        String help = help(args);
        if (help == null) {
            System.exit(NOT_HERE);
        }
        System.out.print(help);
        System.out.flush();
        System.exit(System.out.checkError() ? CalphotCli.EXIT_RUNTIME : CalphotCli.EXIT_OK);
    }

    /** True for the arguments this answers: none, {@code -h} or {@code --help}. */
    static boolean isRootHelp(String... args) {
        return args.length == 0 || args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"));
    }

    /** The root help for these arguments, or null when they ask for something else or the help cannot be made. */
    static String rootHelp(String... args) {
        return isRootHelp(args) ? help(args) : null;
    }

    /**
     * The help these arguments ask for (no arguments, or {@code -h}/{@code --help} on the root or on any command,
     * with arguments picocli accepts), or null when they ask for something else or the help cannot be made.
     */
    static String help(String... args) {
        if (args.length > 0 && !asksForHelp(args)) {
            return null;
        }
        try {
            // parsed first, so that only a well-formed help request is answered; a parse error is the product's
            CommandLine.ParseResult parsed = CalphotCli.commandLine(new CommandServices(), args).parseArgs(args);
            boolean requested = false;
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
                requested |= p.isUsageHelpRequested();
            }
            if (args.length > 0 && !requested) {
                return null;
            }
            StringWriter out = new StringWriter();
            CommandLine cl = CalphotCli.commandLine(new CommandServices(), args);
            PrintWriter w = new PrintWriter(out, true);
            cl.setOut(w);
            cl.setErr(w);
            return cl.execute(args) == CalphotCli.EXIT_OK ? out.toString() : null;
        } catch (Throwable t) { // a parse error, a missing class or jar: the full product answers instead
            return null;
        }
    }

    /** A -h or --help before any "--", and no argument file (read by picocli, whose content is unknown here). */
    static boolean asksForHelp(String... args) {
        for (String a : args) {
            if (a.equals("--") || a.startsWith("@")) {
                return false;
            }
            if (a.equals("-h") || a.equals("--help")) {
                return true;
            }
        }
        return false;
    }
}
