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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional local-table catalogue installed from the built update site into a copy of the materialised
 * headless product, used by a config, and uninstalled again; the product is started as the calphot script
 * starts it ({@code java -jar plugins/org.eclipse.equinox.launcher_*.jar}) before and after every step.
 */
class PluginInstallTest {

    static final String FEATURE = "org.calphot.catalogue.local.feature";

    @TempDir
    static Path tmp;

    static Path product;
    static Path updateSiteZip;
    static Path examples;

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void copyProduct() throws IOException {
        Path built = Path.of(System.getProperty("calphot.product"));
        Path site = Path.of(System.getProperty("calphot.updatesite"));
        examples = Path.of(System.getProperty("calphot.examples"));
        assertTrue(Files.isDirectory(built.resolve("plugins")), "headless product not built at " + built);
        try (Stream<Path> s = Files.list(site)) {
            updateSiteZip = s.filter(p -> p.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        product = tmp.resolve("calphot");
        try (Stream<Path> s = Files.walk(built)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path to = product.resolve(built.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static Result calphot(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = ProductCommand.of(product, args);
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) { // a hang guard, not a timing assertion
            p.destroyForcibly();
            throw new AssertionError("calphot " + String.join(" ", args) + " did not finish");
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        System.out.printf("calphot %s -> exit %d%n%s%s", String.join(" ", args), r.exit(), r.out(), r.err());
        return r;
    }

    static Result calphot(String... args) throws Exception {
        return calphot(Map.of(), args);
    }

    @Test
    void installUseUninstallLocalCatalogue() throws Exception {
        // the base product: its features are base, the local catalogue is neither installed nor listed.
        // Every call below is a start of the product, so each step also shows that it still starts.
        Result list = calphot("plugins", "list");
        assertEquals(0, list.exit(), list.all());
        assertTrue(list.out().contains("org.calphot.feature") && list.out().contains(" base "), list.out());
        assertFalse(list.out().contains(FEATURE), list.out());
        assertFalse(calphot("catalogue", "list").out().contains("local "));

        // install from the zipped update site (the folder works the same way)
        Result inst = calphot("plugins", "install", "-q", updateSiteZip.toString(), FEATURE);
        assertEquals(0, inst.exit(), inst.all());
        assertTrue(inst.out().contains("next start"), inst.out());
        assertTrue(inst.out().contains("+ org.calphot.catalogue.local "), inst.out());

        // the next start sees it
        Result cats = calphot("catalogue", "list");
        assertEquals(0, cats.exit(), cats.all());
        assertTrue(cats.out().lines().anyMatch(l -> l.startsWith("local ")), cats.out());

        // a config with 'catalogue: local' runs and takes its comparison magnitudes from the user's table
        Path job = localCatalogueJob();
        Result run = calphot(Map.of("CALPHOT_LOCAL_TABLE", job.resolve("comparisons.csv").toString(),
                "CALPHOT_CACHE", tmp.resolve("cache").toString()), "run", "-q", "--formats", "csv",
                job.resolve("local.yaml").toString());
        assertEquals(0, run.exit(), run.all());
        String calibration = Files.readString(job.resolve("out/Calibration.txt"), StandardCharsets.UTF_8);
        assertTrue(calibration.contains("-> compA r = 14.731"), calibration);
        assertTrue(calibration.contains("-> compB g = 16.912"), calibration);
        try (Stream<Path> s = Files.list(job.resolve("out/MCMC_LIGHTCURVES"))) {
            assertEquals(5, s.filter(p -> p.toString().endsWith(".csv")).count(), "one lightcurve per band");
        }

        // a base feature cannot be removed (bad input, exit 2)
        assertEquals(2, calphot("plugins", "uninstall", "org.calphot.feature").exit());

        Result un = calphot("plugins", "uninstall", "-q", FEATURE);
        assertEquals(0, un.exit(), un.all());
        assertTrue(un.out().contains("- org.calphot.catalogue.local "), un.out());
        Result after = calphot("plugins", "list");
        assertEquals(0, after.exit(), after.all());
        assertFalse(after.out().contains(FEATURE), after.out());
        assertFalse(calphot("catalogue", "list").out().lines().anyMatch(l -> l.startsWith("local ")));
    }

    /** The bundled demo log with its two comparison stars looked up in a CSV table instead of the YAML. */
    static Path localCatalogueJob() throws IOException {
        Path job = Files.createDirectories(tmp.resolve("job"));
        Files.copy(examples.resolve("demo/run001.log"), job.resolve("run001.log"));
        StringBuilder coords = new StringBuilder("u g r i z\n\n");
        for (int ccd = 0; ccd < 5; ccd++) {
            coords.append(ccd == 0 ? "" : "\n").append("150.0100 20.0100\n149.9900 19.9900\n");
        }
        Files.writeString(job.resolve("run001.coords"), coords);
        // the magnitudes of examples/demo/calphot.yaml, AB in the HiPERCAM bands, CCD order
        Files.writeString(job.resolve("comparisons.csv"), """
                id,ra,dec,u,g,r,i,z
                compA,150.0100,20.0100,16.214,15.102,14.731,14.552,14.437
                compB,149.9900,19.9900,17.953,16.912,16.405,16.218,16.120
                """);
        String demo = Files.readString(examples.resolve("demo/calphot.yaml"));
        String yaml = demo.replace("SDSS: 0", "SDSS: 1\ncatalogue: local")
                .replace("directory: 'calphot_out'", "directory: 'out'")
                .replaceAll("(?m)^      run001\\.log: .*$", "      run001.log: run001.coords");
        assertTrue(yaml.contains("catalogue: local") && yaml.contains("run001.log: run001.coords"), yaml);
        Files.writeString(job.resolve("local.yaml"), yaml);
        return job;
    }
}
