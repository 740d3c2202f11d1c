// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.product.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The command line that starts a built headless product as the launcher script does (java -jar its launcher). */
final class ProductCommand {

    private ProductCommand() {
    }

    static ProcessBuilder of(Path product, String... args) throws IOException {
        Path launcher;
        try (Stream<Path> s = java.nio.file.Files.list(product.resolve("plugins"))) {
            launcher = s.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_")
                    && p.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", launcher.toString(), "-nosplash"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(product.toFile());
    }
}
