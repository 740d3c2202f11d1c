package org.calphot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.calphot.core.time.SkyPosition;

/**
 * A cal_phot config read and validated: everything {@code calphot run} needs, with every path
 * resolved against the config file's folder and every default applied.
 *
 * @param configText      the file as written (copied into Calibration.txt and provenance)
 * @param targetCoords    the text of {@code target coords}; {@code target} is its parsed value
 * @param t0              reference eclipse time, BMJD(TDB)
 * @param period          orbital period, days
 * @param catalogue       catalogue name used in the catalogue mode (default {@code sdss})
 * @param seed            seed of every random number (MCMC), recorded in provenance
 */
public record CalphotJob(Path configFile, String configText, String targetCoords, SkyPosition target, double t0,
        double period, boolean sdss, Path directory, boolean fitEphemeris, boolean overplot,
        String overplotFilename, String observingLogName, List<Payload> payloads, Set<OutputFormat> outputFormats,
        String catalogue, long seed) {

    public CalphotJob {
        payloads = List.copyOf(payloads);
        outputFormats = Set.copyOf(outputFormats);
    }

    /** Every log of every payload that extracts data, in config order. */
    public List<LogSpec> extractedLogs() {
        return payloads.stream().filter(Payload::extractData).flatMap(p -> p.logs().stream()).toList();
    }
}
