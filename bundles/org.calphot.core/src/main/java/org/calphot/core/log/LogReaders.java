// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

import java.nio.file.Path;
import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;

/** Chooses a {@link LogReader} by the file's content and reads it. */
public interface LogReaders {

    /** The readers currently available. */
    List<LogReader> readers();

    /** The reader with the highest confidence for this file; BadInputException if none can read it. */
    LogReader choose(Path file) throws CalphotException;

    default PhotometryLog read(Path file, Warnings warnings) throws CalphotException {
        LogReader reader = choose(file);
        try {
            return reader.read(file, warnings);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(file);
        }
    }

    /** Heap a log needs, roughly: its columns as doubles take about as many bytes as its text, plus headroom. */
    static CalphotException outOfMemory(Path file) {
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            size = 0;
        }
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        long needMb = Math.max(maxMb * 2, (long) (size * 1.5) >> 20) + 512;
        long needGb = (needMb + 1023) / 1024;
        return new CalphotException("not enough memory to read this log (" + (size >> 20) + " MB; the program may use "
                + maxMb + " MB): it needs about " + needGb + " GB; give it more with CALPHOT_JAVA_OPTS=-Xmx" + needGb
                + "g", org.calphot.core.Location.of(file.toString()));
    }
}
