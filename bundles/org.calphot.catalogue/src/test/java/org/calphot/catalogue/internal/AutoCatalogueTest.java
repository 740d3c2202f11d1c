// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.calphot.catalogue.AutoCatalogue;
import org.calphot.catalogue.CatalogueCompare;
import org.calphot.core.CalphotException;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.Footprint;
import org.calphot.core.catalogue.QueryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalogue: auto} with stand-in catalogues that declare the real footprints and SDSS bands. */
class AutoCatalogueTest {

    /** A catalogue answering one star at every position with fixed magnitudes, or failing as told. */
    static final class Stub implements Catalogue {
        final String name;
        final Footprint footprint;
        final List<String> bands;
        final List<String> sdss;
        final double[] mag;
        final List<String> flags;
        Kind failure;
        /** The flags apply to stars at or south of this declination only. */
        double flagDecMax = Double.POSITIVE_INFINITY;
        final AtomicInteger calls = new AtomicInteger();

        Stub(String name, Footprint fp, List<String> bands, List<String> sdss, double[] mag, List<String> flags) {
            this.name = name;
            this.footprint = fp;
            this.bands = bands;
            this.sdss = sdss;
            this.mag = mag;
            this.flags = flags;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "stub " + name;
        }

        @Override
        public List<String> bands() {
            return bands;
        }

        @Override
        public List<String> sdssBands() {
            return sdss;
        }

        @Override
        public Footprint footprint() {
            return footprint;
        }

        @Override
        public boolean remote() {
            return true;
        }

        @Override
        public String queryText(ConeQuery cone, QueryOptions options) {
            return name + " " + cone.describe();
        }

        @Override
        public CatalogueResult query(ConeQuery cone, QueryOptions options) throws CalphotException {
            calls.incrementAndGet();
            if (failure != null) {
                throw new CatalogueException(failure, name + " failed", queryText(cone, options));
            }
            double[] err = new double[mag.length];
            java.util.Arrays.fill(err, 0.01);
            CatalogueStar s = new CatalogueStar(name + "-1", cone.raDeg(), cone.decDeg(), 0.3, mag, err,
                    cone.decDeg() <= flagDecMax ? flags : List.of(),
                    Map.of("transform", name + "-transform"));
            return new CatalogueResult(name, queryText(cone, options), cone, name + " system", bands, List.of(s),
                    "2026-12-05T00:00:00Z", false);
        }
    }

    static final List<String> UGRIZ = List.of("u", "g", "r", "i", "z");

    static Stub sdss() {
        return new Stub("sdss", new Footprint(-20, 90, "SDSS"), UGRIZ, UGRIZ, new double[] {17, 16, 15.5, 15.3, 15.2},
                List.of());
    }

    static Stub ps1() {
        return new Stub("panstarrs", new Footprint(-30, 90, "3pi"), List.of("u", "g", "r", "i", "z", "y_ps1"),
                List.of("g", "r", "i", "z"), new double[] {Double.NaN, 16.01, 15.51, 15.31, 15.21, 15.1}, List.of());
    }

    static Stub skymapper() {
        return new Stub("skymapper", new Footprint(-90, 16, "south"), List.of("g_sm", "r_sm"), List.of(),
                new double[] {16.1, 15.6}, List.of());
    }

    static Stub gaia() {
        return new Stub("gaia", Footprint.WHOLE_SKY, List.of("u", "g", "r", "i", "z", "G"), UGRIZ,
                new double[] {17.02, 16.02, 15.52, 15.32, 15.22, 15.6}, List.of());
    }

    static CatalogueRegistryComponent registry(Catalogue... cats) {
        CatalogueRegistryComponent r = new CatalogueRegistryComponent();
        for (Catalogue c : cats) {
            r.addCatalogue(c, Map.of("name", c.name()));
        }
        return r;
    }

    static List<ConeQuery> field(double dec) {
        return List.of(new ConeQuery(150, dec, 3), new ConeQuery(150, dec + 0.01, 3));
    }

