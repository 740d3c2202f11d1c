// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.Column;
import org.calphot.core.log.LogColumns;

/**
 * Column layout of one CCD's data lines (from the header definitions) and, once the rows are
 * counted, the primitive arrays they are parsed into. Storage follows the declared type, except
 * that MJD is always f8, nframe i4 and MJDok boolean, whatever the header says.
 */
final class CcdLayout {

    static final byte F8 = 0;
    static final byte F4 = 1;
    static final byte I4 = 2;
    static final byte U4 = 3;
    static final byte BOOL = 4;

    final String label;
    final byte[] labelBytes;
    final String[] names;
    /** Item name without aperture suffix, canonical for frame columns (MJD-50000 becomes MJD). */
    final String[] items;
    /** Aperture label, or null for a frame column. */
    final String[] apertures;
    final byte[] kind;
    final int[] slot;
    final double[] addend;
    final List<String> apertureOrder = new ArrayList<>();
    long mjdOffset;
    int nF8;
    int nF4;
    int nI4;
    int nBool;

    int rows;
    double[][] f8;
    float[][] f4;
    int[][] i4;
    boolean[][] bool;
    /** f4 arrays indexed by column (null for other kinds), saving an indirection in the parse loop. */
    float[][] f4ByColumn;

    CcdLayout(String label, List<String> nameList, List<String> typeList, String fname, int nameLine, int typeLine,
            Warnings warnings) throws BadInputException {
        this.label = label;
        this.labelBytes = label.getBytes(StandardCharsets.UTF_8);
        if (nameList.isEmpty() || !nameList.get(0).equals("CCD")) {
            throw new BadInputException("column definitions of CCD '" + label + "' must start with 'CCD'",
                    Location.of(fname, nameLine));
        }
        int n = nameList.size() - 1;
        if (typeList != null) {
            if (typeList.isEmpty() || !typeList.get(0).equals("s")) {
                throw new BadInputException("data types of CCD '" + label + "' must start with 's'",
                        Location.of(fname, typeLine));
            }
            if (typeList.size() != nameList.size()) {
                throw new BadInputException("CCD '" + label + "' has " + nameList.size() + " column names (line "
                        + nameLine + ") but " + typeList.size() + " data types", Location.of(fname, typeLine));
            }
        }
        names = new String[n];
        items = new String[n];
        apertures = new String[n];
        kind = new byte[n];
        slot = new int[n];
        addend = new double[n];
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < n; j++) {
            String name = nameList.get(j + 1);
            names[j] = name;
            if (!seen.add(name)) {
                throw new BadInputException("column '" + name + "' of CCD '" + label + "' defined twice",
                        Location.of(fname, nameLine));
            }
            int us = name.indexOf('_');
            String type = typeList != null ? typeList.get(j + 1) : inferType(name, us);
            if (us > 0) {
                items[j] = name.substring(0, us);
                apertures[j] = name.substring(us + 1);
                if (!apertureOrder.contains(apertures[j])) {
                    apertureOrder.add(apertures[j]);
                }
            } else {
                items[j] = name;
                if (name.startsWith("MJD-") || name.startsWith("MJD+")) {
                    try {
                        // "MJD-50000" holds MJD minus 50000: the offset is 50000
                        mjdOffset = -Long.parseLong(name.substring(3).replace("+", ""));
                    } catch (NumberFormatException e) {
                        throw new BadInputException("MJD column name '" + name + "' has no integer offset",
                                Location.of(fname, nameLine));
                    }
                    // MJD-<toffset>: the pipeline subtracted toffset, add it back
                    addend[j] = -mjdOffset;
                    items[j] = LogColumns.MJD;
                }
            }
            byte k = switch (type) {
                case "f8" -> F8;
                case "f4" -> F4;
                case "i4" -> I4;
                case "u4" -> U4;
                case "?" -> BOOL;
                default -> throw new BadInputException("unsupported data type '" + type + "' for column '" + name
                        + "' of CCD '" + label + "'", Location.of(fname, typeLine));
            };
            if (apertures[j] == null) {
                switch (items[j]) {
                    case LogColumns.MJD -> k = F8;
                    case LogColumns.NFRAME -> k = I4;
                    case LogColumns.MJD_OK -> k = BOOL;
                    default -> {
                    }
                }
            }
            kind[j] = k;
            slot[j] = switch (k) {
                case F8 -> nF8++;
                case F4 -> nF4++;
                case I4, U4 -> nI4++;
                default -> nBool++;
            };
        }
        for (String req : new String[] {LogColumns.NFRAME, LogColumns.MJD, LogColumns.MJD_OK, LogColumns.EXPTIM}) {
            boolean found = false;
            for (int j = 0; j < n; j++) {
                found |= apertures[j] == null && items[j].equals(req);
            }
            if (!found) {
                throw new BadInputException("CCD '" + label + "' has no '" + req + "' column",
                        Location.of(fname, nameLine));
            }
        }
    }

    private static String inferType(String name, int us) {
        String item = us > 0 ? name.substring(0, us) : name;
        return switch (item) {
            case "nframe", "nsky", "nrej", "cmax" -> "i4";
            case "flag" -> "u4";
            case "MJDok" -> "?";
            default -> item.startsWith("MJD") ? "f8" : "f4";
        };
    }

    int columns() {
        return names.length;
    }

    void allocate(int nrows) {
        for (Runnable r : allocations(nrows)) {
            r.run();
        }
    }

    /**
     * The column arrays to allocate, one task each, so a reader can run them on every core: the JVM zeroes a new
     * array in the allocating thread and the first touch of fresh heap pages costs page faults, which for a 1 GB log
     * (hundreds of MB of columns) took longer on one thread than parsing the numbers did.
     */
    java.util.List<Runnable> allocations(int nrows) {
        rows = nrows;
        f8 = new double[nF8][];
        f4 = new float[nF4][];
        i4 = new int[nI4][];
        bool = new boolean[nBool][];
        f4ByColumn = new float[names.length][];
        java.util.List<Runnable> out = new java.util.ArrayList<>();
        for (int i = 0; i < nF8; i++) {
            int k = i;
            out.add(() -> f8[k] = new double[nrows]);
        }
        for (int i = 0; i < nF4; i++) {
            int k = i;
            out.add(() -> {
                float[] a = new float[nrows];
                f4[k] = a;
                for (int j = 0; j < names.length; j++) {
                    if (kind[j] == F4 && slot[j] == k) {
                        f4ByColumn[j] = a;
                    }
                }
            });
        }
        for (int i = 0; i < nI4; i++) {
            int k = i;
            out.add(() -> i4[k] = new int[nrows]);
        }
        for (int i = 0; i < nBool; i++) {
            int k = i;
            out.add(() -> bool[k] = new boolean[nrows]);
        }
        return out;
    }

    /** Drops the last row (a cut-off final line). */
    void dropLastRow() {
        rows--;
        for (int i = 0; i < f8.length; i++) {
            f8[i] = java.util.Arrays.copyOf(f8[i], rows);
        }
        for (int i = 0; i < f4.length; i++) {
            f4[i] = java.util.Arrays.copyOf(f4[i], rows);
        }
        for (int i = 0; i < i4.length; i++) {
            i4[i] = java.util.Arrays.copyOf(i4[i], rows);
        }
        for (int i = 0; i < bool.length; i++) {
            bool[i] = java.util.Arrays.copyOf(bool[i], rows);
        }
    }

    String typeName(int j) {
        return switch (kind[j]) {
            case F8, F4 -> "number";
            case I4 -> "integer";
            case U4 -> "unsigned integer";
            default -> "0/1 flag";
        };
    }

    Column column(int j, String name) {
        return switch (kind[j]) {
            case F8 -> new Column.F64(name, f8[slot[j]]);
            case F4 -> new Column.F32(name, f4[slot[j]]);
            case I4 -> new Column.I32(name, i4[slot[j]]);
            case U4 -> new Column.U32(name, i4[slot[j]]);
            default -> new Column.Bool(name, bool[slot[j]]);
        };
    }

    /**
     * Old logs (hipercam &lt; 0.21) mark "no measurement" with non-positive errors and -1 means;
     * convert those to NaN so both conventions give the same model. The rules mirror what the
     * 0.21 writer turns into {@code nan}: a position error ≤ 0 (linked or failed aperture) has no
     * error but the position is kept; fwhme ≤ 0 means no error, and fwhm ≤ 0 no profile fit at all
     * (then beta/betae were not fitted either); countse ≤ 0 means no extraction (counts and error
     * bad); skye ≤ 0 no sky. A Gaussian fit's {@code betae = -1} with a fitted fwhm stays as written.
     */
    void normaliseSentinels(boolean nanConvention) {
        for (int j = 0; j < names.length; j++) {
            if (apertures[j] == null && (items[j].equals(LogColumns.MFWHM) || items[j].equals(LogColumns.MBETA))) {
                nonPositiveToNaN(j, j);
            }
        }
        if (nanConvention) {
            return;
        }
        Map<String, Map<String, Integer>> byAp = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            if (apertures[j] != null) {
                byAp.computeIfAbsent(apertures[j], k -> new LinkedHashMap<>()).put(items[j], j);
            }
        }
        for (Map<String, Integer> ap : byAp.values()) {
            Integer xe = ap.get(LogColumns.X_ERR);
            Integer ye = ap.get(LogColumns.Y_ERR);
            Integer fwhm = ap.get(LogColumns.FWHM);
            Integer fwhme = ap.get(LogColumns.FWHM_ERR);
            Integer beta = ap.get(LogColumns.BETA);
            Integer betae = ap.get(LogColumns.BETA_ERR);
            Integer counts = ap.get(LogColumns.COUNTS);
            Integer countse = ap.get(LogColumns.COUNTS_ERR);
            Integer sky = ap.get(LogColumns.SKY);
            Integer skye = ap.get(LogColumns.SKY_ERR);
            if (fwhm != null) {
                // beta/betae first: they depend on the raw fwhm
                if (beta != null) {
                    badWhere(fwhm, beta);
                }
                if (betae != null) {
                    badWhere(fwhm, betae);
                }
                nonPositiveToNaN(fwhm, fwhm);
            }
            if (fwhme != null) {
                nonPositiveToNaN(fwhme, fwhme);
            }
            if (xe != null) {
                nonPositiveToNaN(xe, xe);
            }
            if (ye != null) {
                nonPositiveToNaN(ye, ye);
            }
            if (countse != null) {
                if (counts != null) {
                    badWhere(countse, counts);
                }
                nonPositiveToNaN(countse, countse);
            }
            if (skye != null) {
                if (sky != null) {
                    badWhere(skye, sky);
                }
                nonPositiveToNaN(skye, skye);
            }
        }
    }

    private boolean isFloat(int j) {
        return kind[j] == F4 || kind[j] == F8;
    }

    private double get(int j, int r) {
        return kind[j] == F4 ? f4[slot[j]][r] : f8[slot[j]][r];
    }

    private void setNaN(int j, int r) {
        if (kind[j] == F4) {
            f4[slot[j]][r] = Float.NaN;
        } else {
            f8[slot[j]][r] = Double.NaN;
        }
    }

    /** Sets column {@code target} NaN where column {@code test} is ≤ 0. */
    private void badWhere(int test, int target) {
        if (!isFloat(test) || !isFloat(target)) {
            return;
        }
        if (kind[test] == F4 && kind[target] == F4) {
            // the common case on the arrays themselves: a pass over a 1 GB log's columns took a tenth of its read
            float[] t = f4[slot[test]];
            float[] g = f4[slot[target]];
            for (int r = 0; r < rows; r++) {
                if (t[r] <= 0) {
                    g[r] = Float.NaN;
                }
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            if (get(test, r) <= 0) {
                setNaN(target, r);
            }
        }
    }

    private void nonPositiveToNaN(int test, int target) {
        badWhere(test, target);
    }

    CcdTable toTable() {
        Map<String, Column> frame = new LinkedHashMap<>();
        Map<String, Map<String, Column>> aps = new LinkedHashMap<>();
        for (String a : apertureOrder) {
            aps.put(a, new LinkedHashMap<>());
        }
        for (int j = 0; j < names.length; j++) {
            Column c = column(j, items[j]);
            if (apertures[j] == null) {
                frame.put(items[j], c);
            } else {
                aps.get(apertures[j]).put(items[j], c);
            }
        }
        Map<String, ApertureTable> tables = new LinkedHashMap<>();
        aps.forEach((k, v) -> tables.put(k, new ApertureTable(k, v)));
        return new CcdTable(label, rows, frame, apertureOrder, tables);
    }
}
