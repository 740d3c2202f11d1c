// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.util.List;

import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.time.TimeCorrector;

/**
 * The services a run needs. The command line fills it from OSGi; tests construct the
 * implementations directly. {@code catalogues} may be null when no config uses the catalogue mode;
 * {@code figures} may be null to write no figures; {@code filterSystems} are the installed filter systems
 * (0..n, null = none): in the catalogue mode, the one that matches a CCD's instrument and band gives the
 * comparisons' colour terms.
 */
public record PipelineServices(LogReaders logs, TimeCorrector time, FluxCalibrator calibrator,
        CatalogueRegistry catalogues, FigureWriter figures, List<FilterSystem> filterSystems) {

    public PipelineServices {
        filterSystems = filterSystems == null ? List.of() : List.copyOf(filterSystems);
    }

    /** Without filter systems: catalogue magnitudes are used as they are (super-SDSS bands as SDSS). */
    public PipelineServices(LogReaders logs, TimeCorrector time, FluxCalibrator calibrator,
            CatalogueRegistry catalogues, FigureWriter figures) {
        this(logs, time, calibrator, catalogues, figures, List.of());
    }
}
