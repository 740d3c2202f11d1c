// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.vo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

import org.calphot.catalogue.vo.Adql;
import org.calphot.catalogue.vo.VoClient;
import org.calphot.catalogue.vo.VoTable;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.testing.VoTables;
import org.junit.jupiter.api.Test;

/** The shared pieces the survey catalogues build on: the ADQL cone and the null-aware row readers. */
class VoHelpersTest {

    /** Written out by hand from ADQL 2.0 section 2.4: 5" = 5/3600 deg = 0.001388889 (9 decimals). */
    @Test
    void coneSelectIsTheAdqlContainsQuery() {
        String q = Adql.coneSelect(List.of("a", "b"), "cat.tab AS t", "t.ra", "t.dec", new ConeQuery(169.31663, -37.5,
                5.0));
        assertEquals("SELECT a, b FROM cat.tab AS t WHERE 1 = CONTAINS(POINT('ICRS', t.ra, t.dec), CIRCLE('ICRS', "
                + "169.31663, -37.5, 0.001388889))", q);
        assertEquals(Adql.number(1e-8), VoClient.adqlNumber(1e-8));
    }

    /**
     * A flag column read as a whole number: unsignedByte and short cells, a null cell empty (a missing flag is never
     * "0 = no problem"), NaN for null magnitudes, and the band-named columns in the order asked.
     */
    @Test
    void rowReadersKeepNullsApart() throws Exception {
        String doc = VoTables.table(List.of("f:unsignedByte", "q:short", "g_psf:float", "r_psf:float", "s:char"),
                List.<Object[]>of(new Object[] {1, 20, 15.5, null, "x"}, new Object[] {null, null, null, 14.25, ""}));
        VoTable t = VoClient.parse(doc.getBytes(StandardCharsets.UTF_8));
        assertEquals(OptionalLong.of(1), t.integer(0, "f"));
        assertEquals(OptionalLong.of(20), t.integer(0, "Q"));
        assertEquals(OptionalLong.empty(), t.integer(1, "f"));
        assertEquals(OptionalLong.empty(), t.integer(0, "s"));
        assertArrayEquals(new double[] {15.5, Double.NaN}, t.numbers(0, "%s_psf", List.of("g", "r")), 0);
        assertArrayEquals(new double[] {14.25, Double.NaN}, t.numbers(1, "%s_psf", List.of("r", "g")), 0);
        assertTrue(Double.isNaN(t.number(1, "q")));
    }
}
