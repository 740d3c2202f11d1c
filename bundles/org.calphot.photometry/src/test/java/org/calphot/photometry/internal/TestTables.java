// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.calphot.core.log.ApertureTable;
import org.calphot.core.log.CcdTable;
import org.calphot.core.log.Column;
import org.calphot.core.log.LogColumns;
import org.calphot.testing.ReferenceData;

/** Builds small CCD tables for tests, and finds the shared reference data. */
public final class TestTables {

    private TestTables() {
    }

    /** The unlicensed reference folder; tests that need it skip without it (fail in CI). */
    public static Path shared() {
        ReferenceData.assumeUnlicensed();
        return ReferenceData.sharedFolder();
    }

    public static Path dpLeoI() {
        return ReferenceData.unlicensed("logs/hipercam_ultraspec_dpleo_2015-03-19/"
                + "2015_03_19_dpleo_run032_normal_gaussian_I.log");
    }

    public static Path asassn(String night) {
        return ReferenceData.unlicensed("logs/hipercam_ultracam_asassn16kr_2018-10/" + night + ".log");
    }

    /** Per-aperture data: counts, errors, flags (one value per frame). */
    public record Ap(String label, double[] counts, double[] err, int[] flags) {
    }

    public static CcdTable table(String ccd, double[] mjd, boolean[] ok, double[] exp, List<Ap> aps) {
        int n = mjd.length;
        Map<String, Column> frame = new LinkedHashMap<>();
        int[] nframe = new int[n];
        for (int i = 0; i < n; i++) {
            nframe[i] = i + 1;
        }
        frame.put(LogColumns.NFRAME, new Column.I32(LogColumns.NFRAME, nframe));
        frame.put(LogColumns.MJD, new Column.F64(LogColumns.MJD, mjd));
        frame.put(LogColumns.MJD_OK, new Column.Bool(LogColumns.MJD_OK, ok));
        frame.put(LogColumns.EXPTIM, new Column.F64(LogColumns.EXPTIM, exp));
        Map<String, ApertureTable> apertures = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (Ap a : aps) {
            Map<String, Column> cols = new LinkedHashMap<>();
            cols.put(LogColumns.COUNTS, new Column.F64(LogColumns.COUNTS, a.counts()));
            cols.put(LogColumns.COUNTS_ERR, new Column.F64(LogColumns.COUNTS_ERR, a.err()));
            cols.put(LogColumns.FLAG, new Column.U32(LogColumns.FLAG, a.flags() == null ? new int[n] : a.flags()));
            apertures.put(a.label(), new ApertureTable(a.label(), cols));
            labels.add(a.label());
        }
        return new CcdTable(ccd, n, frame, labels, apertures);
    }

    public static boolean[] allOk(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    public static double[] filled(int n, double v) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, v);
        return d;
    }
}
