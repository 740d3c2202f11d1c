// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

import java.util.Map;

/**
 * Every column a log holds for one aperture of one CCD, keyed by item name without the
 * {@code _<aperture>} suffix ({@code x xe y ye fwhm fwhme beta betae counts countse sky skye nsky
 * nrej cmax flag}; old ULTRACAM logs add {@code xm ym worst error_code}). Insertion order is the
 * log's order. Bad-value conventions are already normalised: no measurement is NaN.
 */
public record ApertureTable(String label, Map<String, Column> columns) {

    public ApertureTable {
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    /** The column or null when this log version has none (e.g. cmax before hipercam 0.19.7). */
    public Column column(String item) {
        return columns.get(item);
    }

    public boolean has(String item) {
        return columns.containsKey(item);
    }

    public Column counts() { return columns.get(LogColumns.COUNTS); }

    public Column countsError() { return columns.get(LogColumns.COUNTS_ERR); }

    /** The flag bitmask (hipercam bit values, see {@link LogFlags}). */
    public Column flags() { return columns.get(LogColumns.FLAG); }

    /** Points with no measurement: counts or their error NaN. */
    public int badCount() {
        Column c = counts();
        Column e = countsError();
        if (c == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i) || (e != null && e.isMissing(i))) {
                n++;
            }
        }
        return n;
    }
}
