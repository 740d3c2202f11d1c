// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.internal;

import java.io.IOException;

import org.calphot.simulator.SimulatedLine;

/** Writes one log format: the header, then one line at a time. */
public interface LineWriter {

    void header() throws IOException;

    void line(SimulatedLine line) throws IOException;

    /** Flushes what is buffered (the caller closes the stream). */
    void finish() throws IOException;
}
