// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.time.Site;
import org.calphot.core.time.SiteRegistry;
import org.junit.jupiter.api.Test;

/** Site names users write, the "lat, lon" form, user sites; values checked against the cited sources. */
class SiteRegistryTest {

    private final SiteRegistry reg = new DefaultSiteRegistry();

    private Site get(String s) throws BadInputException {
        return reg.lookup(s, Location.NONE, null);
    }

    @Test
    void astropyNamesAndAliases() throws Exception {
        Site lp = get("lapalma");
        assertEquals(28.758333333333333, lp.latDeg(), 0);
        assertEquals(-17.88, lp.lonEastDeg(), 1e-12); // astropy-data 342.12 E
        assertEquals(2327, lp.heightM());
        assertSame(lp, get("Roque de los Muchachos"));
        assertSame(lp, get("roque de los muchachos"));
        assertSame(lp, get("GTC"));
        Site ls = get("lasilla");
        assertEquals(-29.256666666666668, ls.latDeg(), 0);
        assertEquals(-70.73, ls.lonEastDeg(), 1e-12);
        assertSame(ls, get("La Silla Observatory"));
        Site pa = get("Cerro Paranal");
        assertEquals(-24.62743941, pa.latDeg(), 0);
        assertEquals(2669, pa.heightM());
        assertSame(pa, get("VLT"));
        Site tno = get("TNT");
        assertEquals(18 + 35 / 60.0 + 26 / 3600.0, tno.latDeg(), 1e-12); // hipercam hlogger.py
        assertEquals(98 + 29 / 60.0 + 12 / 3600.0, tno.lonEastDeg(), 1e-12);
        assertEquals(tno.latDeg(), 18.59055556, 1e-8); // astropy-data TNO agrees
        assertSame(tno, get("Thai National Observatory"));
        Site ntt = get("ntt");
        assertEquals(-(29 + 15 / 60.0 + 30 / 3600.0), ntt.latDeg(), 1e-12); // PAL ESONTT
        Site wht = get("WHT");
        assertEquals(-(17 + 52 / 60.0 + 53.9 / 3600.0), wht.lonEastDeg(), 1e-12); // PAL LPO4.2
        for (Site s : reg.sites()) {
            assertFalse(s.source().isBlank(), s.name());
            assertFalse(reg.namesOf(s).isEmpty(), s.name());
        }
    }

    @Test
    void latLonStringsAsCalPhotAccepted() throws Exception {
        List<String> warnings = new ArrayList<>();
        Site s = reg.lookup("18:35:26, 98:29:12", Location.NONE, (l, m) -> warnings.add(m));
        assertEquals(18 + 35 / 60.0 + 26 / 3600.0, s.latDeg(), 1e-12);
        assertEquals(98 + 29 / 60.0 + 12 / 3600.0, s.lonEastDeg(), 1e-12);
        assertEquals(0.0, s.heightM());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("height"), warnings.get(0));
        Site neg = reg.lookup("-00:30:00,-70:43:07", Location.NONE, null);
        assertEquals(-0.5, neg.latDeg(), 1e-12); // -00 keeps its sign
        assertEquals(-(70 + 43 / 60.0 + 7 / 3600.0), neg.lonEastDeg(), 1e-12);
        Site dec = reg.lookup("28.7606, 342.1186, 2344", Location.NONE, (l, m) -> warnings.add(m));
        assertEquals(342.1186 - 360, dec.lonEastDeg(), 1e-9);
        assertEquals(2344, dec.heightM());
        assertEquals(1, warnings.size(), "a height was given: no warning");
    }

    @Test
    void badSitesAreOneLineErrors() {
        BadInputException e = assertThrows(BadInputException.class, () -> get("Mauna Kea"));
        assertTrue(e.getMessage().startsWith("unknown site 'Mauna Kea'; known: lapalma"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertThrows(BadInputException.class, () -> get("98:29:12, 18:35:26x"));
        assertThrows(BadInputException.class, () -> get("98:29:12, 18:35:26")); // latitude 98 > 90
        assertThrows(BadInputException.class, () -> get("18:61:00, 98:29:12"));
        assertThrows(BadInputException.class, () -> get("18, 98, 99999"));
        assertThrows(BadInputException.class, () -> get(""));
        assertThrows(BadInputException.class, () -> get("1,2,3,4"));
    }

    @Test
    void userSitesTakePrecedence() throws Exception {
        Site mine = new Site("lasilla", -29.2584, -70.7337, 2375, "my config");
        SiteRegistry r = reg.withSites(List.of(mine, new Site("Home Obs", 52.1, -1.2, 80, "my config")));
        assertSame(mine, r.lookup("LaSilla", Location.NONE, null));
        assertEquals(80, r.lookup("home obs", Location.NONE, null).heightM());
        assertEquals(-29.256666666666668, reg.lookup("lasilla", Location.NONE, null).latDeg(), 0);
    }
}
