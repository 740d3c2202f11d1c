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

    public static EclipseTimeTable empty() {
        return new EclipseTimeTable(Map.of(), new int[0], new double[0], new double[0], new int[0]);
    }
}
