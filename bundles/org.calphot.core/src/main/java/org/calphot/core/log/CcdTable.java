// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All lines of one CCD in a log, as columns: the frame columns ({@code nframe MJD MJDok Exptim}
 * and, when the log has them, {@code mfwhm mbeta}) and one {@link ApertureTable} per aperture.
 * {@code rows} may be 0 for a CCD defined in the header but absent from the data.
 * Aperture labels are in numeric order.
 */
public record CcdTable(String ccd, int rows, Map<String, Column> frameColumns, List<String> apertureLabels,
        Map<String, ApertureTable> apertures) {

    public CcdTable {
        frameColumns = Collections.unmodifiableMap(new LinkedHashMap<>(frameColumns));
        List<String> labels = new ArrayList<>(apertureLabels);
        labels.sort(LabelOrder.NUMERIC);
        apertureLabels = List.copyOf(labels);
        apertures = Collections.unmodifiableMap(new LinkedHashMap<>(apertures));
    }

    public Column frameColumn(String name) {
        return frameColumns.get(name);
    }

    public ApertureTable aperture(String label) {
        return apertures.get(label);
    }

    /** Frame numbers. */
    public int[] nframe() {
        return ((Column.I32) frameColumns.get(LogColumns.NFRAME)).data();
    }

    /** MJD(UTC) at mid-exposure, full MJD (any toffset added back). */
    public double[] mjdUtc() {
        return ((Column.F64) frameColumns.get(LogColumns.MJD)).data();
    }

    /** Whether the pipeline thought each time reliable. */
    public boolean[] mjdOk() {
        return ((Column.Bool) frameColumns.get(LogColumns.MJD_OK)).data();
    }

    /** Exposure times in seconds. */
    public Column exposure() {
        return frameColumns.get(LogColumns.EXPTIM);
    }

    public long storageBytes() {
        long n = 0;
        for (Column c : frameColumns.values()) {
            n += c.storageBytes();
        }
        for (ApertureTable a : apertures.values()) {
            for (Column c : a.columns().values()) {
                n += c.storageBytes();
            }
        }
        return n;
    }

    /** Number of stored values (what a float64 copy of this table would hold). */
    public long valueCount() {
        long n = frameColumns.size();
        for (ApertureTable a : apertures.values()) {
            n += a.columns().size();
        }
        return n * rows;
    }
}
