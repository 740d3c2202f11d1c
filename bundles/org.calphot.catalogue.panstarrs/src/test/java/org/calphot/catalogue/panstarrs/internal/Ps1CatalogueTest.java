// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.panstarrs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.calphot.catalogue.vo.VoSettings;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.testing.RecordedHttpServer;
import org.calphot.testing.VoTables;
import org.junit.jupiter.api.Test;

/**
 * Pan-STARRS1 DR2 through MAST's catalogue service, replayed on 127.0.0.1 with a hand-built reply in the
 * MeanObjectView column layout; the SDSS magnitudes checked against Tonry et al. (2012) worked by hand.
 */
class Ps1CatalogueTest {

    static List<String> fields() {
        List<String> f = new ArrayList<>(List.of("objID:long", "raMean:double", "decMean:double",
                "nDetections:short", "qualityFlag:unsignedByte"));
        for (String b : List.of("g", "r", "i", "z", "y")) {
            f.addAll(List.of(b + "MeanPSFMag:float", b + "MeanPSFMagErr:float"));
        }
        return f;
    }

    /**
     * PS1 g 15.000 r 14.500 i 14.300 z 14.200 (x = g - r = 0.5), errors 0.010 each. By hand, table 6 of Tonry et al.:
     * g = 15 + 0.013 + 0.145 x 0.5 + 0.019 x 0.25 = 15.09025; r = 14.5 - 0.001 + 0.002 + 0.00175 = 14.50275;
     * i = 14.3 - 0.005 + 0.0055 + 0.0025 = 14.303; z = 14.2 + 0.013 - 0.0195 - 0.003 = 14.1905.
     * Error of g: d = 0.145 + 2 x 0.019 x 0.5 = 0.164, sigma^2 = (1.164^2 + 0.164^2) 1e-4 + 0.008^2
     * = 1.381792e-4 + 0.64e-4 = 2.021792e-4, sigma = 0.0142190; of i: d = 0.011 + 0.010 = 0.021,
     * sigma^2 = 1e-4 + 0.021^2 x 2e-4 + 0.004^2 = 1e-4 + 8.82e-8 + 1.6e-5 = 1.160882e-4, sigma = 0.0107744.
     */
    @Test
    void transformsToSdssWithTonry2012() throws Exception {
        String body = VoTables.table(fields(), List.<Object[]>of(
                new Object[] {108123450000000001L, 200.0, 10.0, 40, 4 | 16, 15.0, 0.01, 14.5, 0.01, 14.3, 0.01, 14.2,
                    0.01, 14.1, 0.02},
                new Object[] {108123450000000002L, 200.0, 10.0 + 1.0 / 3600, 3, 1, 20.5, 0.1, -999.0, -999.0, 19.9, 0.08,
                    19.8, 0.1, -999.0, -999.0}));
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.votable(body))) {
            Ps1Catalogue c = new Ps1Catalogue(VoSettings.of(s.baseUrl() + "/api/v0.1").withTimeouts(Duration.ofSeconds(10),
                    Duration.ofSeconds(10), Duration.ofSeconds(20)).withRetries(0, Duration.ofMillis(1)));
            CatalogueResult r = c.query(new ConeQuery(200.0, 10.0, 3.0), QueryOptions.DEFAULTS);
            CatalogueStar a = r.nearest();
            assertEquals("108123450000000001", a.id());
            assertTrue(Double.isNaN(a.mag(r.band("u"))), "PS1 has no u");
            // float columns: inputs carry ~1e-6 representation error
            assertEquals(15.09025, a.mag(r.band("g")), 2e-6);
            assertEquals(14.50275, a.mag(r.band("r")), 2e-6);
            assertEquals(14.303, a.mag(r.band("i")), 2e-6);
            assertEquals(14.1905, a.mag(r.band("z")), 2e-6);
            assertEquals(0.0142190, a.magErr(r.band("g")), 2e-7);
            assertEquals(0.0107744, a.magErr(r.band("i")), 2e-7);
            assertEquals(15.0, a.mag(r.band("g_ps1")), 1e-6);
            assertEquals(14.1, a.mag(r.band("y_ps1")), 1e-6);
            assertEquals(List.of(), a.flags());
            assertEquals("ps1-to-sdss-tonry2012", a.extra().get("transform"));
            // -999 is "not measured": NaN, and every SDSS band that needs it NaN too; not QF_OBJ_GOOD, extended
            CatalogueStar b = r.stars().get(1);
            assertTrue(Double.isNaN(b.mag(r.band("r_ps1"))) && Double.isNaN(b.mag(r.band("g"))));
            assertEquals(19.9, b.mag(r.band("i_ps1")), 1e-5);
            assertEquals(List.of("NOT_CLEAN", "EXTENDED"), b.flags());
            // the request: MAST catalogue service, mean table, cone in degrees, the documented columns
            String q = s.requests().get(0);
            assertEquals("/api/v0.1/panstarrs/dr2/mean.votable", RecordedHttpServer.path(q));
            assertEquals("200", RecordedHttpServer.params(q).get("ra"));
            assertEquals("10", RecordedHttpServer.params(q).get("dec"));
            assertEquals("0.000833333", RecordedHttpServer.params(q).get("radius"));
            assertTrue(RecordedHttpServer.params(q).get("columns").startsWith("[objID,raMean,decMean,nDetections,qualityFlag,"
                    + "gMeanPSFMag,gMeanPSFMagErr,"), RecordedHttpServer.params(q).toString());
        }
    }

    /** A row without a qualityFlag is not known to be QF_OBJ_GOOD: NOT_CLEAN, never taken as clean. */
    @Test
    void missingQualityFlagIsNotClean() throws Exception {
        String body = VoTables.table(fields(), List.<Object[]>of(new Object[] {108123450000000003L, 200.0, 10.0, 12,
            null, 15.0, 0.01, 14.5, 0.01, 14.3, 0.01, 14.2, 0.01, 14.1, 0.02}));
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.votable(body))) {
            Ps1Catalogue c = new Ps1Catalogue(VoSettings.of(s.baseUrl()).withTimeouts(Duration.ofSeconds(10),
                    Duration.ofSeconds(10), Duration.ofSeconds(20)).withRetries(0, Duration.ofMillis(1)));
            CatalogueStar a = c.query(new ConeQuery(200.0, 10.0, 3.0), QueryOptions.DEFAULTS).nearest();
            assertEquals(List.of("NOT_CLEAN"), a.flags());
            assertEquals("", a.extra().get("qualityFlag"));
        }
    }
}
