// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * The launcher's fast path for {@code calphot}, {@code calphot -h} and {@code calphot --help}: the root help needs
 * no service, bundle or extension, so {@code ./calphot} prints it from this bundle's and picocli's jars on a plain
 * class path, without starting the OSGi framework (which is most of a start-up: README, Measured). The text is
 * the one the headless application prints, made by the same {@link CalphotCli} command tree with an unactivated
 * broker. Anything else, or any failure before the help is written (a product without one of the jars), prints
 * nothing and exits {@link #NOT_HERE}, and the launcher starts the product as usual.
 */
public final class QuickHelp {

    /** Exit code: not answered here; the launcher starts the OSGi product with the same arguments. */
    public static final int NOT_HERE = 3;

    private QuickHelp() {
    }

    public static void main(String[] args) {
        String help = rootHelp(args);
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
        if (!isRootHelp(args)) {
            return null;
        }
        StringWriter out = new StringWriter();
        try {
            CommandLine cl = CalphotCli.commandLine(new CommandServices(), args);
            PrintWriter w = new PrintWriter(out, true);
            cl.setOut(w);
            cl.setErr(w);
            return cl.execute(args) == CalphotCli.EXIT_OK ? out.toString() : null;
        } catch (Throwable t) { // a missing class or jar: the full product answers instead
            return null;
        }
    }
}
