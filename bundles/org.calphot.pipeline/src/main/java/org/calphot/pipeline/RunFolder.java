// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.calphot.core.CalphotException;

/** Output-folder policy: which folder a run writes to, so earlier results of another config are never replaced. */
final class RunFolder {

    private RunFolder() {
    }

    /**
     * The configured directory, unless it holds the provenance of a run of a different config: then
     * the first free {@code run-N} folder inside it, so earlier results are never silently replaced.
     */
    static Path choose(Path base, String configSha) throws CalphotException {
        Path p = base;
        for (int n = 2; n < 10000; n++) {
            Path prov = p.resolve("provenance.json");
            if (!Files.isRegularFile(prov)) {
                return p;
            }
            try {
                String text = Files.readString(prov, StandardCharsets.UTF_8);
                if (text.contains("\"config_sha256\": \"" + configSha + "\"")) {
                    return p;
                }
            } catch (IOException e) {
                throw new CalphotException("cannot read " + prov + ": " + e.getMessage(), e);
            }
            p = base.resolve("run-" + n);
        }
        throw new CalphotException("too many run folders in " + base);
    }
}
