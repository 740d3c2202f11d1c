// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import org.calphot.core.CalphotException;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The workbench plug-in's activator: holds the {@link UiServices} broker for views, editors and jobs, which the
 * workbench (not DS) creates. One tracker for the life of the bundle, closed when it stops.
 */
public final class UiPlugin implements BundleActivator {

    private static final long WAIT_MS = 5000;
    private static volatile ServiceTracker<UiServices, UiServices> broker;

    @Override
    public void start(BundleContext context) {
        ServiceTracker<UiServices, UiServices> t = new ServiceTracker<>(context, UiServices.class, null);
        t.open();
        broker = t;
    }

    @Override
    public void stop(BundleContext context) {
        ServiceTracker<UiServices, UiServices> t = broker;
        broker = null;
        if (t != null) {
            t.close();
        }
    }

    /** The services broker; waits briefly for SCR to register it. Call off the UI thread when possible. */
    public static UiServices services() throws CalphotException {
        ServiceTracker<UiServices, UiServices> t = broker;
        if (t == null) {
            throw new CalphotException("calphot services are only available inside the OSGi runtime");
        }
        try {
            UiServices s = t.waitForService(WAIT_MS);
            if (s == null) {
                throw new CalphotException("the calphot services are not available in this workbench "
                        + "(is org.apache.felix.scr installed and started?)");
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalphotException("interrupted while waiting for the calphot services");
        }
    }
}
