// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run did.
 *
 * @param outputDir the folder written (the config's directory, or a new run folder beside earlier
 *                  outputs of a different config)
 * @param newRunFolder true when {@code outputDir} was created because the directory held another config's run
 * @param files     every file written, relative to {@code outputDir}
 */
public record RunResult(Path outputDir, boolean newRunFolder, List<LogResult> logs, List<Path> files,
        Map<String, Object> provenance) {
}
