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
}
