// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.product.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./calphot} launcher's fast path (issue 21): {@code calphot}, {@code -h}, {@code --help} and
 * {@code COMMAND --help} print the help from a plain class path without starting OSGi, byte for byte the help the
 * started product prints ({@code CALPHOT_QUICK_HELP=0}); other arguments still start the product. Runs the launcher script on the built
 * product, without building ({@code CALPHOT_NO_BUILD=1}) and without its class-data-sharing preparation
 * ({@code CALPHOT_CDS=0}, a training run of the demo that other tests do not need).
 */
class QuickHelpTest {

    @TempDir
    Path tmp;

    private record Result(int exit, String out, String classLog) {
    }

    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path launcher = Path.of(System.getProperty("calphot.launcher"));
        Path product = Path.of(System.getProperty("calphot.product"));
        assertTrue(Files.isDirectory(product.resolve("plugins")), "headless product not built at " + product);
        assertTrue(Files.isExecutable(launcher), "no launcher script at " + launcher);
        Path log = Files.createTempFile(tmp, "classes", ".log");
        Path out = tmp.resolve("out.txt");
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("CALPHOT_NO_BUILD", "1");
        pb.environment().put("CALPHOT_CDS", "0");
        // which classes the JVM loaded tells which path answered
        pb.environment().put("CALPHOT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "calphot " + String.join(" ", args) + " hangs");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void rootHelpIsTheProductsWithoutStartingOsgi() throws Exception {
        Result product = launch(Map.of("CALPHOT_QUICK_HELP", "0"), "--help");
        assertEquals(0, product.exit());
        assertTrue(product.classLog().contains("org.eclipse.osgi.launch.Equinox "), "the product started");
        assertTrue(product.out().startsWith("Usage: calphot "), product.out());
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {}}) {
            Result quick = launch(Map.of(), args);
            String what = "calphot " + String.join(" ", args);
            assertEquals(0, quick.exit(), what);
            assertEquals(product.out(), quick.out(), what);
            assertTrue(quick.classLog().contains("org.calphot.cli.internal.QuickHelp "), what + ": fast path");
            assertFalse(quick.classLog().contains("org.eclipse.osgi.launch.Equinox "), what + ": OSGi started");
        }
    }

    @Test
    void aCommandsHelpIsTheProductsWithoutStartingOsgi() throws Exception {
        for (String[] args : new String[][] {{"run", "--help"}, {"catalogue", "list", "-h"}}) {
            String what = "calphot " + String.join(" ", args);
            Result product = launch(Map.of("CALPHOT_QUICK_HELP", "0"), args);
            Result quick = launch(Map.of(), args);
            assertEquals(0, product.exit(), what);
            assertTrue(product.out().startsWith("Usage: calphot " + args[0]), what + ": " + product.out());
            assertEquals(0, quick.exit(), what);
            assertEquals(product.out(), quick.out(), what);
            assertFalse(quick.classLog().contains("org.eclipse.osgi.launch.Equinox "), what + ": OSGi started");
        }
    }

    @Test
    void otherArgumentsStartTheProduct() throws Exception {
        Result version = launch(Map.of(), "--version");
        assertEquals(0, version.exit());
        // the build id comes from the started bundle's version; outside OSGi it would be "unknown"
        assertTrue(version.out().matches("(?s)calphot \\d+\\.\\d+\\.\\d+ \\(build \\d{8}-\\d{4}\\).*"), version.out());
        assertTrue(version.classLog().contains("org.eclipse.osgi.launch.Equinox "), "the product started");

        Result bad = launch(Map.of(), "no-such-command");
        assertEquals(2, bad.exit(), "bad input");
        assertTrue(bad.classLog().contains("org.calphot.cli.internal.QuickHelp ") == false,
                "only help takes the fast path");
    }
}
