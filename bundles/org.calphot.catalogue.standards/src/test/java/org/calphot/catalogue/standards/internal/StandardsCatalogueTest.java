// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.standards.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.calphot.catalogue.standards.StandardSystem;
import org.calphot.core.BadInputException;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * Standard-star values against rows read by hand from the tables. Magnitudes derived from r' and
 * colours are sums of 3-decimal numbers, so 1e-9 only absorbs binary rounding.
 */
class StandardsCatalogueTest {

    // the Smith et al. (2002) copy from the cal_phot repository may not be committed: tests that read it skip without it
    private static final String SMITH = "standards/smith2002_ugriz_prime_tab08.dat.txt";
    private static final double EPS = 1e-9;

    private final StandardsCatalogue cat = new StandardsCatalogue(k -> null);

    private static QueryOptions smith() {
        return QueryOptions.DEFAULTS.withParameter("smith2002", ReferenceData.unlicensed(SMITH).toString());
    }

    private static void assertMags(CatalogueStar s, double... expected) {
        for (int b = 0; b < expected.length; b++) {
            assertEquals(expected[b], s.mag(b), EPS, "band " + b + " of " + s.id());
        }
    }

    @Test
    void smithDefiningStarBd17_4708() throws Exception {
        CatalogueResult r = cat.queryByName("BD+17 4708", smith());
        assertEquals(List.of("u'", "g'", "r'", "i'", "z'"), r.bands());
        CatalogueStar s = r.nearest();
        assertEquals("BD+17 4708", s.id());
        // Hand-read row: r' 9.350, u'-g' 0.920, g'-r' 0.290, r'-i' 0.100, i'-z' 0.020.
        assertMags(s, 10.560, 9.640, 9.350, 9.250, 9.230);
        // rms 0.001 in r' and every colour: g' = sqrt(2) mmag, u' = sqrt(3), i' = sqrt(2), z' = sqrt(3).
        assertEquals(0.001, s.magErr(2), EPS);
        assertEquals(Math.sqrt(2) * 0.001, s.magErr(1), EPS);
        assertEquals(Math.sqrt(3) * 0.001, s.magErr(0), EPS);
        assertEquals(Math.sqrt(3) * 0.001, s.magErr(4), EPS);
        // 22:11:31.37 +18:05:34.1
        assertEquals(15 * (22 + 11 / 60.0 + 31.37 / 3600), s.raDeg(), 1e-12);
        assertEquals(18 + 5 / 60.0 + 34.1 / 3600, s.decDeg(), 1e-12);
        assertEquals("114 114 115 114 114", s.extra().get("n_obs"));
    }

    @Test
    void smithOtherRowsAndFuzzyNames() throws Exception {
        QueryOptions o = smith();
        // Feige 34: r' 11.423, u'-g' -0.509, g'-r' -0.508, r'-i' -0.347, i'-z' -0.265.
        assertMags(cat.queryByName("feige34", o).nearest(), 10.406, 10.915, 11.423, 11.770, 12.035);
        // SA 114 548 as in the shared copy (cal_phot's edited row): 11.135, 3.070, 1.096, 0.440, 0.331.
        for (String name : List.of("SA 114 548", "SA114-548", "sa 114  548", "SA_114_548")) {
            CatalogueStar s = cat.queryByName(name, o).nearest();
            assertEquals("SA 114 548", s.id(), name);
            assertMags(s, 15.301, 12.231, 11.135, 10.695, 10.364);
        }
        assertEquals("BD+71 0031", cat.queryByName("BD+71 31", o).nearest().id());
        assertEquals("G 158-100", cat.queryByName("G158 100", o).nearest().id());
        CatalogueException e = assertThrows(CatalogueException.class, () -> cat.queryByName("BD+17 4709", o));
        assertEquals(Kind.NO_STAR_FOUND, e.kind());
        assertTrue(e.getMessage().contains("BD+17 4708"), e.getMessage());
        assertEquals(158, cat.table(o).rows().size());
    }

    @Test
    void smithConeSearch() throws Exception {
        CatalogueResult r = cat.query(new ConeQuery(15 * (22 + 11 / 60.0 + 31.37 / 3600), 18.0928, 5), smith());
        assertEquals("BD+17 4708", r.nearest().id());
        // Same RA, Dec differs by (5'34.1" - 0.0928 deg) = 334.1" - 334.08" = 0.02".
        assertEquals(0.02, r.nearest().separationArcsec(), 1e-6);
    }

