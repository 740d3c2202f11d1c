// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.calphot.core.CalphotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end mutants (fixed seed) through the whole run, not only the reader: 120 mutants of the demo log
 * (its first 100 frames: lines dropped, doubled and swapped, numbers replaced by 1e308, nan, -1, 0, bytes
 * flipped, the file cut short) and 80 of its config (values replaced by extremes). Each run must succeed
 * with a complete output folder or fail with a CalphotException (exit 1 or 2) whose message names a file,
 * within 60 s, leaving no staging folder and nothing outside its output folder.
 */
class RunFuzzTest {

    @TempDir
    Path tmp;

    static final String[] NUMBERS = {"1e308", "-1e308", "nan", "inf", "-1", "0", "1e-320", "99999999999"};
    static final String[] CONFIG_VALUES = {"1e308", "-1e308", "0", "-0.0001", "1e-300", "[]", "{}", "''", "x/y",
        "'..'", "\"a\\tb\"", "[0.5, 0.4]", "[-1e308, 1e308]", "null", "5", "MCMC_LIGHTCURVES"};

    @Test
    void mutatedRunsEndCleanly() throws Exception {
        Path demo = OutputCommitTest.DEMO;
        List<String> lines = Files.readAllLines(demo.resolve("run001.log"), StandardCharsets.ISO_8859_1);
        List<String> head = new ArrayList<>();
        int data = 0;
        for (String l : lines) {
            if (!l.startsWith("#") && ++data > 500) { // 100 frames of 5 CCDs
                break;
            }
            head.add(l);
        }
        String config = Files.readString(demo.resolve("calphot.yaml"), StandardCharsets.UTF_8);
        Random rnd = new Random(18_18L);
        ExecutorService one = Executors.newSingleThreadExecutor();
        Set<String> kinds = new TreeSet<>();
        int ok = 0;
        int failed = 0;
        int n = 200;
        try {
            for (int i = 0; i < n; i++) {
                Path d = Files.createDirectories(tmp.resolve("case" + i));
                boolean logMutant = i < 120;
                String log = String.join("\n", logMutant ? mutateLog(head, rnd) : head) + "\n";
                String cfg = logMutant ? config : mutateConfig(config, rnd);
                Files.write(d.resolve("run001.log"), log.getBytes(StandardCharsets.ISO_8859_1));
                Files.writeString(d.resolve("calphot.yaml"), cfg, StandardCharsets.UTF_8);
                Path out = d.resolve("out");
                Future<RunResult> f = one.submit(() -> OutputCommitTest.run(d.resolve("calphot.yaml"), out,
                        new ArrayList<>(), false));
                try {
                    f.get(60, TimeUnit.SECONDS);
                    OutputCommitTest.completeRun(out);
                    ok++;
                } catch (TimeoutException e) {
                    f.cancel(true);
                    fail("case " + i + " ran more than 60 s");
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (!(c instanceof CalphotException ce)) {
                        throw new AssertionError("case " + i + ": unchecked " + c, c);
                    }
                    String msg = ce.describe();
                    assertTrue(ce.exitCode() == 1 || ce.exitCode() == 2, msg);
                    assertFalse(msg.contains("Exception") || msg.contains("\tat "), "case " + i + ": " + msg);
                    assertTrue(msg.contains(d.toString()), "case " + i + ": the message names no file: " + msg);
                    kinds.add(ce.exitCode() + " " + msg.replace(d.toString(), "").replaceAll("\\d+", "N")
                            .replaceAll("'[^']*'", "'…'"));
                    failed++;
                    if (Files.exists(out)) {
                        assertEquals(List.of(), OutputCommitTest.leftovers(out), "case " + i + ": staging left");
                    }
                }
                try (Stream<Path> s = Files.list(d)) {
                    Set<String> names = new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
                    names.removeAll(Set.of("calphot.yaml", "run001.log", "out"));
                    assertEquals(Set.of(), names, "case " + i + ": nothing written beside the output folder");
                }
            }
        } finally {
            one.shutdownNow();
        }
        System.out.printf("run fuzz: %d cases, %d complete runs, %d clean failures; kinds:%n  %s%n", n, ok, failed,
                String.join("\n  ", kinds));
        assertTrue(ok > 10 && failed > 10, ok + " ok, " + failed + " failed");
    }

    static List<String> mutateLog(List<String> seed, Random rnd) {
        List<String> l = new ArrayList<>(seed);
        int edits = 1 + rnd.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int i = rnd.nextInt(l.size());
            switch (rnd.nextInt(6)) {
                case 0 -> l.remove(i);
                case 1 -> l.add(i, l.get(i));
                case 2 -> {
                    int j = rnd.nextInt(l.size());
                    String t = l.get(i);
                    l.set(i, l.get(j));
                    l.set(j, t);
                }
                case 3 -> l.set(i, l.get(i).replaceFirst("-?[0-9]+\\.[0-9]+", NUMBERS[rnd.nextInt(NUMBERS.length)]));
                case 4 -> {
                    char[] c = l.get(i).toCharArray();
                    if (c.length > 0) {
                        c[rnd.nextInt(c.length)] = (char) rnd.nextInt(256);
                        l.set(i, new String(c));
                    }
                }
                default -> {
                    int cut = rnd.nextInt(l.size());
                    l.subList(cut, l.size()).clear();
                    if (l.isEmpty()) {
                        l.add("#");
                    }
                }
            }
        }
        return l;
    }

    static String mutateConfig(String seed, Random rnd) {
        String[] lines = seed.split("\n");
        int i;
        do {
            i = rnd.nextInt(lines.length);
        } while (lines[i].startsWith("#") || !lines[i].contains(":"));
        int c = lines[i].indexOf(':');
        lines[i] = lines[i].substring(0, c + 1) + " " + CONFIG_VALUES[rnd.nextInt(CONFIG_VALUES.length)];
        return String.join("\n", lines) + "\n";
    }
}
