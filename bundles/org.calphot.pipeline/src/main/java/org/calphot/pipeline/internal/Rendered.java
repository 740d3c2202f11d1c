// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.calphot.pipeline.OutputFiles;

/**
 * Formats a file's content in memory before it is handed to {@link OutputFiles#write}: the staging area writes one
 * file at a time, so formatting inside it would serialise the logs processed in parallel; and the file then
 * reaches the disk in one bulk write.
 */
public final class Rendered {

    private Rendered() {
    }

    /** The body's bytes, made now on the calling thread; a failure is rethrown when the file is written. */
    public static OutputFiles.Body of(OutputFiles.Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            body.write(bytes);
        } catch (IOException e) {
            return o -> {
                throw e;
            };
        }
        return bytes::writeTo;
    }
}
