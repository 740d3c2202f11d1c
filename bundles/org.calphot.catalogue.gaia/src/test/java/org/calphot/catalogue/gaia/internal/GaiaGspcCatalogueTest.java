// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.gaia.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.calphot.catalogue.vo.VoSettings;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.testing.RecordedHttpServer;
import org.calphot.testing.VoTables;
import org.junit.jupiter.api.Test;

/**
 * The Gaia GSPC catalogue against hand-built replies in the archive's documented column layout, replayed on
 * 127.0.0.1: the ADQL it sends, magnitudes and errors from fluxes, the GSPC flags, the cone, no match.
 */
class GaiaGspcCatalogueTest {

    static final List<String> FIELDS = fields();

    static List<String> fields() {
        List<String> f = new ArrayList<>(List.of("source_id:long", "ra:double", "dec:double", "phot_g_mean_mag:float"));
        for (String b : List.of("u", "g", "r", "i", "z")) {
            f.addAll(List.of(b + "_sdss_mag:float", b + "_sdss_flux:double", b + "_sdss_flux_error:double",
                    b + "_sdss_flag:unsignedByte"));
        }
        return f;
    }

    /** A row: magnitudes m, flux errors as fractions frac of the flux, flags. Flux = 10^(-0.4 (m + 56.1)) W/m2/Hz. */
    static Object[] row(long id, double ra, double dec, double g, double[] m, double[] frac, int[] flag) {
        List<Object> r = new ArrayList<>(List.of(id, ra, dec, g));
        for (int k = 0; k < 5; k++) {
            double flux = Math.pow(10, -0.4 * (m[k] + 56.1));
            r.addAll(List.of(m[k], flux, flux * frac[k], flag[k]));
        }
        return r.toArray();
    }

