// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,500 mutants (fixed seed) of a valid config: lines dropped, doubled, swapped and re-indented,
 * characters flipped, YAML syntax and tags inserted, values replaced by extremes (1e308, 1e-400, .nan,
 * huge integers, empty, lists, mappings, NUL, tabs, 300-character names, paths with '..' and '/').
 * Every mutant must parse or be refused as bad input (exit 2) with located one-line problems: no
 * unchecked exception, no "internal error", no class name in a message, and at most 5 s each.
 */
class ConfigFuzzTest {

    @TempDir
    Path dir;

    static final String[] VALUES = {"1e308", "-1e308", "1e-400", ".nan", ".inf", "-.inf", "0", "-0", "5", "1",
        "99999999999999999999999", "''", "[]", "{}", "[1, 2, 3]", "{a: 1}", "null", "~", "true", "no",
        "\"a\\0b\"", "\"a\\tb\"", "'../../etc'", "/tmp/x", "'" + "n".repeat(300) + "'", "!!binary AAAA",
        "!!python/object:os.system ls", "&a [1, 2]", "*a", "'10h00m00s +20d00m00s'", "é", "'MCMC_LIGHTCURVES'",
        "provenance.json", "[-0.5]", "[0.5, -0.5]", "[1e308, -1e308]", "0x7fffffffffffffff", "'   '"};

    static final String[] SYNTAX = {":", "- ", "[", "]", "{", "}", "&x ", "*x", "!!str ", "%YAML 1.1\n", "---\n",
        "...\n", "? ", "|\n", ">\n", "#", "\t", "\"", "'", ",", "@", "`", "\0", "\u00e9", "\uFEFF"};

    @Test
    void mutantsParseOrAreLocatedBadInput() throws Exception {
        String seed = ConfigValidationTest.GOOD + "seed: 42\noutput formats: [calib, csv]\nairmass formula: young-irvine\n";
        Files.writeString(dir.resolve("run001.log"), "# test file\n");
        Path cfg = dir.resolve("calphot.yaml");
        ConfigReader reader = new ConfigReader(TestSites.SITES, Warnings.IGNORE);
        Random rnd = new Random(18_2026L);
        ExecutorService one = Executors.newSingleThreadExecutor();
        int ok = 0;
        int bad = 0;
        int n = 1500;
        try {
            for (int i = 0; i < n; i++) {
                String m = mutate(seed, rnd);
                Files.writeString(cfg, m, StandardCharsets.UTF_8);
                Future<CalphotJob> f = one.submit(() -> reader.read(cfg));
                try {
                    f.get(5, TimeUnit.SECONDS);
                    ok++;
                } catch (TimeoutException e) {
                    f.cancel(true);
                    fail("mutant " + i + " took more than 5 s:\n" + m);
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (!(c instanceof CalphotException ce)) {
                        throw new AssertionError("mutant " + i + ": unchecked " + c + "\n" + m, c);
                    }
                    assertEquals(2, ce.exitCode(), "mutant " + i + ": " + ce.describe());
                    String text = ce.describe();
                    assertFalse(text.contains("Exception") || text.contains("org.yaml") || text.contains("\tat "),
                            "mutant " + i + ": " + text);
                    for (String line : text.split("\n")) {
                        assertTrue(line.contains(cfg.toString()), "mutant " + i + ": problem without its file: " + line);
                    }
                    bad++;
                }
            }
        } finally {
            one.shutdownNow();
        }
        System.out.printf("config fuzz: %d mutants, %d valid, %d bad input%n", n, ok, bad);
        assertEquals(n, ok + bad);
        assertTrue(ok > 50 && bad > 500, "the mutants cover both outcomes: " + ok + " valid, " + bad + " bad");
    }

    static String mutate(String seed, Random rnd) {
        List<String> lines = new ArrayList<>(List.of(seed.split("\n")));
        int edits = 1 + rnd.nextInt(3);
        for (int k = 0; k < edits; k++) {
            int i = rnd.nextInt(lines.size());
            String l = lines.get(i);
            switch (rnd.nextInt(9)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, l);
                case 2 -> {
                    int j = rnd.nextInt(lines.size());
                    lines.set(i, lines.get(j));
                    lines.set(j, l);
                }
                case 3 -> lines.set(i, rnd.nextBoolean() ? "  " + l : l.stripLeading());
                case 4 -> {
                    int c = l.indexOf(':');
                    if (c > 0) {
                        lines.set(i, l.substring(0, c + 1) + " " + VALUES[rnd.nextInt(VALUES.length)]);
                    }
                }
                case 5 -> {
                    int at = l.isEmpty() ? 0 : rnd.nextInt(l.length() + 1);
                    lines.set(i, l.substring(0, at) + SYNTAX[rnd.nextInt(SYNTAX.length)] + l.substring(at));
                }
                case 6 -> {
                    if (!l.isEmpty()) {
                        char[] ch = l.toCharArray();
                        ch[rnd.nextInt(ch.length)] = (char) (32 + rnd.nextInt(95));
                        lines.set(i, new String(ch));
                    }
                }
                case 7 -> lines.set(i, rnd.nextBoolean() ? l.toUpperCase(java.util.Locale.ROOT)
                        : l.replaceFirst("(\\w)", "$1$1"));
                default -> {
                    // a number replaced by an extreme
                    lines.set(i, l.replaceAll("[0-9]+\\.[0-9]+", VALUES[rnd.nextInt(8)]));
                }
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
