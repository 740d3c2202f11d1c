// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.ExtinctionFitter;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.ephemeris.EclipseTimer;
import org.calphot.ephemeris.EphemerisFitter;
import org.osgi.framework.Constants;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The calphot services the workbench uses, injected by DS (a broker, as Triquetrum's); views, editors and jobs
 * reach it through {@link UiPlugin#services()}. Every reference is optional, dynamic and greedy, so a bundle
 * installed later is bound and a missing service is a clear error where it is needed. References are held as
 * {@link ComponentServiceObjects}: a lazy component is activated when first used, and SCR keeps it (and releases
 * it) with the broker, so no lazy component is deactivated between two runs.
 */
@Component(service = UiServices.class)
public final class UiServices {

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
    private volatile ComponentServiceObjects<EphemerisFitter> ephemerisFitter;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<CatalogueRegistry> catalogues;

    // 0..n: filter systems and eclipse timers installed as plug-ins come and go
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ComponentServiceObjects<FilterSystem>> filterSystems;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ComponentServiceObjects<EclipseTimer>> eclipseTimers;

    public SiteRegistry sites() throws CalphotException {
        return required(sites, SiteRegistry.class);
    }

    public LogReaders logReaders() throws CalphotException {
        return required(logReaders, LogReaders.class);
    }

    public TimeCorrector timeCorrector() throws CalphotException {
        return required(timeCorrector, TimeCorrector.class);
    }

    public FluxCalibrator fluxCalibrator() throws CalphotException {
        return required(fluxCalibrator, FluxCalibrator.class);
    }

    /** The extinction fitter, or null (the caller falls back to the built-in one). */
    public ExtinctionFitter extinctionFitterOrNull() {
        return optional(extinctionFitter);
    }

    /** The ephemeris fitter, or null (the caller falls back to the built-in one). */
    public EphemerisFitter ephemerisFitterOrNull() {
        return optional(ephemerisFitter);
    }

    /** The catalogue registry, or null: a run without catalogue magnitudes does not need one. */
    public CatalogueRegistry cataloguesOrNull() {
        return optional(catalogues);
    }

    /** Every installed filter system, in registration order. */
    public List<FilterSystem> filterSystems() {
        List<ComponentServiceObjects<FilterSystem>> refs = filterSystems;
        List<FilterSystem> out = new ArrayList<>();
        if (refs != null) {
            List<ComponentServiceObjects<FilterSystem>> sorted = new ArrayList<>(refs);
            sorted.sort(Comparator.comparingLong(r -> (Long) r.getServiceReference().getProperty(Constants.SERVICE_ID)));
            for (ComponentServiceObjects<FilterSystem> r : sorted) {
                FilterSystem s = r.getService();
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * The eclipse timer the workbench uses, or null: the highest-ranked one, the first registered on a tie
     * (what the service lookup this replaced returned).
     */
    public EclipseTimer eclipseTimerOrNull() {
        List<ComponentServiceObjects<EclipseTimer>> refs = eclipseTimers;
        if (refs == null || refs.isEmpty()) {
            return null;
        }
        // ServiceReference order: higher ranking first, then lower service id
        return refs.stream().max(Comparator.comparing(ComponentServiceObjects::getServiceReference))
                .map(ComponentServiceObjects::getService).orElse(null);
    }

    private static <T> T required(ComponentServiceObjects<T> ref, Class<T> type) throws CalphotException {
        T s = optional(ref);
        if (s == null) {
            throw new CalphotException("no " + type.getSimpleName() + " service is installed in this workbench");
        }
        return s;
    }

    // a singleton's getService returns its one instance; SCR counts the uses and releases them with the broker
    private static <T> T optional(ComponentServiceObjects<T> ref) {
        return ref == null ? null : ref.getService();
    }
}
