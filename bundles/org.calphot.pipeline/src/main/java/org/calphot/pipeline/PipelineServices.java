package org.calphot.pipeline;

import org.calphot.core.catalogue.CatalogueRegistry;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.time.TimeCorrector;

/**
 * The services a run needs. The command line fills it from OSGi; tests construct the
 * implementations directly. {@code catalogues} may be null when no config uses the catalogue mode;
 * {@code figures} may be null to write no figures.
 */
public record PipelineServices(LogReaders logs, TimeCorrector time, FluxCalibrator calibrator,
        CatalogueRegistry catalogues, FigureWriter figures) {
}
