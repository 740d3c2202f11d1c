// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTableCatalogueTest {

    private static final double SEP_C1 = 0.013416011387623585;

    @TempDir
    Path tmp;

    private final LocalTableCatalogue cat = new LocalTableCatalogue(k -> null);

    private QueryOptions table(String csv) throws Exception {
        Path f = tmp.resolve("field.csv");
        Files.writeString(f, csv);
        return QueryOptions.DEFAULTS.withParameter("table", f.toString());
    }

    @Test
    void nearestRowWithinTheConeWithErrors() throws Exception {
        QueryOptions o = table("# comparison stars for a southern field\n"
                + "id,ra,dec,g,err_g,r,r_err,i\n"
                + "c1,22:41:36.83,+00:59:05.7,12.231,0.004,11.135,0.003,\n"
                + "c2,340.4040,0.9845,17.2,0.01,16.9,0.01,16.8\n"
                + "far,10.0,-30.0,15,0.1,14,0.1,13\n");
        CatalogueResult r = cat.query(new ConeQuery(340.40346, 0.98492, 3), o);
        assertEquals(List.of("g", "r", "i"), r.bands());
        assertEquals(2, r.stars().size());
        assertEquals("c1", r.nearest().id());
        assertEquals(12.231, r.nearest().mag(0), 0);
        assertEquals(0.003, r.nearest().magErr(1), 0);
        assertTrue(Double.isNaN(r.nearest().mag(2)), "empty cell = not measured");
        assertTrue(Double.isNaN(r.others().get(0).magErr(2)), "no error column for i");
        // 22:41:36.83 +00:59:05.7 = (340.4034583, 0.9849167) deg; separation from the query position
        // by Vincenty's formula in Python; 1e-6" covers rounding only.
        assertEquals(340.40345833333333, r.nearest().raDeg(), 1e-12);
        assertEquals(SEP_C1, r.nearest().separationArcsec(), 1e-6);
        assertEquals("3", r.nearest().extra().get("line"));
        assertTrue(r.queryText().startsWith("local table=" + tmp.resolve("field.csv")));
    }

    @Test
    void badTablesGiveLocatedErrors() throws Exception {
        BadInputException e = assertThrows(BadInputException.class,
                () -> cat.query(new ConeQuery(1, 1, 3), table("ra,dec,g\n1,1,abc\n")));
        assertEquals(2, e.location().line());
        assertEquals("g", e.location().key());
        assertThrows(BadInputException.class, () -> cat.query(new ConeQuery(1, 1, 3), table("x,y,g\n1,1,15\n")));
        assertThrows(BadInputException.class, () -> cat.query(new ConeQuery(1, 1, 3), table("ra,dec,g\n400,1,15\n")));
        assertThrows(BadInputException.class, () -> cat.query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS));
        CatalogueException none = assertThrows(CatalogueException.class,
                () -> cat.query(new ConeQuery(100, 1, 3), table("ra,dec,g\n1,1,15\n")));
        assertEquals(Kind.NO_STAR_FOUND, none.kind());
    }
}
