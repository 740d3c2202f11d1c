package org.calphot.ui.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.calphot.core.CalphotException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The calphot DS services, looked up through OSGi. Trackers stay open for the life of the workbench:
 * closing one would let SCR deactivate a lazy component between two runs.
 */
public final class UiServices {

    private static final long WAIT_MS = 5000;
    private static final Map<Class<?>, ServiceTracker<?, ?>> TRACKERS = new ConcurrentHashMap<>();

    private UiServices() {
    }

    /** The highest-ranked service of this type; waits briefly for SCR. Call off the UI thread when possible. */
    public static <T> T get(Class<T> type) throws CalphotException {
        T s = find(type);
        if (s == null) {
            throw new CalphotException("no " + type.getSimpleName() + " service is installed in this workbench");
        }
        return s;
    }

    /** Every registered service of this type (0..n, e.g. filter systems installed later); does not wait. */
    public static <T> java.util.List<T> all(Class<T> type) throws CalphotException {
        java.util.List<T> out = new java.util.ArrayList<>();
        Object[] services = tracker(type).getServices();
        if (services != null) {
            for (Object s : services) {
                out.add(type.cast(s));
            }
        }
        return out;
    }

    /** The service or null when none is registered (optional services such as catalogues). */
    public static <T> T find(Class<T> type) throws CalphotException {
        ServiceTracker<T, T> tracker = tracker(type);
        try {
            return tracker.waitForService(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalphotException("interrupted while waiting for " + type.getSimpleName());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> ServiceTracker<T, T> tracker(Class<T> type) throws CalphotException {
        ServiceTracker<T, T> tracker = (ServiceTracker<T, T>) TRACKERS.computeIfAbsent(type, t -> {
            Bundle b = FrameworkUtil.getBundle(UiServices.class);
            BundleContext ctx = b == null ? null : b.getBundleContext();
            if (ctx == null) {
                return null;
            }
            ServiceTracker<T, T> st = new ServiceTracker<>(ctx, (Class<T>) t, null);
            st.open();
            return st;
        });
        if (tracker == null) {
            throw new CalphotException("calphot services are only available inside the OSGi runtime");
        }
        return tracker;
    }
}
