// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.Column;
import org.calphot.core.log.LogHeader;
import org.calphot.core.log.PhotometryLog;

/**
 * The frames of a log read piece by piece, in primitive arrays that grow by doubling (amortised O(1)
 * per frame, at most twice the data in memory). {@link #snapshot()} gives an ordinary
 * {@link PhotometryLog}, equal to a whole read of the same bytes.
 */
public final class GrowingLog {

    private final Path source;
    private final LogHeader header;
    private final Map<String, Ccd> ccds = new LinkedHashMap<>();
    /** the columns kept (per frame, per aperture); null: every column */
    private final Set<String> frameColumns;
    private final Set<String> apertureColumns;

    public GrowingLog(Path source, LogHeader header) {
        this(source, header, null, null);
    }

    /**
     * Keeps only the named columns (null: all): a follower for a pipeline that reads a few columns holds tens of
     * bytes per frame and CCD instead of every column of the log. A snapshot then has only these columns.
     */
    public GrowingLog(Path source, LogHeader header, Set<String> frameColumns, Set<String> apertureColumns) {
        this.source = source;
        this.header = header;
        this.frameColumns = frameColumns == null ? null : Set.copyOf(frameColumns);
        this.apertureColumns = apertureColumns == null ? null : Set.copyOf(apertureColumns);
    }

    /** Bytes held by the kept columns' arrays (their capacity, grown by doubling). */
    public synchronized long storageBytes() {
        long n = 0;
        for (Ccd c : ccds.values()) {
            for (Grow g : c.frame.values()) {
                n += g.capacityBytes();
            }
            for (Map<String, Grow> a : c.apertures.values()) {
                for (Grow g : a.values()) {
                    n += g.capacityBytes();
                }
            }
        }
        return n;
    }

    public LogHeader header() {
        return header;
    }

    /** Rows read so far of each CCD, in the log's CCD order. */
    public synchronized int rows(String ccd) {
        Ccd c = ccds.get(ccd);
        return c == null ? 0 : c.rows;
    }

    /** Largest row count of any CCD. */
    public synchronized int frames() {
        int n = 0;
        for (Ccd c : ccds.values()) {
            n = Math.max(n, c.rows);
        }
        return n;
    }

    public synchronized void append(PhotometryLog part) {
        for (CcdTable t : part.ccds()) {
            Ccd c = ccds.computeIfAbsent(t.ccd(), k -> new Ccd(t, frameColumns, apertureColumns));
            c.append(t);
        }
    }

    /** Every frame read so far as a log (copies, so later appends do not change it). */
    public synchronized PhotometryLog snapshot() {
        List<CcdTable> tables = new ArrayList<>();
        for (Ccd c : ccds.values()) {
            tables.add(c.table());
        }
        return new PhotometryLog(source, header, tables);
    }

    private static final class Ccd {
        final String label;
        final List<String> apertureLabels;
        final Map<String, Grow> frame = new LinkedHashMap<>();
        final Map<String, Map<String, Grow>> apertures = new LinkedHashMap<>();
        int rows;

        Ccd(CcdTable t, Set<String> frameColumns, Set<String> apertureColumns) {
            label = t.ccd();
            apertureLabels = t.apertureLabels();
            for (Column col : t.frameColumns().values()) {
                if (frameColumns == null || frameColumns.contains(col.name())) {
                    frame.put(col.name(), Grow.of(col));
                }
            }
            for (String l : t.apertureLabels()) {
                Map<String, Grow> m = new LinkedHashMap<>();
                for (Map.Entry<String, Column> e : t.aperture(l).columns().entrySet()) {
                    if (apertureColumns == null || apertureColumns.contains(e.getKey())) {
                        m.put(e.getKey(), Grow.of(e.getValue()));
                    }
                }
                apertures.put(l, m);
            }
        }

