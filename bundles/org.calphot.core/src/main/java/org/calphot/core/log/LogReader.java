// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

import java.nio.file.Path;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;

/**
 * Reads one photometry log format. Implementations are DS components registered with a
 * {@code format=<name>} property; {@link LogReaders} picks one by content, never by file name.
 */
public interface LogReader {

    /** Short format name, e.g. {@code hipercam-ascii}. */
    String name();

    /**
     * One line saying which files this reader reads (instrument, pipeline program, layout), for
     * {@code calphot services}. A default so that readers written before 0.2 still compile.
     */
    default String description() {
        return name();
    }

    /**
     * How sure this reader is that it can read a file starting with {@code head} (the first bytes,
     * up to 64 KiB): 0 = not this format, 100 = certain. Must not throw.
     */
    int confidence(byte[] head);

    /**
     * Reads the whole file. Bad input gives a {@link org.calphot.core.BadInputException} naming file,
     * line and column; recoverable damage (a cut-off last line) goes to {@code warnings}.
     */
    PhotometryLog read(Path file, Warnings warnings) throws CalphotException;
}
