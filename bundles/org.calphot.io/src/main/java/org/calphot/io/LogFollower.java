// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.LogReader;
import org.calphot.core.log.LogReaders;
import org.calphot.core.log.PhotometryLog;

/**
 * Follows a text photometry log that is still being written: each {@link #poll} reads only the bytes
 * added since the last one, up to the last complete line, and parses them with the same reader a whole
 * read uses (the log's own header in front of the new lines), so the frames are exactly the ones a
 * whole read of the finished file gives. The frames read so far are kept in primitive columns
 * ({@link GrowingLog}); nothing is read twice.
 * <p>
 * A log that gets shorter, whose header bytes change or that is a different file (a new run written
 * under the same name) is reported as {@link Kind#RESTARTED} and followed again from its start.
 */
public final class LogFollower {

    /** What a poll found. */
    public enum Kind {
        /** the file does not exist yet, or has no complete data line */
        WAITING,
        /** no new complete line */
        UNCHANGED,
        /** new frames: {@link Update#added()} holds them */
        APPENDED,
        /** the file was truncated or replaced: everything read before is void; {@code added} is the new start */
        RESTARTED
    }

    /**
     * @param added     the new lines as a log (every CCD, possibly 0 rows), or null
     * @param bytesRead bytes consumed by this poll
     */
    public record Update(Kind kind, PhotometryLog added, long bytesRead) {
    }

    private static final int MAX_HEAD = 1 << 20;

    private final Path file;
    private final LogReaders readers;
    private LogReader reader;
    private Object fileKey;
    private byte[] header; // bytes up to the first data line
    private long offset; // bytes consumed (complete lines)
    private long lineNo; // lines consumed, for error locations
    private int headerLines;
    private GrowingLog log;
    private Path scratch;

    private Set<String> frameColumns;
    private Set<String> apertureColumns;

    public LogFollower(Path file, LogReaders readers) {
        this.file = Objects.requireNonNull(file);
        this.readers = Objects.requireNonNull(readers);
    }

    /**
     * Keeps only these columns of the frames read ({@link #log()}; null: all): what a long night costs in memory.
     * The new frames of each {@link Update} still have every column.
     */
    public LogFollower keepOnly(Set<String> frameColumns, Set<String> apertureColumns) {
        this.frameColumns = frameColumns;
        this.apertureColumns = apertureColumns;
        return this;
    }

    public Path file() {
        return file;
    }

    /** Bytes consumed so far (complete lines only). */
    public long offset() {
        return offset;
    }

    /** Every frame read since the (re)start, or null before the first data line. */
    public GrowingLog log() {
        return log;
    }

