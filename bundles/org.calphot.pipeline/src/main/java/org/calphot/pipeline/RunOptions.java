// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

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
 * @param logListener     receives each Calibration log line as the run writes it (any thread), or null; lines of
 *                        one log are prefixed {@code [<log file name>] } because logs run in parallel
 */
public record RunOptions(Path outDir, boolean offline, Path cacheDir, Set<OutputFormat> formats, int threads,
        String programVersion, Consumer<String> logListener) {

    /** Without a log listener (the form every caller used before the listener existed). */
    public RunOptions(Path outDir, boolean offline, Path cacheDir, Set<OutputFormat> formats, int threads,
            String programVersion) {
        this(outDir, offline, cacheDir, formats, threads, programVersion, null);
    }

    public static RunOptions defaults() {
        return new RunOptions(null, false, null, null, 0, "dev");
    }

    /** These options with a listener for the Calibration log lines. */
    public RunOptions withLogListener(Consumer<String> listener) {
        return new RunOptions(outDir, offline, cacheDir, formats, threads, programVersion, listener);
    }
}
