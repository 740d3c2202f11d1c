// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The launcher's fast path prints the help the headless product printed (src/test/resources/help/*.txt, captured
 * from the product: HelpContractTest) for every command and answers nothing else, so every other request still
 * starts the product.
 */
class QuickHelpTest {

    @Test
    void printsTheProductsRootHelp() throws IOException {
        String expected = Files.readString(Path.of("src/test/resources/help/_root.txt"), StandardCharsets.UTF_8);
        assertEquals(expected, QuickHelp.help("--help"));
        assertEquals(expected, QuickHelp.help("-h"));
        // no arguments: the root command prints its usage, as the product does
        assertEquals(expected, QuickHelp.help());
    }

    @Test
    void printsEveryCommandsHelpAsTheProductDid() throws IOException {
        Map<List<String>, String> snapshots = HelpContractTest.snapshots();
        for (Map.Entry<List<String>, String> e : snapshots.entrySet()) {
            assertEquals(e.getValue(), QuickHelp.help(e.getKey().toArray(String[]::new)), e.getKey().toString());
        }
        // -h is the same request, and the help option may come before a command's other arguments
        assertEquals(snapshots.get(List.of("run", "--help")), QuickHelp.help("run", "-h"));
        assertEquals(snapshots.get(List.of("run", "--help")), QuickHelp.help("run", "--help", "calphot.yaml"));
        // the product answers an unknown word before --help with the root help (exit 0), and so does this
        assertEquals(snapshots.get(List.of("--help")), QuickHelp.help("bogus", "--help"));
        // and picocli lets a help request win over an unknown option, in the product as here
        assertEquals(snapshots.get(List.of("run", "--help")), QuickHelp.help("run", "--no-such-option", "--help"));
    }

    @Test
    void leavesEverythingElseToTheProduct() {
        assertNull(QuickHelp.help("--version"));
        assertNull(QuickHelp.help("bogus"));
        assertNull(QuickHelp.help("plugins", "list"));
        assertNull(QuickHelp.help("run", "calphot.yaml"));
        assertNull(QuickHelp.help("run", "--", "--help"), "after --, --help is a positional argument");
        assertNull(QuickHelp.help("@args.txt"));
    }
}
