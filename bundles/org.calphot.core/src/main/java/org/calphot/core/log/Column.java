// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

/**
 * One column of a photometry log, stored in the type the log declares (numpy codes {@code f8},
 * {@code f4}, {@code i4}, {@code u4}, {@code ?}). Bulk data sit in one primitive array; the arrays
 * are handed out without copying for speed, so callers must not modify them.
 * "No measurement" is {@code NaN} in the floating-point kinds; integer and boolean kinds are always
 * measured.
 */
public sealed interface Column permits Column.F64, Column.F32, Column.I32, Column.U32, Column.Bool {

    /** Column name as the log defines it, without the aperture suffix (e.g. {@code counts}, {@code MJD}). */
    String name();

    int size();

    /** Value as a double; unsigned columns as their unsigned value, booleans as 0 or 1. */
    double value(int row);

    /** numpy-style type code of the storage: f8, f4, i4, u4 or ?. */
    String dtype();

    /** True where the value is "no measurement" (NaN). */
    default boolean isMissing(int row) {
        return Double.isNaN(value(row));
    }

    /** Number of rows with no measurement. */
    default int missingCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }

    /** A fresh double copy (for algorithms that want doubles). */
    default double[] toDoubleArray() {
        double[] d = new double[size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = value(i);
        }
        return d;
    }

    /** Bytes of primitive storage. */
    long storageBytes();

    /** 64-bit floats (MJD). */
    record F64(String name, double[] data) implements Column {
        @Override public int size() { return data.length; }
        @Override public double value(int row) { return data[row]; }
        @Override public String dtype() { return "f8"; }
        @Override public boolean isMissing(int row) { return Double.isNaN(data[row]); }
        @Override public long storageBytes() { return 8L * data.length; }
    }

    /**
     * 32-bit floats: the pipeline declares every per-aperture measurement {@code f4} and formats
     * them with at most 7 significant digits ({@code .1f} counts up to 10^6, {@code .4f} positions
     * below 10^4), so a float holds each printed value to its last digit.
     */
    record F32(String name, float[] data) implements Column {
        @Override public int size() { return data.length; }
        @Override public double value(int row) { return data[row]; }
        @Override public String dtype() { return "f4"; }
        @Override public boolean isMissing(int row) { return Float.isNaN(data[row]); }
        @Override public long storageBytes() { return 4L * data.length; }
    }

    /** Signed 32-bit integers (nframe, nsky, nrej, cmax). */
    record I32(String name, int[] data) implements Column {
        @Override public int size() { return data.length; }
        @Override public double value(int row) { return data[row]; }
        @Override public String dtype() { return "i4"; }
        @Override public boolean isMissing(int row) { return false; }
        @Override public long storageBytes() { return 4L * data.length; }
    }

    /** Unsigned 32-bit integers held in an int (the flag bitmask). */
    record U32(String name, int[] data) implements Column {
        @Override public int size() { return data.length; }
        @Override public double value(int row) { return Integer.toUnsignedLong(data[row]); }
        @Override public String dtype() { return "u4"; }
        @Override public boolean isMissing(int row) { return false; }
        @Override public long storageBytes() { return 4L * data.length; }
    }

    /** Booleans (MJDok). */
    record Bool(String name, boolean[] data) implements Column {
        @Override public int size() { return data.length; }
        @Override public double value(int row) { return data[row] ? 1 : 0; }
        @Override public String dtype() { return "?"; }
        @Override public boolean isMissing(int row) { return false; }
        @Override public long storageBytes() { return data.length; }
    }
}
