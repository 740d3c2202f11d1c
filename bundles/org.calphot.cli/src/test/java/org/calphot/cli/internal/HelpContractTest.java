// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The command-line contract scripts check: {@code calphot COMMAND --help} of every command, byte for byte, against
 * the help the headless product printed before the shared options became picocli mixins and the services a DS
 * broker (src/test/resources/help, captured from that product: {@code calphot [COMMAND...] --help}). A mixin with
 * another name, default, label or help text, or an option moved in a command that does not sort them, fails here.
 */
class HelpContractTest {

    private static final Path HELP = Path.of("src/test/resources/help");

    /** Each snapshot in src/test/resources/help: the arguments that print it (ending in --help) and its text. */
    static Map<List<String>, String> snapshots() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(HELP)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(files.size() >= 28, "help files missing: " + files);
        Map<List<String>, String> out = new LinkedHashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".txt", "");
            List<String> args = new ArrayList<>(name.equals("_root") ? List.of() : List.of(name.split("_")));
            args.add("--help");
            out.put(List.copyOf(args), Files.readString(f, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void everyCommandsHelpIsUnchanged() throws IOException {
        List<String> differ = new ArrayList<>();
        for (Map.Entry<List<String>, String> e : snapshots().entrySet()) {
            List<String> args = e.getKey();
            String expected = e.getValue();
            String actual = help(args.toArray(String[]::new));
            if (!expected.equals(actual)) {
                differ.add(String.join(" ", args) + ":\n--- before\n" + expected + "--- now\n" + actual);
            }
        }
        assertEquals(List.of(), differ, "help changed");
    }

    @Test
    void nestedSubcommandsGetTheBroker() {
        // catalogue list is made by picocli through CommandFactory: without OSGi the broker has no services, so
        // the user sees the one-line "not installed" error (exit 1), not a NullPointerException
        StringWriter err = new StringWriter();
        CommandLine cl = CalphotCli.commandLine(new CommandServices());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(1, cl.execute("catalogue", "list"));
        assertEquals("calphot: no CatalogueRegistry service is installed", err.toString().strip());
    }

    private static String help(String... args) {
        // as the product runs it: picocli writes the help to stdout, 80 columns
        StringWriter out = new StringWriter();
        CommandLine cl = CalphotCli.commandLine(new CommandServices());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        assertEquals(0, cl.execute(args), String.join(" ", args));
        return out.toString();
    }
}
