// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.LabelOrder;
import org.calphot.core.log.LogHeader;
import org.calphot.core.log.LogReader;
import org.calphot.core.log.PhotometryLog;
import org.osgi.service.component.annotations.Component;

/**
 * HiPERCAM {@code reduce} ASCII logs of every version (15 or 16 items per aperture, with or without
 * mfwhm/mbeta, {@code MJD-<offset>}, different aperture counts per CCD, NBLUE u-band lines).
 *
 * <p>Speed: after the header, the data section is cut into pieces at line starts (preferably
 * where a frame's {@code #} spacer starts) and parsed in parallel in two passes. Pass 1 counts
 * each CCD's lines per piece, so every column can be allocated once at its final size, in its
 * declared type (no growing buffers, no copy: peak memory is the model plus one read buffer per
 * thread). Pass 2 parses the numbers straight from the bytes into those arrays at the rows pass 1
 * assigned. Both passes read the file with positional reads; the second usually comes from the
 * page cache.
 */
@Component(service = LogReader.class, property = "format=" + HipercamAsciiReader.NAME)
public final class HipercamAsciiReader implements LogReader {

    public static final String NAME = "hipercam-ascii";

    // 1 MB pieces: each is read into a buffer that stays in the core's cache while it is scanned (16 MB pieces made
    // the counting pass of a 1 GB log 0.6 s instead of 0.33 s, and kept 80 MB more resident)
    private static final int MIN_CHUNK = 1 << 20;
    private static final int MAX_CHUNK = 1 << 20;
    private static final int BOUNDARY_WINDOW = 1 << 16;

    private static final boolean TIMING = Boolean.getBoolean("calphot.io.timing");
    private final int threads;
    private final int minChunk;
    private final int maxChunk;

    public HipercamAsciiReader() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public HipercamAsciiReader(int threads) {
        this(threads, MIN_CHUNK, MAX_CHUNK);
    }

    /** Piece sizes are settable so tests can cut small files into many pieces. */
    HipercamAsciiReader(int threads, int minChunk, int maxChunk) {
        this.threads = Math.max(1, threads);
        this.minChunk = Math.max(1, minChunk);
        this.maxChunk = Math.max(this.minChunk, maxChunk);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "HiPERCAM pipeline reduce ASCII logs, every version (also ULTRACAM/ULTRASPEC runs reduced with it)";
    }

