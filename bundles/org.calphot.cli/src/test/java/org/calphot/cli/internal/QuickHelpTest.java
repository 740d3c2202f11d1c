// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The launcher's fast path prints the root help the headless product printed (src/test/resources/help/_root.txt,
 * captured from the product) and answers nothing else, so every other command still starts the product.
 */
class QuickHelpTest {

    @Test
    void printsTheProductsRootHelp() throws IOException {
        String expected = Files.readString(Path.of("src/test/resources/help/_root.txt"), StandardCharsets.UTF_8);
        assertEquals(expected, QuickHelp.rootHelp("--help"));
        assertEquals(expected, QuickHelp.rootHelp("-h"));
        // no arguments: the root command prints its usage, as the product does
        assertEquals(expected, QuickHelp.rootHelp());
    }

    @Test
    void leavesEverythingElseToTheProduct() {
        assertNull(QuickHelp.rootHelp("--version"));
        assertNull(QuickHelp.rootHelp("run", "--help"));
        assertNull(QuickHelp.rootHelp("--help", "run"));
        assertNull(QuickHelp.rootHelp("--debug", "--help"));
        assertNull(QuickHelp.rootHelp("bogus"));
        assertNull(QuickHelp.rootHelp("plugins", "list"));
    }
}
