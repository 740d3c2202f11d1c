// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.Column;
import org.calphot.core.log.LogFlags;
import org.calphot.core.log.LogReaders;
import org.calphot.core.log.PhotometryLog;

/**
 * {@code calphot inspect}: a readable summary of logs, or JSON for scripts. JSON contract (one
 * object per file; an array when several files are given):
 * <pre>
 * { "file", "format", "pipeline_version" (null if unknown), "instrument", "nan_convention",
 *   "mjd_offset", "frames",
 *   "ccds": [ { "ccd": "1", "frames": lines of this CCD, "apertures": ["1","2",...] (numeric order),
 *               "mjd_first", "mjd_last", "mjd_min", "mjd_max", "mjdok_false",
 *               "exposure_min", "exposure_median", "exposure_max",
 *               "flags": {"1": {"NO_FWHM": n, ...}, "2": {...}} (per aperture, only flags that occur),
 *               "bad": {"1": n, "2": n} (per aperture, points with no measurement),
 *               "aperture_stats": [ { "aperture": "1", "flags": {"NO_FWHM": n, ...} (only flags that occur),
 *                                     "flagged": points with any flag, "bad": points with no measurement } ] } ] }
 * </pre>
 * A file that cannot be read gives {@code {"file": ..., "error": "<located message>", "exit_code": 2}}.
 */
public final class LogInspector {

    private final LogReaders readers;

    public LogInspector(LogReaders readers) {
        this.readers = readers;
    }

