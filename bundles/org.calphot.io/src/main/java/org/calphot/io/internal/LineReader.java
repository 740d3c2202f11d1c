// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;

/** Reads byte lines from a stream, keeping the byte offset of each line start (for the header scan). */
final class LineReader {

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private long offset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    private boolean lastHadNewline;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Byte offset of the next line. */
    long offset() {
        return offset;
    }

    boolean lastHadNewline() {
        return lastHadNewline;
    }

    /** The next line without its terminator (\n, \r\n), or null at end of input. */
    byte[] next() throws IOException {
        line.reset();
        boolean any = false;
        while (true) {
            if (pos == lim) {
                lim = in.read(buf, 0, buf.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    if (!any) {
                        return null;
                    }
                    lastHadNewline = false;
                    return strip(line.toByteArray());
                }
            }
            any = true;
            int st = pos;
            while (pos < lim && buf[pos] != '\n') {
                pos++;
            }
            line.write(buf, st, pos - st);
            offset += pos - st;
            if (pos < lim) {
                pos++;
                offset++;
                lastHadNewline = true;
                return strip(line.toByteArray());
            }
        }
    }

    private static byte[] strip(byte[] b) {
        if (b.length > 0 && b[b.length - 1] == '\r') {
            return java.util.Arrays.copyOf(b, b.length - 1);
        }
        return b;
    }
}
