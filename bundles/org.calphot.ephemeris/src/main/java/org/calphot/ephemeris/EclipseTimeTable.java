// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import java.util.Map;
import java.util.TreeMap;

/**
 * Mid-eclipse times, the content of the original's {@code EPHEMERIS/eclipse_times.txt}: per
 * eclipse its cycle number, BMJD(TDB), 1-sigma error (days) and source id; {@code sources} maps
 * source ids to names. Arrays are shared, not copied.
 */
public record EclipseTimeTable(Map<Integer, String> sources, int[] cycles, double[] bmjdTdb, double[] errors,
        int[] sourceIds) {

    public EclipseTimeTable {
        sources = java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
        int n = cycles.length;
        if (bmjdTdb.length != n || errors.length != n || sourceIds.length != n) {
            throw new IllegalArgumentException("column lengths differ");
        }
    }

    public int size() {
        return cycles.length;
    }

    /** The name of a source id, or {@code source_<id>} when the file has no key line for it. */
    public String sourceName(int id) {
        String n = sources.get(id);
        return n == null ? "source_" + id : n;
    }

    /** This table with other cycle numbers (e.g. computed from a prior ephemeris). */
    public EclipseTimeTable withCycles(int[] newCycles) {
        return new EclipseTimeTable(sources, newCycles, bmjdTdb, errors, sourceIds);
    }

    /** This table plus one eclipse; a new source name gets the next free id. */
    public EclipseTimeTable plus(String source, int cycle, double time, double error) {
        Map<Integer, String> src = new TreeMap<>(sources);
        int id = -1;
        for (Map.Entry<Integer, String> e : src.entrySet()) {
            if (e.getValue().equals(source)) {
                id = e.getKey();
            }
        }
        if (id < 0) {
            id = src.isEmpty() ? 0 : ((TreeMap<Integer, String>) src).lastKey() + 1;
            src.put(id, source);
        }
        int n = size();
        int[] c = java.util.Arrays.copyOf(cycles, n + 1);
        double[] t = java.util.Arrays.copyOf(bmjdTdb, n + 1);
        double[] e = java.util.Arrays.copyOf(errors, n + 1);
        int[] s = java.util.Arrays.copyOf(sourceIds, n + 1);
        c[n] = cycle;
        t[n] = time;
        e[n] = error;
        s[n] = id;
        return new EclipseTimeTable(src, c, t, e, s);
    }

    /**
     * This table with the rows of one source replaced: an existing source keeps its id (ids are
     * never renumbered) and loses its old rows, so timing the same log again does not duplicate
     * it; a new source gets the next free id.
     */
    public EclipseTimeTable withSource(String source, int[] newCycles, double[] times, double[] errs) {
        if (newCycles.length != times.length || errs.length != times.length) {
            throw new IllegalArgumentException("column lengths differ");
        }
        Map<Integer, String> src = new TreeMap<>(sources);
        int id = -1;
        for (Map.Entry<Integer, String> e : src.entrySet()) {
            if (e.getValue().equals(source)) {
                id = e.getKey();
            }
        }
        if (id < 0) {
            int max = -1;
            for (int k : src.keySet()) {
                max = Math.max(max, k);
            }
            for (int k : sourceIds) {
                max = Math.max(max, k); // an id used by rows without a key line is taken too
            }
            id = max + 1;
            src.put(id, source);
        }
        int keep = 0;
        for (int s : sourceIds) {
            keep += s == id ? 0 : 1;
        }
        int n = keep + times.length;
        int[] c = new int[n];
        double[] t = new double[n];
        double[] e = new double[n];
        int[] s = new int[n];
        int k = 0;
        for (int i = 0; i < size(); i++) {
            if (sourceIds[i] != id) {
                c[k] = cycles[i];
                t[k] = bmjdTdb[i];
                e[k] = errors[i];
                s[k++] = sourceIds[i];
            }
        }
        for (int i = 0; i < times.length; i++) {
            c[k] = newCycles[i];
            t[k] = times[i];
            e[k] = errs[i];
            s[k++] = id;
        }
        return new EclipseTimeTable(src, c, t, e, s);
    }

    /** The id of a source name, or -1. */
    public int sourceId(String source) {
        for (Map.Entry<Integer, String> e : sources.entrySet()) {
            if (e.getValue().equals(source)) {
                return e.getKey();
            }
        }
        return -1;
    }

    public static EclipseTimeTable empty() {
        return new EclipseTimeTable(Map.of(), new int[0], new double[0], new double[0], new int[0]);
    }
}
