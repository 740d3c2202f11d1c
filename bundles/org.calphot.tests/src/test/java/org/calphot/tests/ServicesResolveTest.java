// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.calphot.cli.internal.CalphotCli;
import org.calphot.cli.internal.CommandServices;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.photometry.FluxScale;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

import picocli.CommandLine;

/** Runs in a real Equinox with Felix SCR: the DS components of the headless feature must resolve. */
class ServicesResolveTest {

    private static BundleContext context() {
        return FrameworkUtil.getBundle(ServicesResolveTest.class).getBundleContext();
    }

    private static <T> T waitFor(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(context(), type, null);
        t.open();
        return t.waitForService(5000);
    }

    @Test
    void abFluxScaleIsRegisteredByScrAndComputes() throws Exception {
        FluxScale ab = waitFor(FluxScale.class);
        assertNotNull(ab, "FluxScale service not registered: is org.apache.felix.scr started?");
        assertEquals("AB", ab.system());
        // 20 mag AB = 0.03631 mJy (3631 Jy x 10^-8)
        assertEquals(0.03631, ab.toMilliJansky(20.0), 1e-12);
    }

    @Test
    void everyCalphotComponentIsSatisfied() throws Exception {
        ServiceComponentRuntime scr = waitFor(ServiceComponentRuntime.class);
        assertNotNull(scr, "Felix SCR is not running");
        Bundle[] calphot = Arrays.stream(context().getBundles())
                .filter(b -> b.getSymbolicName().startsWith("org.calphot.") && !b.getSymbolicName().endsWith(".tests"))
                .toArray(Bundle[]::new);
        assertTrue(calphot.length >= 3, "calphot bundles missing from the runtime");
        int components = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(calphot)) {
            components++;
            var configs = scr.getComponentConfigurationDTOs(d);
            for (var c : configs) {
                // 1 UNSATISFIED_CONFIGURATION, 2 UNSATISFIED_REFERENCE: a missing service or bundle
                assertTrue(c.state != 1 && c.state != 2,
                        d.name + " is unsatisfied: " + Arrays.stream(c.unsatisfiedReferences)
                                .map(r -> r.name + " (" + r.target + ")").collect(Collectors.joining(", ")));
            }
        }
        assertTrue(components >= 1, "no DS component found in calphot bundles");
        // every component of the headless feature, by name (a new component is added here), each active or
        // satisfied (4 SATISFIED, 8 ACTIVE; lazy components stay satisfied until first used)
        java.util.Map<String, Integer> states = new java.util.TreeMap<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(calphot)) {
            for (var c : scr.getComponentConfigurationDTOs(d)) {
                states.merge(d.name, c.state, Math::max);
            }
        }
        for (String name : EXPECTED_COMPONENTS) {
            Integer state = states.get(name);
            assertNotNull(state, name + " is not registered; present: " + states.keySet());
            assertTrue(state == 4 || state == 8, name + " is in state " + state);
        }
    }

    /** The DS components of org.calphot.feature (component name = implementation class). */
    static final java.util.List<String> EXPECTED_COMPONENTS = java.util.List.of(
            "org.calphot.catalogue.internal.CatalogueRegistryComponent",
            "org.calphot.cli.internal.CommandServices",
            "org.calphot.catalogue.sdss.internal.SkyServerCatalogue",
            "org.calphot.catalogue.standards.internal.StandardsCatalogue",
            "org.calphot.ephemeris.internal.DefaultEclipseTimer",
            "org.calphot.ephemeris.internal.DefaultEphemerisFitter",
            "org.calphot.ephemeris.internal.WdBrightSpotTimer",
            "org.calphot.ephemeris.internal.WdContactsTimer",
            "org.calphot.io.internal.FitsLogReader",
            "org.calphot.io.internal.HipercamAsciiReader",
            "org.calphot.io.internal.LogReaderChooser",
            "org.calphot.io.internal.UlogReader",
            "org.calphot.photometry.internal.AbFluxScale",
            "org.calphot.photometry.internal.DefaultBinner",
            "org.calphot.photometry.internal.DefaultExtinctionFitter",
            "org.calphot.photometry.internal.DefaultFluxCalibrator",
            "org.calphot.photometry.internal.DefaultZeroPointCalculator",
            "org.calphot.time.internal.DefaultSiteRegistry",
            "org.calphot.time.internal.SofaTimeCorrector");

    @Test
    void catalogueRegistryFindsInstalledCataloguesOnly() throws Exception {
        CatalogueRegistry registry = waitFor(CatalogueRegistry.class);
        assertNotNull(registry, "no CatalogueRegistry service");
        // the headless feature carries sdss and standards; the local-table catalogue is an optional feature
        // that is not installed here, so it must not be listed
        assertTrue(registry.names().contains("sdss"), registry.names().toString());
        assertTrue(registry.names().contains("standards"), registry.names().toString());
        assertFalse(registry.names().contains("local"), registry.names().toString());
    }

    /** The command line as the headless application builds it: with the DS broker SCR activated. */
    private static CommandLine commandLine() throws InterruptedException {
        CommandServices broker = waitFor(CommandServices.class);
        assertNotNull(broker, "the CommandServices broker is not registered");
        return CalphotCli.commandLine(broker);
    }

    private static String[] run(String... args) throws InterruptedException {
        CommandLine cl = commandLine();
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void mainJobRunsTheBundledDemoThroughTheServices() throws Exception {
        Path demo = Path.of("../../examples/demo/calphot.yaml").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(demo), "demo config missing: " + demo);
        Path out = Files.createTempDirectory("calphot-run");
        String[] r = run("run", demo.toString(), "--out", out.toString(), "--quiet");
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.isRegularFile(out.resolve("provenance.json")), r[1]);
        assertTrue(Files.isRegularFile(out.resolve("Calibration.txt")), r[1]);
        try (var s = Files.list(out.resolve("MCMC_LIGHTCURVES"))) {
            assertEquals(5, s.filter(p -> p.toString().endsWith(".calib")).count(), "one .calib per HiPERCAM CCD");
        }
        try (var s = Files.list(out.resolve("MCMC_LIGHTCURVES/FIGS"))) {
            assertTrue(s.anyMatch(p -> p.toString().endsWith("_all_nights.pdf")), "figures written");
        }
        checkFluxesAgainstTruth(demo.resolveSibling("run001.truth.json"), out.resolve("MCMC_LIGHTCURVES"));
    }

    /**
     * The demo's calibrated fluxes against the simulator's truth (run001.truth.json, written when the demo was
     * simulated, not by the pipeline): out of eclipse (|phase| > 0.03; the eclipse is 0.04 wide) the target is the
     * white dwarf plus the rest of the system times 1 + A cos(2 pi (phase - hump)). The median of flux / truth must
     * be 1 within 1.5 %: the config's comparison magnitudes are the true ones, so only noise is left (per-frame
     * errors 1-6 %, about 450 frames per band: the median's error is 0.1-0.4 %); flagged JUNK frames are in the
     * file, hence the median.
     */
    static void checkFluxesAgainstTruth(Path truthJson, Path lightcurves) throws Exception {
        String json = Files.readString(truthJson);
        double[] wd = numbers(json, "wd_mjy");
        double[] sec = numbers(json, "secondary_mjy");
        double amp = numbers(json, "secondary_amplitude")[0];
        double hump = numbers(json, "hump_phase")[0];
        String[] bands = {"u", "g", "r", "i", "z"};
        assertEquals(5, wd.length);
        for (int b = 0; b < bands.length; b++) {
            String suffix = "_" + bands[b] + ".calib";
            Path calib;
            try (var s = Files.list(lightcurves)) {
                calib = s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
            }
            java.util.List<Double> ratios = new java.util.ArrayList<>();
            for (String line : Files.readAllLines(calib)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                double phase = Double.parseDouble(f[0]);
                double flux = Double.parseDouble(f[1]);
                if (Math.abs(phase) > 0.03) {
                    double truth = wd[b] + sec[b] * (1 + amp * Math.cos(2 * Math.PI * (phase - hump)));
                    ratios.add(flux / truth);
                }
            }
            java.util.Collections.sort(ratios);
            double median = ratios.get(ratios.size() / 2);
            System.out.printf("demo %s: %d frames out of eclipse, median flux / truth %.4f%n", bands[b], ratios.size(),
                    median);
            assertTrue(ratios.size() > 300, bands[b] + ": " + ratios.size() + " frames");
            assertEquals(1.0, median, 0.015, bands[b] + ": median calibrated / true flux");
        }
    }

    /** Every number after {@code "key":} in the JSON text, in order. */
    static double[] numbers(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\"" + key + "\":\\s*([-+0-9.eE]+)").matcher(json);
        java.util.List<Double> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void badConfigIsExitTwoAndWritesNothing() throws Exception {
        Path dir = Files.createTempDirectory("calphot-bad");
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "target coords: 10:00:00 +20:00:00\nperiod: -1\nT0: 1\nSDSS: 0\nextract:\n"
                + "  p:\n    observatory: nowhere\n    inst: hcam\n    logfiles:\n      missing.log: {u: [15]}\n");
        String[] r = run("run", cfg.toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("period must be positive"), r[2]);
        assertTrue(r[2].contains("unknown site 'nowhere'"), r[2]);
        assertTrue(r[2].contains("log file not found"), r[2]);
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "nothing written next to the config");
        }
    }

    @Test
    void headlessCommandLineRunsInsideOsgi() throws Exception {
        CommandLine cl = commandLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        assertEquals(0, cl.execute("services"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("FluxScale"), out.toString(StandardCharsets.UTF_8));
    }
}