    static GaiaGspcCatalogue catalogue(String url) {
        return new GaiaGspcCatalogue(VoSettings.of(url).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(20)).withRetries(0, Duration.ofMillis(1)));
    }

    @Test
    void readsTheGspcRowsInTheCone() throws Exception {
        double dec0 = -37.0;
        String body = VoTables.table(FIELDS, List.of(
                // 2.000" north of the position
                row(5000000000000000002L, 150.0, dec0 + 2.0 / 3600, 16.2, new double[] {18.1, 16.9, 16.4, 16.2, 16.1},
                        new double[] {0.05, 0.004, 0.003, 0.003, 0.006}, new int[] {1, 1, 1, 1, 1}),
                // at the position; its u fails the GSPC selection (flag 0)
                row(5000000000000000001L, 150.0, dec0, 15.0, new double[] {17.2, 15.6, 15.1, 14.9, 14.8},
                        new double[] {0.01, 0.005, 0.004, 0.004, 0.008}, new int[] {0, 1, 1, 1, 1}),
                // 4" away: outside a 3" cone (a server answering a box would send it)
                row(5000000000000000003L, 150.0, dec0 - 4.0 / 3600, 14.0, new double[] {16, 15, 14, 13, 12},
                        new double[] {0.01, 0.01, 0.01, 0.01, 0.01}, new int[] {1, 1, 1, 1, 1})));
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.votable(body))) {
            GaiaGspcCatalogue c = catalogue(s.baseUrl() + "/tap-server/tap");
            CatalogueResult r = c.query(new ConeQuery(150.0, dec0, 3.0), QueryOptions.DEFAULTS);
            assertEquals(2, r.stars().size());
            CatalogueStar a = r.nearest();
            assertEquals("5000000000000000001", a.id());
            assertEquals(0.0, a.separationArcsec(), 1e-9);
            assertEquals(List.of("u", "g", "r", "i", "z", "G"), r.bands());
            assertEquals(17.2, a.mag(0), 1e-6); // float column
            assertEquals(15.6, a.mag(1), 1e-6);
            assertEquals(15.0, a.mag(5), 1e-6);
            // sigma_m = 2.5 / ln 10 x sigma_F / F = 1.0857362 x 0.01 and x 0.005
            assertEquals(0.010857362, a.magErr(0), 1e-9);
            assertEquals(0.005428681, a.magErr(1), 1e-9);
            assertEquals(List.of("UNRELIABLE_u"), a.flags());
            assertTrue(!a.usable(0, "u") && a.usable(1, "g"));
            assertEquals("0", a.extra().get("u_sdss_flag"));
            assertTrue(a.extra().get("transform").startsWith("none"), a.extra().toString());
            assertEquals(2.0, r.stars().get(1).separationArcsec(), 1e-6);
            assertTrue(r.system().contains("GSPC"), r.system());

            // the request: TAP sync on the documented tables and columns, the cone in degrees
            String adql = RecordedHttpServer.params(s.requests().get(0)).get("QUERY");
            assertEquals("/tap-server/tap/sync", RecordedHttpServer.path(s.requests().get(0)));
            assertTrue(adql.contains("FROM gaiadr3.gaia_source AS g JOIN gaiadr3.synthetic_photometry_gspc AS s"
                    + " ON s.source_id = g.source_id"), adql);
            assertTrue(adql.contains("s.u_sdss_mag, s.u_sdss_flux, s.u_sdss_flux_error, s.u_sdss_flag"), adql);
            assertTrue(adql.contains("1 = CONTAINS(POINT('ICRS', g.ra, g.dec), CIRCLE('ICRS', 150, -37, 0.000833333))"),
                    adql);
            assertTrue(c.queryText(new ConeQuery(150.0, dec0, 3.0), QueryOptions.DEFAULTS).startsWith("GET " + s.baseUrl()
                    + "/tap-server/tap/sync?REQUEST=doQuery&LANG=ADQL&FORMAT=votable&QUERY=SELECT"));
        }
    }

    /**
     * The flag sense from the Gaia DR3 data model (section 20.14.9, synthetic_photometry_gspc): {@code <band>_sdss_flag}
     * says whether G and BP-RP lie in the range where the standardisation was validated, so 1 is the only good value.
     * A band with 0, or with a null flag, must not be usable; a band whose magnitude is null (S/N below 30, not
     * published) is simply not measured and needs no flag.
     */
    @Test
    void onlyFlagOneIsAStandardisedMagnitude() throws Exception {
        Object[] r = row(7L, 150.0, -37.0, 15.0, new double[] {17.2, 15.6, 15.1, 14.9, 14.8},
                new double[] {0.01, 0.01, 0.01, 0.01, 0.01}, new int[] {1, 0, 1, 1, 1});
        r[4 + 4 * 2 + 3] = null; // r_sdss_flag null
        r[4 + 4 * 4] = null; // z_sdss_mag null (not published)
        r[4 + 4 * 4 + 1] = null;
        r[4 + 4 * 4 + 2] = null;
        r[4 + 4 * 4 + 3] = null;
        String body = VoTables.table(FIELDS, List.<Object[]>of(r));
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.votable(body))) {
            CatalogueResult res = catalogue(s.baseUrl()).query(new ConeQuery(150.0, -37.0, 3.0), QueryOptions.DEFAULTS);
            CatalogueStar a = res.nearest();
            assertEquals(List.of("UNRELIABLE_g", "UNRELIABLE_r"), a.flags());
            assertTrue(a.usable(res.band("u"), "u") && a.usable(res.band("i"), "i"));
            assertTrue(!a.usable(res.band("g"), "g") && !a.usable(res.band("r"), "r"));
            assertTrue(Double.isNaN(a.mag(res.band("z"))) && !a.usable(res.band("z"), "z"));
            assertEquals("1", a.extra().get("u_sdss_flag"));
            assertEquals("0", a.extra().get("g_sdss_flag"));
            assertEquals("", a.extra().get("r_sdss_flag"));
        }
    }

    @Test
    void emptyAnswerIsNoStarAndAMissingColumnIsMalformed() throws Exception {
        try (RecordedHttpServer s = RecordedHttpServer.start()
                .serve(RecordedHttpServer.votable(VoTables.table(FIELDS, List.of())))) {
            CatalogueException e = assertThrows(CatalogueException.class,
                    () -> catalogue(s.baseUrl()).query(new ConeQuery(10, 10, 3), QueryOptions.DEFAULTS));
            assertEquals(Kind.NO_STAR_FOUND, e.kind());
            assertTrue(e.getMessage().startsWith("gaia: no star within 3.0 arcsec of ra=10.0000000 dec=+10.0000000"),
                    e.getMessage());
        }
        String noFlux = VoTables.table(List.of("source_id:long", "ra:double", "dec:double", "u_sdss_mag:float"),
                List.<Object[]>of(new Object[] {1L, 10.0, 10.0, 17.0f}));
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.votable(noFlux))) {
            CatalogueException e = assertThrows(CatalogueException.class,
                    () -> catalogue(s.baseUrl()).query(new ConeQuery(10, 10, 3), QueryOptions.DEFAULTS));
            assertEquals(Kind.MALFORMED_REPLY, e.kind());
            assertTrue(e.getMessage().contains("no column 'u_sdss_flux'"), e.getMessage());
        }
    }
}
