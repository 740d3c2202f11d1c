// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line contract: help, one-line errors and exit codes (runs without OSGi). */
class CalphotCliTest {

    private static final class Run {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        int code;

        Run(CommandLine cl, String... args) {
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(args);
        }
    }

    @Test
    void helpListsSubcommandsAndExitsZero() {
        Run r = new Run(CalphotCli.commandLine(new CommandServices()), "--help");
        assertEquals(0, r.code);
        assertTrue(r.out.toString().contains("services"), r.out.toString());
        assertTrue(r.out.toString().contains("bench"), r.out.toString());
    }

    @Test
    void unknownSubcommandIsOneLineAndExitTwo() {
        Run r = new Run(CalphotCli.commandLine(new CommandServices()), "frobnicate");
        assertEquals(2, r.code);
        String err = r.err.toString().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("calphot: unknown subcommand 'frobnicate'"), err);
    }

    @Test
    void badOptionOfSubcommandIsExitTwo() {
        Run r = new Run(CalphotCli.commandLine(new CommandServices()), "bench", "--no-such-option");
        assertEquals(2, r.code);
        assertTrue(r.err.toString().contains("--no-such-option"), r.err.toString());
    }

    @Command(name = "fails")
    static final class Failing implements Callable<Integer> {
        final CalphotException ex;

        Failing(CalphotException ex) {
            this.ex = ex;
        }

        @Override
        public Integer call() throws CalphotException {
            throw ex;
        }
    }

    @Test
    void locatedBadInputMapsToExitTwoWithoutStackTrace() {
        CommandLine cl = CalphotCli.commandLine(new CommandServices());
        cl.addSubcommand(new Failing(new BadInputException("not a number 'x'", Location.of("a.log", 12, 5))));
        Run r = new Run(cl, "fails");
        assertEquals(2, r.code);
        assertEquals("calphot: a.log:12:5: not a number 'x'", r.err.toString().strip());
    }

    @Test
    void runtimeFailureMapsToExitOne() {
        CommandLine cl = CalphotCli.commandLine(new CommandServices());
        cl.addSubcommand(new Failing(new CalphotException("SkyServer unreachable")));
        Run r = new Run(cl, "fails");
        assertEquals(1, r.code);
        assertEquals("calphot: SkyServer unreachable", r.err.toString().strip());
    }
}
