// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.time.Site;
import org.calphot.core.time.SkyPosition;
import org.calphot.testing.ReferenceData;

/** The astropy reference vectors, committed in {@code org.calphot.testing/data/time/}. */
final class ReferenceRows {

    record Row(String id, String kase, Site site, SkyPosition target, double mjdUtc, double ttMinusUtcS,
            double tdbMinusTtMs, double lttBaryS, double bmjdTdb, double lttHelioS, double altDeg, double secz,
            String eop) {
    }

    static Path timeDir() {
        return ReferenceData.committed("time");
    }

    /** All rows: the 600-row sample and the 6 named test vectors. */
    static List<Row> all() throws IOException, BadInputException {
        List<Row> rows = new ArrayList<>();
        Path sample = timeDir().resolve("bmjd_tdb_astropy_sample.csv");
        String[] header = null;
        for (String line : Files.readAllLines(sample)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            if (header == null) {
                header = f;
                continue;
            }
            Site site = new Site(f[1], d(f[3]), d(f[2]), d(f[4]), "reference row");
            rows.add(new Row("sample#" + f[0], f[16], site, new SkyPosition(d(f[5]), d(f[6])), d(f[7]), d(f[8]),
                    d(f[9]), d(f[10]), d(f[11]), d(f[12]), d(f[13]), d(f[14]), f[15]));
        }
        Path vectors = timeDir().resolve("bmjd_tdb_astropy_testvectors.csv");
        header = null;
        int n = 0;
        for (String line : Files.readAllLines(vectors)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            if (header == null) {
                header = f;
                continue;
            }
            n++;
            Site site = new Site(f[0], d(f[2]), d(f[1]), d(f[3]), "reference row");
            // the vectors give RA/Dec as pasted sexagesimal strings: parsed by the production parser
            SkyPosition target = SkyPosition.parse(f[5] + " " + f[6], Location.of(vectors.toString(), n));
            // these vectors print BMJD to 1e-10 d (8.6 us), too coarse for a 3-us check: rebuild it from
            // the printed components (ltt to 1e-6 s, TDB-TT to 1e-8 s), as the README's identity says
            double mjd = d(f[7]);
            double bmjd = mjd + (d(f[8]) + d(f[9]) / 1000.0 + d(f[10])) / 86400.0;
            assert Math.abs(bmjd - d(f[11])) < 0.6e-10;
            rows.add(new Row("vector#" + n + "(" + f[4] + ")", "vector", site, target, mjd, d(f[8]), d(f[9]),
                    d(f[10]), bmjd, d(f[12]), d(f[13]), d(f[14]), "iers_b"));
        }
        return rows;
    }

    private static double d(String s) {
        return Double.parseDouble(s.strip());
    }
}
