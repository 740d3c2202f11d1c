// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.skymapper.internal;

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

/** SkyMapper DR4 over TAP, replayed on 127.0.0.1 with a hand-built reply in the dr4.master column layout. */
class SkymapperCatalogueTest {

    @Test
    void readsDr4MasterRowsInTheSkymapperSystem() throws Exception {
        List<String> f = new ArrayList<>(List.of("object_id:long", "raj2000:double", "dej2000:double", "flags:short",
                "class_star:float"));
        for (String b : List.of("u", "v", "g", "r", "i", "z")) {
            f.addAll(List.of(b + "_psf:float", "e_" + b + "_psf:float"));
        }
        String body = VoTables.table(f, List.<Object[]>of(
                new Object[] {11111L, 150.0, -37.0, 0, 0.98, 16.9, 0.02, 16.5, 0.02, 15.5, 0.01, 15.2, 0.01, 15.1, 0.01,
                    15.0, 0.02},
                new Object[] {22222L, 150.0, -37.0 + 1.5 / 3600, 4, 0.5, null, null, null, null, 18.5, 0.03, 18.0, 0.03,
                    17.8, 0.03, 17.7, 0.05}));
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.votable(body))) {
            SkymapperCatalogue c = new SkymapperCatalogue(VoSettings.of(s.baseUrl() + "/public/tap").withTimeouts(
                    Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20))
                    .withRetries(0, Duration.ofMillis(1)));
            CatalogueResult r = c.query(new ConeQuery(150.0, -37.0, 3.0), QueryOptions.DEFAULTS);
            assertEquals(List.of("u_sm", "v_sm", "g_sm", "r_sm", "i_sm", "z_sm"), r.bands());
            assertEquals(-1, r.band("g"), "no SDSS band: SkyMapper's own system");
            assertEquals(List.of(), c.sdssBands());
            // what `calphot catalogue list` prints: the reason auto passes it over
            assertTrue(c.description().contains("no published SkyMapper-to-SDSS transformation found"),
                    c.description());
            CatalogueStar a = r.nearest();
            assertEquals("11111", a.id());
            assertEquals(15.5, a.mag(r.band("g_sm")), 1e-6);
            assertEquals(0.01, a.magErr(r.band("g_sm")), 1e-7);
            assertEquals(List.of(), a.flags());
            CatalogueStar b = r.stars().get(1);
            assertTrue(Double.isNaN(b.mag(0)), "a null cell is not measured");
            assertEquals(List.of("NOT_CLEAN"), b.flags());
            assertEquals(1.5, b.separationArcsec(), 1e-6);
            String adql = RecordedHttpServer.params(s.requests().get(0)).get("QUERY");
            assertEquals("/public/tap/sync", RecordedHttpServer.path(s.requests().get(0)));
            assertTrue(adql.startsWith("SELECT object_id, raj2000, dej2000, flags, class_star, u_psf, e_u_psf, v_psf"),
                    adql);
            assertTrue(adql.endsWith("FROM dr4.master WHERE 1 = CONTAINS(POINT('ICRS', raj2000, dej2000), "
                    + "CIRCLE('ICRS', 150, -37, 0.000833333))"), adql);
            assertTrue(c.footprint().contains(0, -37) && !c.footprint().contains(0, 20));
        }
    }
}
