// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.product.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Install New Software lists the calphot update site by default: the materialised workbench's p2 profile knows it
 * as a metadata and an artifact repository (p2 keeps them in the profile's .settings, which is what the dialog and
 * Available Software Sites read).
 */
class WorkbenchUpdateSiteTest {

    @Test
    void theWorkbenchProfileListsTheCalphotUpdateSite() throws IOException {
        Path product = Path.of(System.getProperty("calphot.workbench"));
        Path site = Path.of(System.getProperty("calphot.updatesite")).resolve("repository");
        String uri = "file:" + site.toAbsolutePath().normalize();
        for (String kind : List.of("metadata", "artifact")) {
            String name = "org.eclipse.equinox.p2." + kind + ".repository.prefs";
            List<Path> prefs;
            try (Stream<Path> s = Files.walk(product.resolve("p2"))) {
                prefs = s.filter(p -> p.getFileName().toString().equals(name)).toList();
            }
            assertTrue(!prefs.isEmpty(), name + " under " + product.resolve("p2"));
            boolean listed = false;
            StringBuilder seen = new StringBuilder();
            for (Path p : prefs) {
                // preference files escape ':' as '\:'
                String text = Files.readString(p).replace("\\:", ":");
                seen.append(text);
                listed |= text.contains("uri=" + uri) && text.contains("calphot update site");
            }
            assertTrue(listed, "the " + kind + " repositories of the workbench profile lack " + uri + ":\n" + seen);
        }
    }
}