    /**
     * Reads what was added since the last poll. Bad data in the new lines is a {@link BadInputException}
     * located in the real file.
     */
    public synchronized Update poll(Warnings warnings) throws CalphotException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new Update(Kind.WAITING, null, 0);
        } catch (IOException e) {
            throw new CalphotException("cannot read: " + e.getMessage(), Location.of(file.toString()), e);
        }
        boolean restarted = false;
        long size = attrs.size();
        if (header != null) {
            Object key = attrs.fileKey();
            if ((key != null && !key.equals(fileKey)) || size < offset || !sameHeader()) {
                reset();
                restarted = true;
            }
        }
        if (header == null) {
            if (!readHeader(size)) {
                return new Update(restarted ? Kind.RESTARTED : Kind.WAITING, null, 0);
            }
            fileKey = attrs.fileKey();
        }
        if (size <= offset) {
            return new Update(restarted ? Kind.RESTARTED : Kind.UNCHANGED, null, 0);
        }
        byte[] added = readRange(offset, size);
        int end = lastNewline(added) + 1;
        if (end == 0) {
            return new Update(restarted ? Kind.RESTARTED : Kind.UNCHANGED, null, 0);
        }
        int lines = 0;
        for (int i = 0; i < end; i++) {
            if (added[i] == '\n') {
                lines++;
            }
        }
        PhotometryLog part = parse(added, end, warnings);
        offset += end;
        lineNo += lines;
        if (log == null) {
            log = new GrowingLog(file, part.header(), frameColumns, apertureColumns);
        }
        log.append(part);
        return new Update(restarted ? Kind.RESTARTED : Kind.APPENDED, part, end);
    }

    /** Forgets everything read; the next poll starts from the beginning of the file. */
    public synchronized void reset() {
        header = null;
        fileKey = null;
        offset = 0;
        lineNo = 0;
        headerLines = 0;
        log = null;
        reader = null;
    }

    /** Removes the scratch file. */
    public synchronized void close() {
        if (scratch != null) {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
            scratch = null;
        }
    }

    /** Reads the header once the first data line is complete; false while there is none. */
    private boolean readHeader(long size) throws CalphotException {
        byte[] head = readRange(0, Math.min(size, MAX_HEAD));
        int p = 0;
        int lines = 0;
        while (p < head.length) {
            int nl = indexOf(head, (byte) '\n', p);
            if (nl < 0) {
                return false; // the header or the first data line is still being written
            }
            int s = p;
            while (s < nl && (head[s] == ' ' || head[s] == '\t' || head[s] == '\r')) {
                s++;
            }
            if (s < nl && head[s] != '#') {
                header = Arrays.copyOf(head, p);
                headerLines = lines;
                offset = p;
                lineNo = lines;
                try {
                    reader = readers.choose(file);
                } catch (BadInputException e) {
                    header = null;
                    throw e;
                }
                return true;
            }
            lines++;
            p = nl + 1;
        }
        if (head.length >= MAX_HEAD) {
            throw new BadInputException("no data line in the first " + MAX_HEAD + " bytes", Location.of(file.toString()));
        }
        return false;
    }

    private boolean sameHeader() throws CalphotException {
        byte[] now = readRange(0, header.length);
        return Arrays.equals(now, header);
    }

    private PhotometryLog parse(byte[] added, int end, Warnings warnings) throws CalphotException {
        try {
            if (scratch == null) {
                scratch = Files.createTempFile("calphot-follow-", ".log");
                scratch.toFile().deleteOnExit();
            }
            try (OutputStream o = Files.newOutputStream(scratch, StandardOpenOption.TRUNCATE_EXISTING)) {
                o.write(header);
                o.write(added, 0, end);
            }
        } catch (IOException e) {
            throw new CalphotException("cannot write a temporary file: " + e.getMessage(), e);
        }
        PhotometryLog part;
        try {
            part = reader.read(scratch, relocated(warnings));
        } catch (BadInputException e) {
            throw new BadInputException(relocate(e.getMessage()), Location.of(file.toString(),
                    (int) Math.min(Integer.MAX_VALUE, realLine(e.location())), e.location().column()), e);
        }
        return new PhotometryLog(file, part.header(), part.ccds());
    }

    /** Warnings of the scratch file as warnings of the log (the same header notes come with every piece). */
    private Warnings relocated(Warnings w) {
        return (where, message) -> w.warn(Location.of(file.toString(),
                (int) Math.min(Integer.MAX_VALUE, realLine(where))), relocate(message));
    }

    private String relocate(String message) {
        return message == null ? "" : message.replace(scratch.toString(), file.toString());
    }

    private long realLine(Location l) {
        if (l == null || l.line() <= 0) {
            return 0;
        }
        return l.line() <= headerLines ? l.line() : l.line() - headerLines + lineNo;
    }

    private byte[] readRange(long from, long to) throws CalphotException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long n = Math.max(0, Math.min(to, ch.size()) - from);
            if (n > Integer.MAX_VALUE - 16) {
                n = Integer.MAX_VALUE - 16; // the rest comes at the next poll
            }
            ByteBuffer b = ByteBuffer.allocate((int) n);
            long pos = from;
            while (b.hasRemaining()) {
                int r = ch.read(b, pos);
                if (r < 0) {
                    break;
                }
                pos += r;
            }
            return b.position() == b.capacity() ? b.array() : Arrays.copyOf(b.array(), b.position());
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new CalphotException("cannot read: " + e.getMessage(), Location.of(file.toString()), e);
        }
    }

    private static int lastNewline(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
