// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.calphot.catalogue.CachingCatalogue;
import org.calphot.catalogue.CatalogueCache;
import org.calphot.catalogue.CatalogueCommands;
import org.calphot.catalogue.CatalogueCommands.QueryRequest;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueCacheTest {

    @TempDir
    Path tmp;

    /** A pretend remote catalogue that counts how often it is really asked. */
    static final class FakeRemote implements Catalogue {
        final AtomicInteger calls = new AtomicInteger();
        boolean empty;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String description() {
            return "pretend survey";
        }

        @Override
        public List<String> bands() {
            return List.of("g", "r");
        }

        @Override
        public boolean remote() {
            return true;
        }

        @Override
        public String queryText(ConeQuery cone, QueryOptions o) {
            return "SELECT\tstars near " + cone.describe() + " dr=" + o.dataRelease() + "\nEND";
        }

        @Override
        public CatalogueResult query(ConeQuery cone, QueryOptions o) throws CalphotException {
            calls.incrementAndGet();
            if (empty) {
                throw new CatalogueException(Kind.NO_STAR_FOUND, "none", queryText(cone, o));
            }
            // 0.1 + 0.2 and 1/3 do not print short: they test the bit-exact round trip.
            CatalogueStar a = new CatalogueStar("1237663783128253174", 340.4035, 0.985, 0.1 + 0.2,
                    new double[] {1.0 / 3, 14.25}, new double[] {0.002, Double.NaN}, List.of("SATURATED_r"),
                    Map.of("flags", "268435456"));
            CatalogueStar b = new CatalogueStar("1237663783128253175", 340.404, 0.9845, 2.46,
                    new double[] {17.2, Double.NaN}, new double[] {0.01, 0.01}, List.of(), Map.of("note", "tab\there"));
            return new CatalogueResult("fake", queryText(cone, o), cone, "pretend AB", bands(), List.of(b, a),
                    "2025-01-02T03:04:05Z", false);
        }
    }

    private final ConeQuery cone = new ConeQuery(340.40346, 0.98492, 3);

    @Test
    void missFetchesAndStoresThenHitReplaysIdenticalNumbersOffline() throws Exception {
        FakeRemote remote = new FakeRemote();
        CatalogueCache cache = new CatalogueCache(tmp);
        CatalogueResult first = new CachingCatalogue(remote, cache, false).query(cone, QueryOptions.DEFAULTS);
        assertFalse(first.fromCache());
        assertEquals(1, remote.calls.get());
        assertTrue(Files.isRegularFile(cache.file("fake", remote.queryText(cone, QueryOptions.DEFAULTS))));

        CatalogueResult again = new CachingCatalogue(remote, cache, true).query(cone, QueryOptions.DEFAULTS);
        assertEquals(1, remote.calls.get(), "offline hit must not call the catalogue");
        assertTrue(again.fromCache());
        assertEquals(first.withFromCache(true), again, "identical numbers, bit for bit");
        assertEquals(0.1 + 0.2, again.nearest().separationArcsec(), 0.0);
        assertEquals("1237663783128253174", again.nearest().id());
        assertEquals("tab\there", again.others().get(0).extra().get("note"));
    }

    @Test
    void offlineMissIsAnErrorNamingTheQuery() {
        FakeRemote remote = new FakeRemote();
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> new CachingCatalogue(remote, new CatalogueCache(tmp), true).query(cone, QueryOptions.DEFAULTS));
        assertEquals(Kind.CACHE_MISS_OFFLINE, e.kind());
        assertTrue(e.getMessage().contains("ra=340.4034600 dec=+0.9849200 r=3\""), e.getMessage());
        assertTrue(e.getMessage().contains("SELECT"), e.getMessage());
        assertEquals(0, remote.calls.get());
        // A different option is a different query: still a miss after the default one is cached.
        assertThrows(CatalogueException.class, () -> {
            new CachingCatalogue(remote, new CatalogueCache(tmp), false).query(cone, QueryOptions.DEFAULTS);
            new CachingCatalogue(remote, new CatalogueCache(tmp), true).query(cone,
                    QueryOptions.DEFAULTS.withDataRelease(16));
        });
    }

    @Test
    void noStarAnswersAreCachedToo() throws Exception {
        FakeRemote remote = new FakeRemote();
        remote.empty = true;
        CatalogueCache cache = new CatalogueCache(tmp);
        assertEquals(Kind.NO_STAR_FOUND, assertThrows(CatalogueException.class,
                () -> new CachingCatalogue(remote, cache, false).query(cone, QueryOptions.DEFAULTS)).kind());
        assertEquals(Kind.NO_STAR_FOUND, assertThrows(CatalogueException.class,
                () -> new CachingCatalogue(remote, cache, true).query(cone, QueryOptions.DEFAULTS)).kind());
        assertEquals(1, remote.calls.get());
    }

    @Test
    void corruptEntryIsRefetchedOnlineAndAnErrorOffline() throws Exception {
        FakeRemote remote = new FakeRemote();
        CatalogueCache cache = new CatalogueCache(tmp);
        new CachingCatalogue(remote, cache, false).query(cone, QueryOptions.DEFAULTS);
        Path f = cache.file("fake", remote.queryText(cone, QueryOptions.DEFAULTS));
        String good = Files.readString(f);
        Files.writeString(f, good.replace("mag\t", "mag\tnot-a-number\t"));
        CalphotException off = assertThrows(CalphotException.class,
                () -> new CachingCatalogue(remote, cache, true).query(cone, QueryOptions.DEFAULTS));
        assertTrue(off.describe().contains(f.toString()), off.describe());
        new CachingCatalogue(remote, cache, false).query(cone, QueryOptions.DEFAULTS);
        assertEquals(2, remote.calls.get());
        assertEquals(good.replaceAll("retrieved.*", ""), Files.readString(f).replaceAll("retrieved.*", ""));
    }

    @Test
    void cacheFolderPrecedence() {
        Map<String, String> env = Map.of("CALPHOT_CACHE", "/c", "XDG_CACHE_HOME", "/x");
        assertEquals(Path.of("/d"), CatalogueCache.resolveDirectory("/d", env, "/home/u"));
        assertEquals(Path.of("/c"), CatalogueCache.resolveDirectory(null, env, "/home/u"));
        assertEquals(Path.of("/x/calphot"), CatalogueCache.resolveDirectory(null, Map.of("XDG_CACHE_HOME", "/x"),
                "/home/u"));
        assertEquals(Path.of("/home/u/.cache/calphot"), CatalogueCache.resolveDirectory("", Map.of(
                "XDG_CACHE_HOME", "relative/ignored", "CALPHOT_CACHE", ""), "/home/u"));
    }

    @Test
    void registryTracksCataloguesByNameProperty() throws Exception {
        CatalogueRegistryComponent reg = new CatalogueRegistryComponent();
        FakeRemote f = new FakeRemote();
        reg.addCatalogue(f, Map.of("name", "fake"));
        assertEquals(List.of("fake"), reg.names());
        assertTrue(CatalogueCommands.list(reg, false).startsWith("fake         remote  pretend survey"));
        assertTrue(CatalogueCommands.list(reg, true).contains("\"name\": \"fake\""));
        reg.removeCatalogue(f, Map.of("name", "fake"));
        assertTrue(reg.names().isEmpty());
        BadInputException e = assertThrows(BadInputException.class, () -> reg.get("sdss"));
        assertTrue(e.getMessage().contains("unknown catalogue 'sdss'"));
    }

    @Test
    void queryCommandFillsThenReplaysTheCache() throws Exception {
        CatalogueRegistryComponent reg = new CatalogueRegistryComponent();
        FakeRemote f = new FakeRemote();
        reg.addCatalogue(f, Map.of("name", "fake"));
        String dir = tmp.resolve("c").toString();
        String out = CatalogueCommands.query(reg, QueryRequest.at("fake", "22:41:36.83 +00:59:05.7", 3, false, dir,
                false), Map.of(), "/nonexistent");
        assertTrue(out.contains("* 1237663783128253174"), out);
        assertTrue(out.contains("0.333+-0.002"), out);
        assertTrue(out.contains("SATURATED_r"), out);
        String json = CatalogueCommands.query(reg, QueryRequest.at("fake", "22:41:36.83 +00:59:05.7", 3, true, dir,
                true), Map.of(), "/nonexistent");
        assertTrue(json.contains("\"from_cache\": true"), json);
        assertTrue(json.contains("\"chosen\": true"), json);
        assertEquals(1, f.calls.get());
        CatalogueException miss = assertThrows(CatalogueException.class, () -> CatalogueCommands.query(reg,
                QueryRequest.at("fake", "10 20", 3, true, dir, false), Map.of(), "/nonexistent"));
        assertEquals(Kind.CACHE_MISS_OFFLINE, miss.kind());
        assertEquals(2, assertThrows(BadInputException.class, () -> CatalogueCommands.query(reg,
                QueryRequest.at("fake", "10; DROP", 3, false, dir, false), Map.of(), "/x")).exitCode());
    }
}
