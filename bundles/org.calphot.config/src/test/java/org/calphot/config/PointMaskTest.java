// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.Warnings;
import org.calphot.core.time.Site;
import org.calphot.core.time.SiteRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code mask points} key: read per log, validated with located problems like every other key. */
class PointMaskTest {

    /** One site is enough here (the real registry lives in org.calphot.time). */
    static final SiteRegistry SITES = new SiteRegistry() {
        final Site laSilla = new Site("lasilla", -29.2567, -70.73, 2347, "test");

        @Override
        public Site lookup(String text, Location where, Warnings warnings) throws BadInputException {
            if (text.strip().equals("lasilla")) {
                return laSilla;
            }
            throw new BadInputException("unknown site '" + text + "'", where);
        }

        @Override
        public List<Site> sites() {
            return List.of(laSilla);
        }

        @Override
        public List<String> namesOf(Site site) {
            return List.of(site.name());
        }

        @Override
        public SiteRegistry withSites(List<Site> userSites) {
            return this;
        }
    };

    static final String CONFIG = """
            target coords: 05:22:10 -35:05:30
            period: 0.06219388
            T0: 58755.36436103
            SDSS: 0
            directory: '.'
            fit ephemeris: false
            overplot: false
            extract:
              data_1:
                observatory: lasilla
                inst: ucam
                phase range: [-0.5, 0.5]
                oname: SSS111126_ucam
                logfiles:
                  REDUCED/ucam/2019_09_28/run032.log: {r: [16.443,15.750], g: [16.638,16.261], u: [17.297,16.644]}
                  REDUCED/ucam/2019_09_30/run017.log: {r: [14.448,15.750], g: [15.202,16.638], u: [17.297,16.1]}
                get eclipse times: false
                flux calibrate: true
                extract data: true
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void logs() throws Exception {
        for (String f : List.of("REDUCED/ucam/2019_09_28/run032.log", "REDUCED/ucam/2019_09_30/run017.log")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "# test file\n");
        }
    }

    private CalphotJob read(String extra) throws Exception {
        Path cfg = dir.resolve("config.yaml");
        Files.writeString(cfg, CONFIG + extra);
        return new ConfigReader(SITES, Warnings.IGNORE).read(cfg);
    }

    @Test
    void rulesPerLogWithFramesAndBmjdRanges() throws Exception {
        CalphotJob job = read("""
                mask points:
                  REDUCED/ucam/2019_09_28/run032.log:
                    - {ccd: 2, frames: [101, 102, 103]}
                    - {bmjd: [58755.1, 58755.2]}
                """);
        PointMask m = PointMask.of(job);
        List<PointMask.Rule> r = m.of(dir.resolve("REDUCED/ucam/2019_09_28/run032.log"));
        assertEquals(2, r.size());
        assertEquals("2", r.get(0).ccd());
        assertArrayEquals(new int[] {101, 102, 103}, r.get(0).frames());
        assertTrue(r.get(0).masks("2", 102, 0));
        assertTrue(!r.get(0).masks("1", 102, 0), "another CCD");
        assertTrue(r.get(1).masks("1", 7, 58755.15) && r.get(1).masks("3", 7, 58755.2));
        assertTrue(!r.get(1).masks("1", 7, 58755.2000001));
        assertEquals(List.of(), m.of(dir.resolve("REDUCED/ucam/2019_09_30/run017.log")));
        assertEquals(PointMask.NONE, PointMask.of(read("")));
    }

    @Test
    void badEntriesAreLocatedProblems() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> read("""
                mask points:
                  run999.log:
                    - {frames: [1]}
                  REDUCED/ucam/2019_09_28/run032.log:
                    - {frames: [1.5]}
                    - {bmjd: [2, 1]}
                    - {ccd: 1}
                    - {frame: [3]}
                """));
        String all = e.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
        // {frame: [3]} is both an unknown key and an entry without frames or bmjd
        assertEquals(6, e.problems().size(), all);
        // the config has 19 lines: the mask starts on line 20, run999.log on line 21
        assertTrue(all.contains("not a log of this config's logfiles"), all);
        assertEquals(21, e.problems().get(0).where().line(), all);
        assertTrue(all.contains("whole numbers") && all.contains("from <= to") && all.contains("needs 'frames' or 'bmjd'")
                && all.contains("unknown key 'frame'"), all);
    }
}