    @Test
    void smithTableMustBeConfigured() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> cat.queryByName("BD+17 4708", QueryOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("CALPHOT_SMITH2002"), e.getMessage());
        StandardsCatalogue viaEnv = new StandardsCatalogue(Map.of("CALPHOT_SMITH2002", ReferenceData.unlicensed(SMITH).toString())::get);
        try {
            assertEquals("BD+17 4708", viaEnv.queryByName("bd+174708", QueryOptions.DEFAULTS).nearest().id());
        } catch (Exception x) {
            throw new AssertionError(x);
        }
    }

    @Test
    void gaiaSpssTablesByInstrumentFilterSetAndDate() throws Exception {
        // GD153 rows of the hcam_obsutils tables, read by hand.
        QueryOptions hcam = QueryOptions.DEFAULTS.withSystem("HiPERCAM", null, null);
        CatalogueResult r = cat.queryByName("GD 153", hcam);
        assertEquals(List.of("us", "gs", "rs", "is", "zs"), r.bands());
        assertMags(r.nearest(), 12.723, 13.081, 13.575, 13.986, 14.326);
        assertEquals(0.022, r.nearest().magErr(3), 0);
        assertEquals(List.of(), r.nearest().flags()); // Variability = Constant
        assertEquals("3944400490365194368", r.nearest().extra().get("Gaia_DR3_ID"));

        QueryOptions before = QueryOptions.DEFAULTS.withSystem("ultracam", "super", LocalDate.of(2019, 9, 23));
        assertMags(cat.queryByName("GD153", before).nearest(), 12.692, 13.073, 13.595, 13.985, 14.357);
        QueryOptions after = QueryOptions.DEFAULTS.withSystem("ultracam", "super", LocalDate.of(2019, 9, 24));
        assertMags(cat.queryByName("GD153", after).nearest(), 12.692, 13.072, 13.594, 13.984, 14.361);
        QueryOptions afterRegular = QueryOptions.DEFAULTS.withSystem("ucam", "regular", LocalDate.of(2021, 3, 9));
        CatalogueResult reg = cat.queryByName("GD153", afterRegular);
        assertEquals(List.of("u", "g", "r", "i", "z"), reg.bands());
        assertMags(reg.nearest(), 12.681, 13.091, 13.607, 13.979, 14.359);
        QueryOptions sdss = QueryOptions.DEFAULTS.withSystem(null, "sdss", null);
        assertMags(cat.queryByName("GD153", sdss).nearest(), 12.657, 13.064, 13.574, 13.949, 14.302);

        // Fuzzy names in the SPSS tables and a Gaia DR3 id.
        assertEquals("SA104-428", cat.queryByName("SA 104 428", hcam).nearest().id());
        assertEquals("BD+661071", cat.queryByName("BD+66 1071", hcam).nearest().id());
        assertEquals("GD153", cat.queryByName("3944400490365194368", hcam).nearest().id());
        // WD0004+330 has an empty Variability field.
        assertEquals(List.of("VARIABILITY_UNKNOWN"), cat.queryByName("WD 0004+330", hcam).nearest().flags());
        assertEquals(112, cat.table(hcam).rows().size());

        CatalogueResult cone = cat.query(new ConeQuery(194.25971, 22.031256, 3), hcam);
        assertEquals("GD153", cone.nearest().id());
        assertEquals(0.0, cone.nearest().separationArcsec(), 1e-6);
    }

    @Test
    void ultracamNeedsADate() throws Exception {
        assertThrows(BadInputException.class, () -> StandardSystem.select("ultracam", "super", null));
        assertThrows(BadInputException.class, () -> StandardSystem.select("hipercam", "regular", null));
        assertThrows(BadInputException.class, () -> StandardSystem.select("fors2", null, null));
        // reduce files name instrument and telescope together
        assertEquals(StandardSystem.SPSS_UCAM_CUBE_SUPER,
                StandardSystem.select("ULTRACAM-NTT", "super", java.time.LocalDate.of(2021, 3, 9)));
        assertEquals(StandardSystem.SPSS_HCAM, StandardSystem.select("HIPERCAM-GTC", null, null));
        assertThrows(BadInputException.class,
                () -> cat.queryByName("GD153", QueryOptions.DEFAULTS.withParameter("system", "nonsense")));
    }
}
