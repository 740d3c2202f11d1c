package org.calphot.pipeline;

import java.nio.file.Path;
import java.util.Set;

import org.calphot.config.OutputFormat;

/**
 * Command-line choices that override or complete the config.
 *
 * @param outDir          replaces the config's {@code directory} when not null
 * @param offline         catalogue answers only from the cache; a miss is an error naming the query
 * @param cacheDir        catalogue cache folder; null = $CALPHOT_CACHE, $XDG_CACHE_HOME/calphot, ~/.cache/calphot
 * @param formats         replaces the config's {@code output formats} when not null
 * @param threads         logs calibrated in parallel (0 = number of cores)
 * @param programVersion  version and build id, recorded in provenance
 */
public record RunOptions(Path outDir, boolean offline, Path cacheDir, Set<OutputFormat> formats, int threads,
        String programVersion) {

    public static RunOptions defaults() {
        return new RunOptions(null, false, null, null, 0, "dev");
    }
}
