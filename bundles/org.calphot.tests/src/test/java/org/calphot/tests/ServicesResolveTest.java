package org.calphot.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.calphot.cli.internal.CalphotCli;
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
    }

    @Test
    void headlessCommandLineRunsInsideOsgi() {
        CommandLine cl = CalphotCli.commandLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        assertEquals(0, cl.execute("services"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("FluxScale"), out.toString(StandardCharsets.UTF_8));
    }
}
