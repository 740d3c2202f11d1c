// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.vo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The first table of a VOTable reply, as plain Java values (STIL's cell objects: Double, Float, Long,
 * Integer, Short, Byte, Boolean, String; null for a null cell), with the reply's INFO elements. Column
 * names are matched case-insensitively, as ADQL does.
 */
public final class VoTable {

    private final List<String> columns;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Object[]> rows;
    private final Map<String, String> infos;

    public VoTable(List<String> columns, List<Object[]> rows, Map<String, String> infos) {
        this.columns = List.copyOf(columns);
        for (int i = 0; i < this.columns.size(); i++) {
            index.putIfAbsent(this.columns.get(i).toLowerCase(Locale.ROOT), i);
        }
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
        this.infos = Collections.unmodifiableMap(new LinkedHashMap<>(infos));
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    /** INFO name to value of the RESOURCE (e.g. QUERY_STATUS = OK). */
    public Map<String, String> infos() {
        return infos;
    }

    public boolean has(String column) {
        return index.containsKey(column.toLowerCase(Locale.ROOT));
    }

    /** Column index, or an exception naming the missing column (the caller reports a malformed reply). */
    public int column(String name) {
        Integer i = index.get(name.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw new IllegalArgumentException("reply has no column '" + name + "' (columns: " + columns + ")");
        }
        return i;
    }

    public Object cell(int row, String column) {
        return rows.get(row)[column(column)];
    }

    /** A numeric cell as a double; null, blank or non-numeric text gives NaN. */
    public double number(int row, String column) {
        Object o = cell(row, column);
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * Numeric cells of one row, one per band, from columns named by a format with one {@code %s} for the band,
     * e.g. {@code numbers(row, "%s_psf", List.of("g", "r"))} reads g_psf and r_psf; null cells give NaN.
     */
    public double[] numbers(int row, String columnFormat, List<String> bands) {
        double[] out = new double[bands.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = number(row, String.format(Locale.ROOT, columnFormat, bands.get(k)));
        }
        return out;
    }

    /**
     * A whole-number cell (a flag or bit mask): empty for a null, blank or non-integral cell, so a missing flag
     * is never read as 0 ("no problem").
     */
    public OptionalLong integer(int row, String column) {
        Object o = cell(row, column);
        if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return OptionalLong.of(((Number) o).longValue());
        }
        double v = number(row, column);
        if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            return OptionalLong.of((long) v);
        }
        return OptionalLong.empty();
    }

    /** A cell as text ("" for null); integers are printed without a decimal point. */
    public String text(int row, String column) {
        Object o = cell(row, column);
        if (o == null) {
            return "";
        }
        if (o instanceof Double || o instanceof Float) {
            return o.toString();
        }
        return String.valueOf(o);
    }
}
