// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import java.util.List;

import org.calphot.core.log.LogReader;
import org.calphot.core.log.LogReaders;
import org.calphot.io.internal.FitsLogReader;
import org.calphot.io.internal.HipercamAsciiReader;
import org.calphot.io.internal.LogReaderChooser;
import org.calphot.io.internal.UlogReader;

/** The built-in log readers for use without OSGi (tests, tools); in OSGi use the LogReaders service. */
public final class LogIo {

    private LogIo() {
    }

    public static List<LogReader> builtInReaders() {
        return List.of(new HipercamAsciiReader(), new UlogReader(), new FitsLogReader());
    }

    /** A content-sniffing chooser over the built-in readers. */
    public static LogReaders defaultReaders() {
        return new LogReaderChooser(builtInReaders());
    }
}
