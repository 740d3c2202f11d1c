// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.calphot.cli.internal.commands.RunCommand;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The tree the product builds per start (the named command in full, the others as stand-ins) prints the same help
 * as the captured snapshots and answers bad input exactly as the full tree does: same text, same exit code.
 */
class LazyCommandTreeTest {

    @Test
    void everySnapshotThroughTheLazyTree() throws IOException {
        List<String> differ = new ArrayList<>();
        for (Map.Entry<List<String>, String> e : HelpContractTest.snapshots().entrySet()) {
            List<String> args = e.getKey();
            String expected = e.getValue();
            Outcome lazy = lazy(args.toArray(String[]::new));
            if (!expected.equals(lazy.text) || lazy.code != 0) {
                differ.add(String.join(" ", args) + " (exit " + lazy.code + "):\n--- snapshot\n" + expected
                        + "--- lazy\n" + lazy.text);
            }
        }
        assertEquals(List.of(), differ, "help through the lazy tree differs");
    }

    @Test
    void badInputIsAnsweredAsByTheFullTree() {
        String[][] cases = {{}, {"-h"}, {"--debug", "--help"}, {"-V"}, {"frobnicate"}, {"rnu"}, {"benhc", "startup"},
            {"--no-such-option"}, {"bench", "--no-such-option"}, {"bench", "strtup"}, {"run"},
            {"run", "--no-such-option"}, {"inspect"}, {"catalogue", "list"}, {"--", "run"},
            {"@no-such-argument-file"}, {"time", "--help", "extra"}};
        for (String[] args : cases) {
            Outcome full = full(args);
            Outcome lazy = lazy(args);
            assertEquals(full.code, lazy.code, "exit code of " + List.of(args));
            assertEquals(full.text, lazy.text, "output of " + List.of(args));
        }
    }

    @Test
    void onlyTheNamedCommandIsBuilt() {
        CommandLine help = CalphotCli.commandLine(new CommandServices(), new String[] {"--help"});
        // a stand-in has no user object of its own class and none of the command's options
        help.getSubcommands().values().forEach(c -> assertFalse(c.getCommandSpec().userObject() instanceof RunCommand));
        assertEquals(14, help.getSubcommands().size());
        CommandLine run = CalphotCli.commandLine(new CommandServices(), new String[] {"--debug", "run", "x.yaml"});
        assertInstanceOf(RunCommand.class, run.getSubcommands().get("run").getCommandSpec().userObject());
        assertTrue(run.getSubcommands().get("bench").getSubcommands().isEmpty(), "bench built for run");
    }

    private record Outcome(int code, String text) {
    }

    private static Outcome full(String... args) {
        return execute(CalphotCli.commandLine(new CommandServices()), args);
    }

    private static Outcome lazy(String... args) {
        return execute(CalphotCli.commandLine(new CommandServices(), args), args);
    }

    private static Outcome execute(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        // --debug is process-wide: reset it so a case's stack trace neither leaks into the next nor other tests
        Debug.set(false);
        try {
            int code = cl.execute(args);
            return new Outcome(code, out.toString());
        } finally {
            Debug.set(false);
        }
    }
}
