// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.time.Duration;

import org.calphot.core.CalphotException;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless product's entry point: waits for SCR to activate the {@link CommandServices} broker, then hands
 * the program arguments to picocli with it and returns the exit code.
 */
public final class HeadlessApplication implements IApplication {

    /** SCR activates the broker as soon as this bundle starts; this only covers a slow or broken runtime. */
    private static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        CommandServices services;
        try {
            services = CommandServices.awaitActive(SERVICES_TIMEOUT);
        } catch (CalphotException e) {
            System.err.println("calphot: " + e.getMessage());
            return Integer.valueOf(CalphotCli.EXIT_RUNTIME);
        }
        return Integer.valueOf(CalphotCli.run(services, args == null ? new String[0] : args));
    }

    @Override
    public void stop() {
        // commands poll their ProgressMonitor; nothing else to stop
    }
}
