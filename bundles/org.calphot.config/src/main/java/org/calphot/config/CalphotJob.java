// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.calphot.core.Location;
import org.calphot.core.time.SkyPosition;

/**
 * A cal_phot config read and validated: everything {@code calphot run} needs, with every path
 * resolved against the config file's folder and every default applied.
 *
 * @param configText      the file as written (copied into Calibration.txt and provenance)
 * @param targetCoords    the text of {@code target coords}; {@code target} is its parsed value
 * @param t0              reference eclipse time, BMJD(TDB)
 * @param period          orbital period, days
 * @param catalogue       catalogue name used in the catalogue mode (default {@code auto}: see AutoCatalogue)
 * @param seed            seed of every random number (MCMC), recorded in provenance
 * @param catalogueTransforms ids of {@link org.calphot.core.catalogue.PhotometricTransform}s applied, in order, to
 *                        every catalogue star's magnitudes (e.g. {@code sdss-ab-offsets})
 * @param colourTerms     {@code colour terms} (default true): in the catalogue mode, an installed filter system's
 *                        colour terms take the comparisons' catalogue (SDSS) magnitudes into the instrument's bands
 * @param filterSystem    top-level {@code filter system}: the system every payload uses (a payload's own key wins),
 *                        {@code none} for no colour terms, null to choose by instrument and band
 * @param filterSystemAt  where {@code filter system} is written (for errors found at run time)
 * @param keepNotClean    {@code keep not clean} (default false): keep catalogue stars flagged NOT_CLEAN (SDSS
 *                        clean = 0) as comparisons instead of leaving them out with a warning
 */
public record CalphotJob(Path configFile, String configText, String targetCoords, SkyPosition target, double t0,
        double period, boolean sdss, Path directory, boolean fitEphemeris, boolean overplot,
        String overplotFilename, String observingLogName, List<Payload> payloads, Set<OutputFormat> outputFormats,
        String catalogue, long seed, boolean colourTerms, String filterSystem, Location filterSystemAt,
        List<String> catalogueTransforms, boolean keepNotClean) {

    public CalphotJob {
        payloads = List.copyOf(payloads);
        outputFormats = Set.copyOf(outputFormats);
        catalogueTransforms = catalogueTransforms == null ? List.of() : List.copyOf(catalogueTransforms);
    }

    /** The components before {@code keep not clean} (NOT_CLEAN stars left out). */
    public CalphotJob(Path configFile, String configText, String targetCoords, SkyPosition target, double t0,
            double period, boolean sdss, Path directory, boolean fitEphemeris, boolean overplot,
            String overplotFilename, String observingLogName, List<Payload> payloads, Set<OutputFormat> outputFormats,
            String catalogue, long seed, boolean colourTerms, String filterSystem, Location filterSystemAt,
            List<String> catalogueTransforms) {
        this(configFile, configText, targetCoords, target, t0, period, sdss, directory, fitEphemeris, overplot,
                overplotFilename, observingLogName, payloads, outputFormats, catalogue, seed, colourTerms, filterSystem,
                filterSystemAt, catalogueTransforms, false);
    }

    /** The components before colour terms: colour terms on, the filter system chosen by instrument and band. */
    public CalphotJob(Path configFile, String configText, String targetCoords, SkyPosition target, double t0,
            double period, boolean sdss, Path directory, boolean fitEphemeris, boolean overplot,
            String overplotFilename, String observingLogName, List<Payload> payloads, Set<OutputFormat> outputFormats,
            String catalogue, long seed) {
        this(configFile, configText, targetCoords, target, t0, period, sdss, directory, fitEphemeris, overplot,
                overplotFilename, observingLogName, payloads, outputFormats, catalogue, seed, true, null, null, List.of(),
                false);
    }

    /** Every log of every payload that extracts data, in config order. */
    public List<LogSpec> extractedLogs() {
        return payloads.stream().filter(Payload::extractData).flatMap(p -> p.logs().stream()).toList();
    }
}