    @Override
    public int confidence(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1);
        if (!s.startsWith("#")) {
            return 0;
        }
        if (s.contains(HipercamHeader.LOG_START) || s.contains(HipercamHeader.NAMES_START)) {
            return 100;
        }
        return s.contains("= CCD nframe") ? 80 : 0;
    }

    @Override
    public PhotometryLog read(Path file, Warnings warnings) throws CalphotException {
        String fname = file.toString();
        try {
            return doRead(file, fname, warnings);
        } catch (CalphotException e) {
            throw e;
        } catch (RuntimeException e) {
            // a bug, not bad input: report as a runtime failure rather than crash the caller
            throw new CalphotException("internal error reading the log: " + e, Location.of(fname), e);
        }
    }

    private PhotometryLog doRead(Path file, String fname, Warnings warnings) throws CalphotException {
        HipercamHeader h = HipercamHeader.read(file, fname, warnings);
        List<String> labels = new ArrayList<>(h.names.keySet());
        CcdLayout[] layouts = new CcdLayout[labels.size()];
        if (!h.sawTypes) {
            warnings.warn(Location.of(fname), "no data type definitions in the header; types inferred from column names");
        }
        for (int i = 0; i < layouts.length; i++) {
            String l = labels.get(i);
            if (h.sawTypes && !h.types.containsKey(l)) {
                throw new BadInputException("CCD '" + l + "' has column names but no data types",
                        Location.of(fname, h.nameLines.get(l)));
            }
            layouts[i] = new CcdLayout(l, h.names.get(l), h.types.get(l), fname, h.nameLines.get(l),
                    h.typeLines.getOrDefault(l, 0), warnings);
        }
        for (String l : h.types.keySet()) {
            if (!h.names.containsKey(l)) {
                throw new BadInputException("CCD '" + l + "' has data types but no column names",
                        Location.of(fname, h.typeLines.get(l)));
            }
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            List<Chunk> chunks = split(ch, h.dataStart, size);
            ExecutorService pool = chunks.size() > 1 && threads > 1
                    ? Executors.newFixedThreadPool(Math.min(threads, chunks.size()), r -> {
                        Thread t = new Thread(r, "calphot-log-parse");
                        t.setDaemon(true);
                        return t;
                    })
                    : null;
            try {
                ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> null);
                long t0 = System.nanoTime();
                // pass 1: count lines per CCD in each piece
                run(pool, chunks, c -> {
                    c.count(ch, buf(buffers, c), layouts);
                    return null;
                });
                int[] total = new int[layouts.length];
                int lineBase = h.firstDataLine - 1;
                for (Chunk c : chunks) {
                    c.rowBase = total.clone();
                    c.lineBase = lineBase;
                    lineBase += c.newlines;
                    for (int i = 0; i < total.length; i++) {
                        total[i] += c.counts[i];
                    }
                }
                long t1 = System.nanoTime();
                List<Runnable> allocations = new ArrayList<>();
                for (int i = 0; i < layouts.length; i++) {
                    allocations.addAll(layouts[i].allocations(total[i]));
                }
                // on every core (see CcdLayout.allocations); the pool's tasks publish the arrays to pass 2
                run(pool, allocations, a -> {
                    a.run();
                    return null;
                });
                long t2 = System.nanoTime();
                // pass 2: parse into the final arrays
                run(pool, chunks, c -> {
                    c.parse(ch, buf(buffers, c), layouts, size);
                    return null;
                });
                if (TIMING) {
                    System.err.printf("pass1 %.3f alloc %.3f pass2 %.3f s, %d chunks%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                            (System.nanoTime() - t2) / 1e9, chunks.size());
                }
                for (Chunk c : chunks) {
                    if (c.error != null) {
                        throw new BadInputException(c.error, Location.of(fname, c.lineBase + c.errorLine, c.errorColumn));
                    }
                }
                Chunk last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
                if (last != null && last.dropped != null) {
                    warnings.warn(Location.of(fname, last.lineBase + last.droppedLine),
                            "last line is cut short (no newline; log still being written?) and was dropped: "
                                    + last.dropped);
                    if (last.droppedCcd >= 0) {
                        layouts[last.droppedCcd].dropLastRow();
                    }
                }
                boolean nan = h.nanConvention();
                long t3 = System.nanoTime();
                run(pool, List.of(layouts), l -> {
                    l.normaliseSentinels(nan);
                    return null;
                });
                if (TIMING) {
                    System.err.printf("sentinels %.3f s%n", (System.nanoTime() - t3) / 1e9);
                }
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        } catch (IOException e) {
            throw new CalphotException("cannot read: " + e.getMessage(), Location.of(fname), e);
        }
        if (h.noData) {
            warnings.warn(Location.of(fname), "the log has a header but no data lines");
        }
        List<CcdTable> tables = new ArrayList<>();
        Map<String, List<String>> colNames = new java.util.LinkedHashMap<>();
        long offset = 0;
        for (CcdLayout l : layouts) {
            tables.add(l.toTable());
            List<String> cn = new ArrayList<>();
            cn.add("CCD");
            cn.addAll(List.of(l.names));
            colNames.put(l.label, cn);
            offset = l.mjdOffset != 0 ? l.mjdOffset : offset;
        }
        tables.sort((a, b) -> LabelOrder.NUMERIC.compare(a.ccd(), b.ccd()));
        LogHeader header = new LogHeader(NAME, h.version, h.nanConvention(), h.params, h.reduceFile, h.apertureDefs,
                offset, colNames);
        return new PhotometryLog(file, header, tables);
    }

    private static byte[] buf(ThreadLocal<byte[]> buffers, Chunk c) {
        byte[] b = buffers.get();
        int need = (int) (c.to - c.from);
        if (b == null || b.length < need) {
            b = new byte[need + BOUNDARY_WINDOW];
            buffers.set(b);
        }
        return b;
    }

    private interface Task<T> {
        Void apply(T t) throws IOException;
    }

    private static <T> void run(ExecutorService pool, List<T> items, Task<T> task) throws IOException {
        if (pool == null) {
            for (T t : items) {
                task.apply(t);
            }
            return;
        }
        List<Future<Void>> fs = new ArrayList<>();
        for (T t : items) {
            Callable<Void> c = () -> task.apply(t);
            fs.add(pool.submit(c));
        }
        try {
            for (Future<Void> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }

    /** Cuts [start, size) into pieces that begin at a line start, preferably a frame's '#' spacer line. */
    private List<Chunk> split(FileChannel ch, long start, long size) throws IOException {
        List<Chunk> out = new ArrayList<>();
        long len = size - start;
        if (len <= 0) {
            return out;
        }
        long target = Math.max(minChunk, Math.min(maxChunk, len / (threads * 4L)));
        byte[] win = new byte[(int) Math.min(BOUNDARY_WINDOW, Math.max(minChunk, 64))];
        long from = start;
        while (from < size) {
            long nominal = from + target;
            long to;
            if (nominal >= size) {
                to = size;
            } else {
                int n = readAt(ch, win, nominal, (int) Math.min(win.length, size - nominal));
                int nl = -1;
                int frame = -1;
                for (int i = 0; i < n; i++) {
                    if (win[i] == '\n') {
                        if (nl < 0) {
                            nl = i;
                        }
                        if (i + 1 < n && win[i + 1] == '#') {
                            frame = i;
                            break;
                        }
                    }
                }
                int cut = frame >= 0 ? frame : nl;
                if (cut < 0) {
                    // a line longer than the window: find its end further on
                    long p = nominal + n;
                    to = size;
                    while (p < size) {
                        int m = readAt(ch, win, p, (int) Math.min(win.length, size - p));
                        int k = 0;
                        while (k < m && win[k] != '\n') {
                            k++;
                        }
                        if (k < m) {
                            to = p + k + 1;
                            break;
                        }
                        p += m;
                    }
                } else {
                    to = nominal + cut + 1;
                }
            }
            if (to - from > Integer.MAX_VALUE - 16) {
                throw new IOException("a single line longer than 2 GB");
            }
            out.add(new Chunk(from, to));
            from = to;
        }
        return out;
    }

    static int readAt(FileChannel ch, byte[] buf, long pos, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
        int total = 0;
        while (bb.hasRemaining()) {
            int n = ch.read(bb, pos + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** One piece of the data section and what the two passes learnt about it. */
    static final class Chunk {
        final long from;
        final long to;
        int[] counts;
        int newlines;
        int[] rowBase;
        int lineBase;
        String error;
        int errorLine;
        int errorColumn;
        String dropped;
        int droppedLine;
        int droppedCcd = -1;

        Chunk(long from, long to) {
            this.from = from;
            this.to = to;
        }

        private static int match(byte[] b, int s, int e, CcdLayout[] layouts) {
            int len = e - s;
            outer:
            for (int i = 0; i < layouts.length; i++) {
                byte[] lb = layouts[i].labelBytes;
                if (lb.length != len) {
                    continue;
                }
                for (int k = 0; k < len; k++) {
                    if (lb[k] != b[s + k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static boolean ws(byte c) {
            return c == ' ' || c == '\t' || c == '\r';
        }

        void count(FileChannel ch, byte[] b, CcdLayout[] layouts) throws IOException {
            int n = readAt(ch, b, from, (int) (to - from));
            counts = new int[layouts.length];
            int p = 0;
            int nl = 0;
            while (p < n) {
                int e = p;
                while (e < n && b[e] != '\n') {
                    e++;
                }
                if (e < n) {
                    nl++;
                }
                int q = p;
                while (q < e && ws(b[q])) {
                    q++;
                }
                if (q < e && b[q] != '#') {
                    int t = q;
                    while (t < e && !ws(b[t])) {
                        t++;
                    }
                    int ci = match(b, q, t, layouts);
                    if (ci >= 0) {
                        counts[ci]++;
                    }
                }
                p = e + 1;
            }
            newlines = nl;
        }

        void parse(FileChannel ch, byte[] b, CcdLayout[] layouts, long fileSize) throws IOException {
            int n = readAt(ch, b, from, (int) (to - from));
            int[] local = new int[layouts.length];
            int p = 0;
            int line = 0;
            while (p < n) {
                line++;
                int e = p;
                while (e < n && b[e] != '\n') {
                    e++;
                }
                boolean cutShort = e == n && to == fileSize;
                String msg = parseLine(b, p, e, layouts, local, line);
                if (msg != null) {
                    if (cutShort) {
                        dropped = msg;
                        droppedLine = line;
                    } else {
                        error = msg;
                        errorLine = line;
                    }
                    return;
                }
                p = e + 1;
            }
        }

        /** Parses one line; returns an error message (and sets errorColumn) or null. */
        private String parseLine(byte[] b, int p, int e, CcdLayout[] layouts, int[] local, int line) {
            int q = p;
            while (q < e && ws(b[q])) {
                q++;
            }
            if (q == e) {
                return null;
            }
            if (b[q] == '#') {
                String text = new String(b, q, e - q, StandardCharsets.UTF_8);
                if (text.contains(HipercamHeader.LOG_START) || text.contains(HipercamHeader.NAMES_START)) {
                    errorColumn = 1;
                    return "a second log header starts here: two logs concatenated into one file"
                            + " (hipercam would silently keep only the second run)";
                }
                return null;
            }
            int t = q;
            while (t < e && !ws(b[t])) {
                t++;
            }
            int ci = match(b, q, t, layouts);
            if (ci < 0) {
                errorColumn = q - p + 1;
                return "CCD label '" + token(b, q, t) + "' has no column definition in the header";
            }
            CcdLayout l = layouts[ci];
            int row = rowBase[ci] + local[ci]++;
            droppedCcd = ci;
            int ncol = l.columns();
            int s = t;
            byte[] kinds = l.kind;
            float[][] f4 = l.f4ByColumn;
            for (int j = 0; j < ncol; j++) {
                while (s < e && ws(b[s])) {
                    s++;
                }
                if (s == e) {
                    errorColumn = e - p + 1;
                    return "CCD '" + l.label + "' line has " + j + " values after the label, the header defines "
                            + ncol;
                }
                if (kinds[j] == CcdLayout.F4) {
                    // inlined fast path for the common case: a plain decimal of at most 15 digits
                    int st = s;
                    boolean neg = b[s] == '-';
                    if (neg) {
                        s++;
                    }
                    long m = 0;
                    int nd = 0;
                    int dot = -1;
                    while (s < e) {
                        int d = b[s] - '0';
                        if (d >= 0 && d <= 9) {
                            m = m * 10 + d;
                            nd++;
                        } else if (d == '.' - '0' && dot < 0) {
                            dot = nd;
                        } else {
                            break;
                        }
                        s++;
                    }
                    if ((s == e || ws(b[s])) && nd > 0 && nd <= 15) {
                        double v = dot < 0 ? (double) m : m / Numbers.POW10[nd - dot];
                        f4[j][row] = (float) (neg ? -v : v);
                        continue;
                    }
                    s = st;
                }
                int te = s;
                while (te < e && !ws(b[te])) {
                    te++;
                }
                try {
                    switch (kinds[j]) {
                        case CcdLayout.F4 -> f4[j][row] = (float) Numbers.parseDouble(b, s, te);
                        case CcdLayout.F8 -> l.f8[l.slot[j]][row] = Numbers.parseDouble(b, s, te) - l.addend[j];
                        case CcdLayout.I4 -> l.i4[l.slot[j]][row] = Numbers.parseInt(b, s, te);
                        case CcdLayout.U4 -> l.i4[l.slot[j]][row] = Numbers.parseUnsigned(b, s, te);
                        default -> l.bool[l.slot[j]][row] = Numbers.parseBool(b, s, te);
                    }
                } catch (Numbers.BadNumber x) {
                    errorColumn = s - p + 1;
                    return "'" + token(b, s, te) + "' is not a valid " + l.typeName(j) + " for column '" + l.names[j]
                            + "' of CCD '" + l.label + "'";
                }
                s = te;
            }
            while (s < e && ws(b[s])) {
                s++;
            }
            if (s < e) {
                errorColumn = s - p + 1;
                int extra = 0;
                for (int k = s; k < e; ) {
                    while (k < e && ws(b[k])) {
                        k++;
                    }
                    if (k < e) {
                        extra++;
                    }
                    while (k < e && !ws(b[k])) {
                        k++;
                    }
                }
                return "CCD '" + l.label + "' line has " + (ncol + extra) + " values after the label, the header defines "
                        + ncol;
            }
            droppedCcd = -1;
            return null;
        }

        private static String token(byte[] b, int s, int e) {
            String t = new String(b, s, Math.min(e - s, 40), StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                sb.append(c < 0x20 || c == 0x7f ? '?' : c);
            }
            return sb.toString();
        }
    }
}