    @Test
    void southernUltracamFieldGetsGaia() throws Exception {
        Stub s = sdss();
        Stub p = ps1();
        Stub k = skymapper();
        Stub g = gaia();
        AutoCatalogue.Choice c = AutoCatalogue.choose(registry(s, p, k, g), "run.coords", field(-37), List.of("u", "g",
                "r"), QueryOptions.DEFAULTS, x -> x);
        assertEquals("gaia", c.catalogue().name());
        assertEquals(2, c.results().size());
        assertEquals(0, s.calls.get() + p.calls.get() + k.calls.get(), "catalogues outside the field are never asked");
        List<String> reasons = c.verdicts().stream().map(v -> v.catalogue() + ": " + v.reason()).toList();
        assertTrue(reasons.get(0).startsWith("sdss: field at Dec -37.00 is outside its footprint"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith("panstarrs: field at Dec -37.00 is outside"), reasons.get(1));
        assertEquals("skymapper: gives no SDSS u g r (it gives no SDSS band at all)", reasons.get(2));
        assertTrue(reasons.get(3).startsWith("gaia: footprint whole sky; gives SDSS u g r; all 2 star(s) matched"),
                reasons.get(3));
        assertTrue(c.describe().contains("* gaia"), c.describe());
        Map<String, Object> m = c.toMap();
        assertEquals("gaia", m.get("chosen"));
        assertEquals(AutoCatalogue.ORDER, m.get("order"));
    }

    /** {@code catalogue query --catalogue auto} without --bands asks for no band: SkyMapper is still passed over. */
    @Test
    void aCatalogueWithoutSdssBandsIsNeverChosenEvenWhenNoBandIsAskedFor() throws Exception {
        Stub k = skymapper();
        Stub g = gaia();
        AutoCatalogue.Choice c = AutoCatalogue.choose(registry(k, g), "--at", field(-37), List.of(),
                QueryOptions.DEFAULTS, x -> x);
        assertEquals("gaia", c.catalogue().name());
        assertEquals(0, k.calls.get());
        assertEquals("gives no SDSS band at all", c.verdicts().get(2).reason());
    }

    @Test
    void northernFieldsPreferSdssThenPanstarrs() throws Exception {
        Stub s = sdss();
        Stub p = ps1();
        Stub g = gaia();
        AutoCatalogue.Choice c = AutoCatalogue.choose(registry(s, p, g), "f", field(10), List.of("g", "r"),
                QueryOptions.DEFAULTS, x -> x);
        assertEquals("sdss", c.catalogue().name());
        assertEquals("not considered (sdss comes first)", c.verdicts().get(1).reason());
        // outside SDSS imaging: no star there, Pan-STARRS next (g r needs no u)
        s.failure = Kind.NO_STAR_FOUND;
        c = AutoCatalogue.choose(registry(s, p, g), "f", field(10), List.of("g", "r"), QueryOptions.DEFAULTS, x -> x);
        assertEquals("panstarrs", c.catalogue().name());
        assertTrue(c.verdicts().get(0).reason().startsWith("no match for star 1"), c.verdicts().get(0).reason());
        // with u needed Pan-STARRS cannot serve: Gaia
        c = AutoCatalogue.choose(registry(s, p, g), "f", field(10), List.of("u", "g"), QueryOptions.DEFAULTS, x -> x);
        assertEquals("gaia", c.catalogue().name());
        assertEquals("gives no SDSS u (it gives g r i z)", c.verdicts().get(1).reason());
        assertEquals("not installed", c.verdicts().get(2).reason());
    }

    @Test
    void saturatedStarsMoveOnButNeverPastAFailure() throws Exception {
        Stub s = new Stub("sdss", new Footprint(-20, 90, "SDSS"), UGRIZ, UGRIZ, new double[] {13, 12, 11.5, 11.3, 11.2},
                List.of("SATURATED_g"));
        s.flagDecMax = 5.0; // star 1 (Dec 5) saturated in g, star 2 (Dec 5.01) fine
        Stub g = gaia();
        AutoCatalogue.Choice c = AutoCatalogue.choose(registry(s, g), "f", field(5), List.of("g"),
                QueryOptions.DEFAULTS, x -> x);
        assertEquals("gaia", c.catalogue().name());
        assertTrue(c.verdicts().get(0).reason().startsWith("star 1 (sdss-1) has no usable g (flags SATURATED_g)"));
        // only SDSS installed: it is still chosen, the saturated stars are left out later (as with catalogue: sdss)
        c = AutoCatalogue.choose(registry(s), "f", field(5), List.of("g"), QueryOptions.DEFAULTS, x -> x);
        assertEquals("sdss", c.catalogue().name());
        assertTrue(c.verdicts().get(0).chosen());
        assertTrue(c.verdicts().get(0).reason().contains("chosen anyway: no catalogue answers every star, this one"
                + " gives usable magnitudes for 1 of 2"), c.verdicts().get(0).reason());
        // a service that cannot be reached stops the choice: never a silent switch to another catalogue
        Stub down = sdss();
        down.failure = Kind.TIMED_OUT;
        Stub g2 = gaia();
        CatalogueException e = assertThrows(CatalogueException.class, () -> AutoCatalogue.choose(registry(down, g2),
                "f", field(5), List.of("g"), QueryOptions.DEFAULTS, x -> x));
        assertEquals(Kind.TIMED_OUT, e.kind());
        assertEquals(0, g2.calls.get());
    }

    @Test
    void noneFitsNamesEveryReason() throws Exception {
        AutoCatalogue.Choice c = AutoCatalogue.choose(registry(sdss(), skymapper()), "run.coords", field(-60),
                List.of("u"), QueryOptions.DEFAULTS, x -> x);
        assertNull(c.catalogue());
        String msg = AutoCatalogue.noneFits(c);
        assertTrue(msg.startsWith("catalogue: auto found no catalogue for run.coords (Dec -60.00, SDSS bands u): "
                + "sdss field at Dec -60.00 is outside its footprint"), msg);
        assertTrue(msg.contains("gaia not installed"), msg);
        assertTrue(msg.contains("calphot plugins install SITE org.calphot.catalogue.gaia.feature"), msg);
    }

    @Test
    void camBandsMapToSdss() {
        assertEquals(List.of("u", "g", "r"), AutoCatalogue.sdssBandsFor(List.of("rs", "gs", "us")));
        assertEquals(List.of("g", "r"), AutoCatalogue.sdssBandsFor(List.of("KG5")));
        assertEquals(List.of("g", "i", "z"), AutoCatalogue.sdssBandsFor(List.of("z", "i'", "g", "clear")));
    }

    @TempDir
    Path cache;

    /**
     * compare: every catalogue whose footprint holds the star, differences against the first with SDSS magnitudes.
     * By hand: gaia - sdss = 17.02 - 17 = +0.020 (u), 16.02 - 16 = +0.020 (g); panstarrs - sdss g = +0.010.
     */
    @Test
    void compareListsEachCatalogueAndTheDifferences() throws Exception {
        Stub s = sdss();
        CatalogueRegistryComponent reg = registry(s, ps1(), skymapper(), gaia());
        String out = CatalogueCompare.compare(reg, List.of("150.0,10.0"), 3, List.of(), false, cache.toString(),
                false, new HashMap<>(), "/nonexistent");
        String[] lines = out.split("\\R");
        assertTrue(lines[0].startsWith("star 1: 150.0,10.0 (ra=150.0000000 dec=+10.0000000 r=3\")"), lines[0]);
        String diffGaia = find(lines, "gaia - sdss");
        assertTrue(diffGaia.matches(".*gaia - sdss\\s+\\+0\\.020\\s+\\+0\\.020\\s+\\+0\\.020\\s+\\+0\\.020\\s+\\+0\\.020.*"),
                diffGaia);
        String diffPs1 = find(lines, "panstarrs - sdss");
        assertTrue(diffPs1.matches(".*panstarrs - sdss\\s+-\\s+\\+0\\.010\\s+\\+0\\.010\\s+\\+0\\.010\\s+\\+0\\.010.*"),
                diffPs1);
        assertTrue(find(lines, "skymapper").contains("g_sm=16.100 r_sm=15.600"), out);
        // a second run is served by the cache
        int before = s.calls.get();
        String json = CatalogueCompare.compare(reg, List.of("150.0 10.0"), 3, List.of("sdss", "gaia"), true,
                cache.toString(), true, new HashMap<>(), "/nonexistent");
        assertEquals(before, s.calls.get());
        assertTrue(json.contains("\"minus_sdss\": {"), json);
    }

    private static String find(String[] lines, String start) {
        List<String> hits = new ArrayList<>();
        for (String l : lines) {
            if (l.strip().startsWith(start)) {
                hits.add(l);
            }
        }
        assertEquals(1, hits.size(), start + " in " + String.join("\n", lines));
        return hits.get(0);
    }
}
