// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.CommandServices;
import org.calphot.cli.internal.ServiceDescriptions;
import org.calphot.core.CalphotException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Lists the calphot services present in this runtime with the bundle that provides each: shows
 * what installed bundles (catalogues, filter systems, log formats) contribute, with the one-line
 * description readers, catalogues and filter systems give of themselves.
 */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = "List the calphot services installed in this runtime.")
public final class ServicesCommand implements Callable<Integer> {

    private final CommandServices broker;

    public ServicesCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CalphotException {
        List<String> lines = new ArrayList<>();
        for (ServiceReference<?> r : broker.calphotReferences()) {
            String[] types = (String[]) r.getProperty("objectClass");
            Object name = r.getProperty("name");
            if (name == null) {
                name = r.getProperty("system");
            }
            if (name == null) {
                name = r.getProperty("format");
            }
            String description = describe(r);
            for (String type : types) {
                if (type.contains(".internal.")) {
                    continue; // the command line's own broker: not something an installed bundle contributes
                }
                String simple = type.substring(type.lastIndexOf('.') + 1);
                lines.add(String.format("%-20s %-16s %-34s %s", simple, name == null ? "-" : name,
                        r.getBundle().getSymbolicName(), description));
            }
        }
        lines.sort(null);
        var out = spec.commandLine().getOut();
        lines.forEach(out::println);
        out.flush();
        return 0;
    }

    /** Asks the service itself (activating a lazy component is fine for a diagnostic listing). */
    private static String describe(ServiceReference<?> r) {
        var bundle = FrameworkUtil.getBundle(ServicesCommand.class);
        BundleContext ctx = bundle == null ? null : bundle.getBundleContext();
        Object service = ctx == null ? null : ctx.getService(r);
        if (service == null) {
            return "-";
        }
        try {
            return ServiceDescriptions.of(service);
        } finally {
            ctx.ungetService(r);
        }
    }
}
