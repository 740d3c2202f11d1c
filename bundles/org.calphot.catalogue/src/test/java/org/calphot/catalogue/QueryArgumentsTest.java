// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.catalogue.ConeQuery;
import org.junit.jupiter.api.Test;

/** {@code catalogue query} arguments are checked before any cache or network use (issue 18, item 10). */
class QueryArgumentsTest {

    static CatalogueCommands.QueryRequest at(String at, double radius, Map<String, String> params) {
        return new CatalogueCommands.QueryRequest("sdss", at, null, radius, true, null, false, 0, false, null, null,
                null, params);
    }

    @Test
    void radiusMustBeSane() throws Exception {
        for (double r : new double[] {0, -1, 601, Double.NaN, Double.POSITIVE_INFINITY, 1e308}) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> CatalogueCommands.checked(at("10:00:00 +20:00:00", r, Map.of())), "radius " + r);
            assertEquals("--radius", e.location().key());
        }
        CatalogueCommands.checked(at("10:00:00 +20:00:00", 600, Map.of()));
    }

    @Test
    void unknownParametersAreRefused() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> CatalogueCommands.checked(at("10:00:00 +20:00:00", 3, Map.of("sytem", "x"))));
        assertTrue(e.getMessage().contains("unknown parameter 'sytem'") && e.getMessage().contains("system"),
                e.getMessage());
    }

    @Test
    void positionsWithUnitsAreRead() throws Exception {
        // 10h00m00s = 150 deg, +20d00m00s = +20 deg; 01h30m36s = 22.65 deg, -05°15'18" = -5.255 deg
        CatalogueCommands.QueryRequest r = CatalogueCommands.checked(at("10h00m00s +20d00m00s", 3, Map.of()));
        ConeQuery q = ConeQuery.parse(r.at(), 3, Location.NONE);
        assertEquals(150.0, q.raDeg(), 1e-9);
        assertEquals(20.0, q.decDeg(), 1e-9);
        r = CatalogueCommands.checked(at("01h30m36s -05°15'18\"", 3, Map.of()));
        q = ConeQuery.parse(r.at(), 3, Location.NONE);
        assertEquals(22.65, q.raDeg(), 1e-9);
        assertEquals(-5.255, q.decDeg(), 1e-9);
    }

    @Test
    void underflowingNumbersAreRefused() throws Exception {
        BadInputException e = assertThrows(BadInputException.class,
                () -> CatalogueCommands.checked(at("1e-400 20", 3, Map.of())));
        assertTrue(e.getMessage().contains("1e-400"), e.getMessage());
        // a written zero is fine
        CatalogueCommands.checked(at("0e0 20", 3, Map.of()));
    }
}
