package org.calphot.cli.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.calphot.core.CalphotException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Looks up DS services for commands. Components are lazy, so the first lookup of a service is what
 * activates it: start-up costs nothing for commands that do not need it.
 */
public final class Services {

    private static final long WAIT_MS = 5000;

    private Services() {
    }

    private static BundleContext context() throws CalphotException {
        Bundle b = FrameworkUtil.getBundle(Services.class);
        BundleContext ctx = b == null ? null : b.getBundleContext();
        if (ctx == null) {
            throw new CalphotException("calphot services are only available inside the OSGi runtime");
        }
        return ctx;
    }

    /** The highest-ranked service of a type; waits briefly for SCR to register it. */
    public static <T> T get(Class<T> type) throws CalphotException {
        BundleContext ctx = context();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(WAIT_MS);
            if (service == null) {
                throw new CalphotException("no " + type.getSimpleName() + " service is installed");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalphotException("interrupted while waiting for " + type.getSimpleName());
        }
        // the tracker stays open for the life of the command: closing it would release a lazy component
    }

    /** Every registered service of a type, in service ranking order. */
    public static <T> List<T> all(Class<T> type) throws CalphotException {
        BundleContext ctx = context();
        try {
            Collection<ServiceReference<T>> refs = ctx.getServiceReferences(type, null);
            List<T> out = new ArrayList<>();
            for (ServiceReference<T> r : refs) {
                T s = ctx.getService(r);
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every service whose interface is in an {@code org.calphot} package, for diagnostics. */
    public static ServiceReference<?>[] calphotReferences() throws CalphotException {
        try {
            ServiceReference<?>[] refs = context().getAllServiceReferences(null, "(objectClass=org.calphot.*)");
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** References (with properties) of every registered service of a type. */
    public static <T> Collection<ServiceReference<T>> references(Class<T> type) throws CalphotException {
        try {
            return context().getServiceReferences(type, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