        void append(CcdTable t) {
            for (Column col : t.frameColumns().values()) {
                Grow g = frame.get(col.name());
                if (g != null) {
                    g.append(col, t.rows());
                }
            }
            for (Map.Entry<String, Map<String, Grow>> a : apertures.entrySet()) {
                ApertureTable at = t.aperture(a.getKey());
                for (Map.Entry<String, Grow> e : a.getValue().entrySet()) {
                    Column col = at == null ? null : at.column(e.getKey());
                    if (col != null) {
                        e.getValue().append(col, t.rows());
                    }
                }
            }
            rows += t.rows();
        }

        CcdTable table() {
            Map<String, Column> fc = new LinkedHashMap<>();
            for (Map.Entry<String, Grow> e : frame.entrySet()) {
                fc.put(e.getKey(), e.getValue().column(rows));
            }
            Map<String, ApertureTable> ap = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Grow>> a : apertures.entrySet()) {
                Map<String, Column> cols = new LinkedHashMap<>();
                for (Map.Entry<String, Grow> e : a.getValue().entrySet()) {
                    cols.put(e.getKey(), e.getValue().column(rows));
                }
                ap.put(a.getKey(), new ApertureTable(a.getKey(), cols));
            }
            return new CcdTable(label, rows, fc, apertureLabels, ap);
        }
    }

    /** One growing column in the type the log declares. */
    private static final class Grow {
        final String name;
        final char kind; // d f i u b
        double[] d;
        float[] f;
        int[] i;
        boolean[] b;
        int size;

        private Grow(String name, char kind) {
            this.name = name;
            this.kind = kind;
            switch (kind) {
                case 'd' -> d = new double[16];
                case 'f' -> f = new float[16];
                case 'b' -> b = new boolean[16];
                default -> i = new int[16];
            }
        }

        static Grow of(Column c) {
            char k = c instanceof Column.F64 ? 'd' : c instanceof Column.F32 ? 'f' : c instanceof Column.Bool ? 'b'
                    : c instanceof Column.U32 ? 'u' : 'i';
            return new Grow(c.name(), k);
        }

        void append(Column c, int n) {
            int need = size + n;
            switch (kind) {
                case 'd' -> {
                    if (need > d.length) {
                        d = Arrays.copyOf(d, Math.max(need, 2 * d.length));
                    }
                    System.arraycopy(((Column.F64) c).data(), 0, d, size, n);
                }
                case 'f' -> {
                    if (need > f.length) {
                        f = Arrays.copyOf(f, Math.max(need, 2 * f.length));
                    }
                    System.arraycopy(((Column.F32) c).data(), 0, f, size, n);
                }
                case 'b' -> {
                    if (need > b.length) {
                        b = Arrays.copyOf(b, Math.max(need, 2 * b.length));
                    }
                    System.arraycopy(((Column.Bool) c).data(), 0, b, size, n);
                }
                default -> {
                    if (need > i.length) {
                        i = Arrays.copyOf(i, Math.max(need, 2 * i.length));
                    }
                    int[] src = c instanceof Column.U32 u ? u.data() : ((Column.I32) c).data();
                    System.arraycopy(src, 0, i, size, n);
                }
            }
            size = need;
        }

        long capacityBytes() {
            return switch (kind) {
                case 'd' -> 8L * d.length;
                case 'f' -> 4L * f.length;
                case 'b' -> b.length;
                default -> 4L * i.length;
            };
        }

        Column column(int rows) {
            int n = Math.min(rows, size);
            return switch (kind) {
                case 'd' -> new Column.F64(name, Arrays.copyOf(d, n));
                case 'f' -> new Column.F32(name, Arrays.copyOf(f, n));
                case 'b' -> new Column.Bool(name, Arrays.copyOf(b, n));
                case 'u' -> new Column.U32(name, Arrays.copyOf(i, n));
                default -> new Column.I32(name, Arrays.copyOf(i, n));
            };
        }
    }
}