    /** Summary of one log as JSON-ready maps. */
    public Map<String, Object> summary(PhotometryLog log) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", log.source().toString());
        m.put("format", log.header().format());
        m.put("pipeline_version", log.header().pipelineVersion());
        m.put("instrument", log.header().instrumentGuess(log.ccds().size()));
        m.put("nan_convention", log.header().nanConvention());
        m.put("mjd_offset", log.header().mjdOffset());
        m.put("flag_convention", flagConvention(log));
        m.put("frames", log.frames());
        // the CCDs on every core: each is a pass over its columns (a 1 GB log: 0.6 s on one thread)
        List<Object> ccds = new ArrayList<>(log.ccds().parallelStream().map(LogInspector::ccdSummary).toList());
        m.put("ccds", ccds);
        return m;
    }

    private static Map<String, Object> ccdSummary(CcdTable c) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("ccd", c.ccd());
        cm.put("frames", c.rows());
        cm.put("apertures", c.apertureLabels());
        double[] mjd = c.rows() > 0 ? c.mjdUtc() : new double[0];
        cm.put("mjd_first", mjd.length > 0 ? mjd[0] : null);
        cm.put("mjd_last", mjd.length > 0 ? mjd[mjd.length - 1] : null);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double t : mjd) { // NaN wins, as in Math.min and Math.max
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        cm.put("mjd_min", mjd.length > 0 ? lo : null);
        cm.put("mjd_max", mjd.length > 0 ? hi : null);
        int bad = 0;
        if (c.rows() > 0) {
            for (boolean ok : c.mjdOk()) {
                bad += ok ? 0 : 1;
            }
        }
        cm.put("mjdok_false", bad);
        Column ex = c.exposure();
        if (ex != null && c.rows() > 0) {
            double[] e = ex.toDoubleArray();
            // one exposure time all night is the usual case, and then the array is already in order
            boolean same = !Double.isNaN(e[0]);
            for (int i = 1; same && i < e.length; i++) {
                same = e[i] == e[0];
            }
            if (!same) {
                Arrays.sort(e);
            }
            cm.put("exposure_min", shortest(ex, e[0]));
            cm.put("exposure_median", shortest(ex, e[e.length / 2]));
            cm.put("exposure_max", shortest(ex, e[e.length - 1]));
        }
        List<Object> aps = new ArrayList<>();
        // the same counts keyed by aperture label, for scripts that look them up directly
        Map<String, Object> flagsByAperture = new LinkedHashMap<>();
        Map<String, Object> badByAperture = new LinkedHashMap<>();
        for (String label : c.apertureLabels()) {
            ApertureTable a = c.aperture(label);
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("aperture", label);
            Map<String, Object> flags = new LinkedHashMap<>();
            int flagged = 0;
            Column f = a.flags();
            if (f != null) {
                long[] perBit = new long[32];
                // the flag bits themselves (an i4 or u4 column's int bits), without a double per row
                int[] bits = f instanceof Column.I32 i ? i.data() : f instanceof Column.U32 u ? u.data() : null;
                for (int r = 0; r < f.size(); r++) {
                    int v = bits != null ? bits[r] : (int) (long) f.value(r);
                    if (v != 0) {
                        flagged++;
                        for (int x = v; x != 0; x &= x - 1) { // each set bit, lowest first
                            perBit[Integer.numberOfTrailingZeros(x)]++;
                        }
                    }
                }
                for (int b = 0; b < 32; b++) {
                    if (perBit[b] > 0) {
                        flags.put(LogFlags.name(b), perBit[b]);
                    }
                }
            }
            am.put("flags", flags);
            am.put("flagged", flagged);
            am.put("bad", a.badCount());
            aps.add(am);
            flagsByAperture.put(label, flags);
            badByAperture.put(label, am.get("bad"));
        }
        cm.put("flags", flagsByAperture);
        cm.put("bad", badByAperture);
        cm.put("aperture_stats", aps);
        return cm;
    }

    /**
     * A float column's value as the float's own shortest decimal, not its binary expansion. Taken after sorting: the
     * shortest decimals of floats are in the floats' order, so min, median and max are those of the converted values.
     */
    private static double shortest(Column c, double v) {
        return c instanceof Column.F32 ? Double.parseDouble(Float.toString((float) v)) : v;
    }

    /**
     * What the flag counts are (issue 15 item 10): hipercam bit values, which {@code flags:} and {@code --flags}
     * take; for a C++ ULTRACAM log they were translated from its error codes, which are not flag values.
     */
    static String flagConvention(PhotometryLog log) {
        String common = "flags are hipercam bit values (SKY_AT_EDGE 4, TARGET_SATURATED 16, JUNK 512, ...), the values"
                + " 'flags:' and --flags take; BAD_TIME 4096 is never in a log: hipercam sets it on MJDok = 0 frames,"
                + " which calphot always drops (their times are wrong; ignoring BAD_TIME does not keep them)";
        if ("ultracam-ulog".equals(log.header().format())) {
            return common + "; this C++ ULTRACAM log's error codes 0-12 (column error_code) were translated to those"
                    + " bits (e.g. code 8, saturation, is TARGET_SATURATED 16): give bit values, not error codes";
        }
        return common;
    }

    /** Human-readable summary. */
    @SuppressWarnings("unchecked")
    public String text(PhotometryLog log) {
        Map<String, Object> s = summary(log);
        StringBuilder sb = new StringBuilder();
        sb.append(s.get("file")).append('\n');
        Object v = s.get("pipeline_version");
        sb.append(String.format(Locale.ROOT, "  format %s, pipeline %s, bad values as %s, instrument %s%s%n",
                s.get("format"), v == null ? "unknown" : v,
                log.header().nanConvention() ? "nan" : "negative errors (converted)",
                s.get("instrument"),
                log.header().parameters().containsKey("source")
                        ? " (source " + log.header().parameters().get("source") + ")" : ""));
        if (log.header().mjdOffset() != 0) {
            sb.append("  MJD column had toffset ").append(log.header().mjdOffset()).append(" (added back)\n");
        }
        sb.append("  ").append(s.get("flag_convention")).append('\n');
        for (Object o : (List<Object>) s.get("ccds")) {
            Map<String, Object> c = (Map<String, Object>) o;
            sb.append(String.format(Locale.ROOT, "  CCD %s: %d frames, %d apertures %s", c.get("ccd"), c.get("frames"),
                    ((List<?>) c.get("apertures")).size(), c.get("apertures")));
            if (c.get("mjd_first") != null) {
                sb.append(String.format(Locale.ROOT, ", MJD(UTC) %.6f .. %.6f (min %.6f, max %.6f), MJDok=0: %d",
                        c.get("mjd_first"), c.get("mjd_last"), c.get("mjd_min"), c.get("mjd_max"), c.get("mjdok_false")));
            }
            if (c.get("exposure_median") != null) {
                sb.append(String.format(Locale.ROOT, ", exposure %.6g s (min %.6g, max %.6g)", c.get("exposure_median"),
                        c.get("exposure_min"), c.get("exposure_max")));
            }
            sb.append('\n');
            for (Object ao : (List<Object>) c.get("aperture_stats")) {
                Map<String, Object> a = (Map<String, Object>) ao;
                Map<String, Object> flags = (Map<String, Object>) a.get("flags");
                StringBuilder fl = new StringBuilder();
                flags.forEach((k, n) -> fl.append(fl.length() > 0 ? ", " : "").append(k).append(' ').append(n));
                sb.append(String.format(Locale.ROOT, "    aperture %s: %d bad points, %d flagged%s%n", a.get("aperture"),
                        a.get("bad"), a.get("flagged"), fl.length() > 0 ? " (" + fl + ")" : ""));
            }
        }
        return sb.toString();
    }

    /**
     * Inspects each file, printing text or JSON to {@code out} and errors to {@code err}.
     * Returns 0, or the highest exit code of a failed file (2 bad input, 1 runtime failure).
     */
    public int run(List<Path> files, boolean json, PrintStream out, PrintStream err) {
        int code = 0;
        List<Object> results = new ArrayList<>();
        Warnings w = (loc, msg) -> err.println("warning: " + (loc.toString().isEmpty() ? "" : loc + ": ") + msg);
        for (Path f : files) {
            try {
                PhotometryLog log = readers.read(f, w);
                if (json) {
                    results.add(summary(log));
                } else {
                    out.print(text(log));
                }
            } catch (CalphotException e) {
                code = Math.max(code, e.exitCode());
                err.println("calphot: " + e.describe());
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", f.toString());
                    m.put("error", e.describe());
                    m.put("exit_code", e.exitCode());
                    results.add(m);
                }
            }
        }
        if (json) {
            out.println(JsonWriter.pretty(results.size() == 1 && files.size() == 1 ? results.get(0) : results));
        }
        return code;
    }
}
