// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import org.calphot.core.CalphotException;

/** Where a run writes: paths are relative to the output folder; files appear only when the run succeeds. */
public interface OutputFiles {

    @FunctionalInterface
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes one file; returns its final path. */
    Path write(Path relative, Body body) throws CalphotException;

    /** Writes straight into {@code dir}, each file atomically (for single commands; a run stages). */
    static OutputFiles direct(Path dir) {
        return (relative, body) -> {
            Path p = dir.resolve(relative);
            try {
                org.calphot.core.util.AtomicFiles.write(p, body::write);
            } catch (IOException e) {
                throw new CalphotException("cannot write " + p + ": " + e.getMessage(),
                        org.calphot.core.Location.of(p.toString()), e);
            }
            return p;
        };
    }
}
