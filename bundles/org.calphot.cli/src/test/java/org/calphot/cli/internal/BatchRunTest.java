// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch contract of {@code calphot run A B ... --jobs N}: order, concurrency, summary, exit code. */
class BatchRunTest {

    private static List<Path> configs(int n) {
        List<Path> c = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            c.add(Path.of("night" + (i < 10 ? "0" : "") + i + ".yaml"));
        }
        return c;
    }

    @Test
    void runsJobsAtOnceAndKeepsTheOrderOfTheConfigs() throws Exception {
        // a latch that opens only when two configs run at the same time: proves --jobs 2 without timing anything
        CountDownLatch both = new CountDownLatch(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        BatchRun.ConfigRunner r = (c, t) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            both.countDown();
            try {
                both.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return new BatchRun.Outcome(c, 1, 100, 0, "", 0.1, Path.of("out"));
        };
        List<Path> cs = configs(6);
        List<BatchRun.Outcome> out = new BatchRun(r).runAll(cs, 2, 0, new PrintWriter(new StringWriter()));
        assertEquals(2, most.get(), "at most --jobs configs at once, and that many");
        for (int i = 0; i < cs.size(); i++) {
            assertEquals(cs.get(i), out.get(i).config());
        }
        assertEquals(0, BatchRun.exitCode(out));
    }

    @Test
    void oneFailureDoesNotStopTheOthersAndMakesTheExitNonZero() throws Exception {
        BatchRun.ConfigRunner r = (c, t) -> c.toString().equals("night03.yaml")
                ? new BatchRun.Outcome(c, 0, 0, 2, "night03.yaml:4: key 'period': not a number 'x'", 0.01, null)
                : c.toString().equals("night05.yaml")
                        ? new BatchRun.Outcome(c, 0, 0, 1, "run005.log: cannot read", 0.02, null)
                        : new BatchRun.Outcome(c, 2, 1234, 0, "", 0.5, Path.of("/data/" + c));
        StringWriter progress = new StringWriter();
        List<BatchRun.Outcome> out = new BatchRun(r).runAll(configs(6), 3, 0, new PrintWriter(progress));
        assertEquals(6, out.size());
        assertEquals("bad-input", out.get(2).status());
        assertEquals("failed", out.get(4).status());
        assertEquals(1, BatchRun.exitCode(out), "a runtime failure among them: exit 1");
        assertEquals(2, BatchRun.exitCode(out.subList(0, 3)), "only bad input failed: exit 2");
        assertEquals(0, BatchRun.exitCode(out.subList(0, 2)));
        assertTrue(progress.toString().contains("night03.yaml bad-input"), progress.toString());
        assertTrue(progress.toString().contains("key 'period'"), progress.toString());

        StringWriter table = new StringWriter();
        BatchRun.printTable(out, 1.5, 3, new PrintWriter(table));
        List<String> lines = table.toString().lines().toList();
        assertEquals(List.of("config", "logs", "frames", "status", "time_s", "output"),
                List.of(lines.get(0).trim().split("\\s+")));
        assertEquals(List.of("night01.yaml", "2", "1234", "ok", "0.50", "/data/night01.yaml"),
                List.of(lines.get(1).trim().split("\\s+")));
        assertEquals(List.of("night03.yaml", "0", "0", "bad-input", "0.01", "-"),
                List.of(lines.get(3).trim().split("\\s+")));
        assertEquals("6 configs: 4 ok, 2 failed; 1.50 s wall, 3 at a time", lines.get(7));
    }

    @Test
    void summaryTsvHasAHeaderAndAbsolutePaths(@TempDir Path dir) throws Exception {
        List<BatchRun.Outcome> out = List.of(new BatchRun.Outcome(Path.of("a.yaml"), 1, 10, 0, "", 0.25, dir));
        Path f = dir.resolve("sum.tsv");
        BatchRun.writeTsv(out, f);
        List<String> lines = Files.readAllLines(f);
        assertEquals("config\tlogs\tframes\tstatus\ttime_s\toutput", lines.get(0));
        String[] row = lines.get(1).split("\t");
        assertEquals(Path.of("a.yaml").toAbsolutePath().normalize().toString(), row[0]);
        assertEquals("ok", row[3]);
        assertEquals("0.250", row[4]);
        assertEquals(dir.toAbsolutePath().normalize().toString(), row[5]);
    }
}
