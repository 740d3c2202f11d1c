// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.calphot.core.CalphotException;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.Binner;
import org.calphot.core.photometry.ExtinctionFitter;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.photometry.ZeroPointCalculator;
import org.calphot.core.plugins.PluginManager;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EphemerisFitter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The services the commands need, injected by DS and handed to the picocli command tree (a broker, as
 * Triquetrum's). Every reference is optional, dynamic and greedy: the broker is satisfied at once, so
 * {@code --help} never waits for a service, a bundle installed later is bound, and a missing service is a
 * clear one-line error in the command that needs it. References are held as {@link ComponentServiceObjects}
 * so that a lazy component is activated only when a command first asks for it: start-up costs nothing for
 * commands that do not use it. SCR releases every service obtained here when the broker deactivates.
 */
@Component(service = CommandServices.class, immediate = true)
public final class CommandServices {

    /** Completed when SCR activates the broker; the headless application waits on it. */
    private static volatile CompletableFuture<CommandServices> active = new CompletableFuture<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<SiteRegistry> sites;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<LogReaders> logReaders;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<TimeCorrector> timeCorrector;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<FluxCalibrator> fluxCalibrator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<ExtinctionFitter> extinctionFitter;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<ZeroPointCalculator> zeroPointCalculator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<Binner> binner;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<EphemerisFitter> ephemerisFitter;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<PluginManager> pluginManager;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<CatalogueRegistry> catalogues;

    // 0..n: every installed filter system and eclipse timer, as bundles come and go
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ComponentServiceObjects<FilterSystem>> filterSystems;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ComponentServiceObjects<EclipseTimer>> eclipseTimers;

    private volatile BundleContext context;

    /** For DS; outside OSGi (unit tests) an unactivated broker answers every request with "not installed". */
    public CommandServices() {
    }

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        CompletableFuture<CommandServices> f = active;
        if (!f.complete(this)) {
            active = CompletableFuture.completedFuture(this);
        }
    }

    @Deactivate
    void deactivate() {
        this.context = null;
        active = new CompletableFuture<>();
    }

    /**
     * The active broker, waiting up to {@code timeout} for SCR to activate it: the headless application starts
     * the command line only once its services are wired.
     */
    static CommandServices awaitActive(Duration timeout) throws CalphotException {
        try {
            return active.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CalphotException("the calphot command services did not start within " + timeout.toSeconds()
                    + " s (is org.apache.felix.scr installed and started?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalphotException("interrupted while waiting for the calphot command services");
        } catch (ExecutionException e) {
            throw new CalphotException("the calphot command services failed to start: " + e.getCause());
        }
    }

    public SiteRegistry sites() throws CalphotException {
        return use(sites, SiteRegistry.class);
    }

    public LogReaders logReaders() throws CalphotException {
        return use(logReaders, LogReaders.class);
    }

    public TimeCorrector timeCorrector() throws CalphotException {
        return use(timeCorrector, TimeCorrector.class);
    }

    public FluxCalibrator fluxCalibrator() throws CalphotException {
        return use(fluxCalibrator, FluxCalibrator.class);
    }

    public ExtinctionFitter extinctionFitter() throws CalphotException {
        return use(extinctionFitter, ExtinctionFitter.class);
    }

    public ZeroPointCalculator zeroPointCalculator() throws CalphotException {
        return use(zeroPointCalculator, ZeroPointCalculator.class);
    }

    public Binner binner() throws CalphotException {
        return use(binner, Binner.class);
    }

    public EphemerisFitter ephemerisFitter() throws CalphotException {
        return use(ephemerisFitter, EphemerisFitter.class);
    }

    public PluginManager pluginManager() throws CalphotException {
        return use(pluginManager, PluginManager.class);
    }

    /** The catalogue registry; an error when no catalogue bundle is installed. */
    public CatalogueRegistry catalogues() throws CalphotException {
        return use(catalogues, CatalogueRegistry.class);
    }

    /** The catalogue registry or null: a run without catalogue magnitudes does not need one. */
    public CatalogueRegistry cataloguesOrNull() {
        ComponentServiceObjects<CatalogueRegistry> c = catalogues;
        return c == null ? null : c.getService();
    }

    /** Every installed filter system, in registration order. */
    public List<FilterSystem> filterSystems() {
        return useAll(filterSystems);
    }

    /** Every installed eclipse timer, in registration order. */
    public List<EclipseTimer> eclipseTimers() {
        return useAll(eclipseTimers);
    }

    /** Every service whose interface is in an {@code org.calphot} package, for diagnostics. */
    public ServiceReference<?>[] calphotReferences() throws CalphotException {
        BundleContext ctx = context;
        if (ctx == null) {
            throw new CalphotException("calphot services are only available inside the OSGi runtime");
        }
        try {
            ServiceReference<?>[] refs = ctx.getAllServiceReferences(null, "(objectClass=org.calphot.*)");
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // getService of a singleton component returns the one instance; SCR counts the uses and releases them all
    // when the broker deactivates, so a command need not unget
    private static <T> T use(ComponentServiceObjects<T> ref, Class<T> type) throws CalphotException {
        T service = ref == null ? null : ref.getService();
        if (service == null) {
            throw new CalphotException("no " + type.getSimpleName() + " service is installed");
        }
        return service;
    }

    private static <T> List<T> useAll(List<ComponentServiceObjects<T>> refs) {
        List<T> out = new ArrayList<>();
        if (refs == null) {
            return out;
        }
        List<ComponentServiceObjects<T>> sorted = new ArrayList<>(refs);
        // DS sorts by ranking; the lookup this replaced listed services in registration order, which is kept
        sorted.sort(Comparator.comparingLong(r -> (Long) r.getServiceReference().getProperty(Constants.SERVICE_ID)));
        for (ComponentServiceObjects<T> r : sorted) {
            T s = r.getService();
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
