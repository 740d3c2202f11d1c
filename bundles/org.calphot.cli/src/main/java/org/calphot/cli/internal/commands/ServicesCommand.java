package org.calphot.cli.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.CommandServices;
import org.calphot.core.CalphotException;
import org.osgi.framework.ServiceReference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Lists the calphot services present in this runtime with the bundle that provides each: shows
 * what installed bundles (catalogues, filter systems, log formats) contribute.
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
            for (String type : types) {
                if (type.contains(".internal.")) {
                    continue; // the command line's own broker: not something an installed bundle contributes
                }
                String simple = type.substring(type.lastIndexOf('.') + 1);
                lines.add(String.format("%-20s %-16s %s", simple, name == null ? "-" : name,
                        r.getBundle().getSymbolicName()));
            }
        }
        lines.sort(null);
        var out = spec.commandLine().getOut();
        lines.forEach(out::println);
        out.flush();
        return 0;
    }
}
