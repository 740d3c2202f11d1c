// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.calphot.cli.internal.CalphotCli;
import org.calphot.cli.internal.CommandServices;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.log.LogReader;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import picocli.CommandLine;

/**
 * Every registered log reader and catalogue describes itself in one line (STIL's doc-fragment habit),
 * and {@code calphot services} / {@code calphot catalogue list} print that line.
 */
class ServiceDescriptionsTest {

    private static BundleContext context() {
        return FrameworkUtil.getBundle(ServiceDescriptionsTest.class).getBundleContext();
    }

    /** All services of a type, after waiting for SCR to register at least one. */
    private static <T> List<T> all(Class<T> type) throws Exception {
        ServiceTracker<T, T> t = new ServiceTracker<>(context(), type, null);
        t.open();
        t.waitForService(5000);
        Collection<ServiceReference<T>> refs = context().getServiceReferences(type, null);
        List<T> out = new ArrayList<>();
        for (ServiceReference<T> r : refs) {
            out.add(context().getService(r));
        }
        return out;
    }

    private static String run(String... args) throws Exception {
        // the command line as the headless application builds it: with the DS broker SCR activated
        List<CommandServices> brokers = all(CommandServices.class);
        assertFalse(brokers.isEmpty(), "the CommandServices broker is not registered");
        CommandLine cl = CalphotCli.commandLine(brokers.get(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        assertEquals(0, cl.execute(args), String.join(" ", args));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyLogReaderDescribesItselfAndServicesPrintsIt() throws Exception {
        List<LogReader> readers = all(LogReader.class);
        // the headless feature ships three formats: HiPERCAM ASCII, hlog2fits FITS, old ULTRACAM ulog
        assertTrue(readers.size() >= 3, "log readers: " + readers.size());
        String services = run("services");
        for (LogReader r : readers) {
            String d = r.description();
            assertFalse(d == null || d.isBlank(), r.name() + " has no description");
            // the interface default falls back to the name: each shipped reader must say more
            assertNotEquals(r.name(), d, r.name() + " keeps the default description");
            assertTrue(services.contains(d), "calphot services does not print '" + d + "':\n" + services);
        }
    }

    @Test
    void everyCatalogueDescribesItselfAndBothListingsPrintIt() throws Exception {
        List<Catalogue> catalogues = all(Catalogue.class);
        // the headless feature ships SDSS and the standard-star tables; the others are optional features
        assertTrue(catalogues.size() >= 2, "catalogues: " + catalogues.size());
        String services = run("services");
        String list = run("catalogue", "list");
        String json = run("catalogue", "list", "--json");
        for (Catalogue c : catalogues) {
            String d = c.description();
            assertFalse(d == null || d.isBlank(), c.name() + " has no description");
            assertTrue(services.contains(d), "calphot services does not print '" + d + "':\n" + services);
            assertTrue(list.contains(d), "catalogue list does not print '" + d + "':\n" + list);
            assertTrue(json.contains("\"description\""), "catalogue list --json lacks description:\n" + json);
        }
    }
}
