// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.product.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output commit of {@code calphot run} with the real product (issue 18): two runs into one folder
 * at once keep both results, and a run killed with SIGKILL at any moment (while reading, computing,
 * staging, or in the middle of moving its files into place) leaves the folder holding a complete run:
 * the previous one, or the new one once the next run has finished the interrupted moves.
 * "Complete" is checked against the SHA-256 of every output listed in the run's own provenance.json.
 */
class RunCommitTest {

    @TempDir
    static Path tmp;

    static Path product;
    static Path demo;

    @BeforeAll
    static void setUp() throws IOException {
        product = Path.of(System.getProperty("calphot.product"));
        assertTrue(Files.isDirectory(product.resolve("plugins")), "headless product not built at " + product);
        Path examples = Path.of(System.getProperty("calphot.examples"));
        demo = Files.createDirectories(tmp.resolve("demo"));
        for (String f : List.of("calphot.yaml", "run001.log")) {
            Files.copy(examples.resolve("demo").resolve(f), demo.resolve(f));
        }
        // a second config (another phase range, so another hash) beside the first
        Files.writeString(demo.resolve("other.yaml"), Files.readString(demo.resolve("calphot.yaml"))
                .replace("phase range: [-0.5, 0.5]", "phase range: [-0.4, 0.4]"));
    }

    static Process start(Map<String, String> env, Path err, String... args) throws IOException {
        ProcessBuilder pb = ProductCommand.of(product, args);
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        return pb.start();
    }

    static int finish(Process p, Path err) throws Exception {
        if (!p.waitFor(240, TimeUnit.SECONDS)) { // a hang guard, not a timing assertion
            p.destroyForcibly();
            throw new AssertionError("calphot did not finish");
        }
        System.out.print(Files.readString(err));
        return p.exitValue();
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    /** Every output the folder's provenance.json lists is there with its hash; returns the provenance's time. */
    static String completeRun(Path folder) throws Exception {
        String prov = Files.readString(folder.resolve("provenance.json"), StandardCharsets.UTF_8);
        int start = prov.indexOf("\"outputs\": {");
        assertTrue(start > 0, "provenance lists the outputs");
        Matcher m = Pattern.compile("\"([^\"]+)\": \"([0-9a-f]{64})\"").matcher(prov.substring(start,
                prov.indexOf('}', start)));
        int n = 0;
        while (m.find()) {
            Path f = folder.resolve(m.group(1));
            assertTrue(Files.isRegularFile(f), "missing output " + f);
            assertEquals(m.group(2), sha256(f), "a file of another run: " + f);
            n++;
        }
        assertTrue(n >= 20, "outputs listed: " + n);
        Matcher t = Pattern.compile("\"created_utc\": \"([^\"]+)\"").matcher(prov);
        assertTrue(t.find());
        return t.group(1);
    }

    static List<String> hidden(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".calphot-")).sorted().toList();
        }
    }

    @Test
    void twoConfigsStartedTogetherIntoOneFolderBothSurvive() throws Exception {
        Path out = tmp.resolve("together");
        Path errA = tmp.resolve("a.err");
        Path errB = tmp.resolve("b.err");
        Process a = start(Map.of(), errA, "run", "-q", "--out", out.toString(), demo.resolve("calphot.yaml").toString());
        Process b = start(Map.of(), errB, "run", "-q", "--out", out.toString(), demo.resolve("other.yaml").toString());
        assertEquals(0, finish(a, errA));
        assertEquals(0, finish(b, errB));
        // on main both said "wrote 27 files" into the same folder and one result was lost
        completeRun(out);
        completeRun(out.resolve("run-2"));
        String shaBase = Files.readString(out.resolve("provenance.json")).replaceAll("(?s).*\"config_sha256\": \"(\\w+)\".*", "$1");
        String shaRun2 = Files.readString(out.resolve("run-2/provenance.json"))
                .replaceAll("(?s).*\"config_sha256\": \"(\\w+)\".*", "$1");
        assertNotEquals(shaBase, shaRun2);
        assertEquals(List.of(), leftovers(out));
        assertEquals(List.of(), leftovers(out.resolve("run-2")));
    }

    /** The generation {@code .calphot-current} names (the run in use), or "" when there is none. */
    static String current(Path folder) {
        try {
            return Files.readSymbolicLink(folder.resolve(".calphot-current")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** Hidden calphot entries besides the run in use: staging, unused generations, temporary links. */
    static List<String> leftovers(Path folder) throws IOException {
        String gen = current(folder);
        return hidden(folder).stream().filter(n -> !n.equals(".calphot-current") && !n.equals(gen)).toList();
    }

    @Test
    void aRunKilledAtAnyMomentLeavesACompleteRun() throws Exception {
        Path out = tmp.resolve("killed");
        String cfg = demo.resolve("calphot.yaml").toString();
        Path err = tmp.resolve("first.err");
        long began = System.nanoTime();
        assertEquals(0, finish(start(Map.of(), err, "run", "-q", "--out", out.toString(), cfg), err));
        long fullMs = (System.nanoTime() - began) / 1_000_000;
        String previous = completeRun(out);

        // a reader checking the folder all the time: at every instant it must hold one complete run. A sample
        // counts only if the run in use did not change while it read (a reader opening files one by one across
        // a switch would mix two complete runs itself)
        List<String> readerFailures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger samples = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                String g = current(out);
                try {
                    completeRun(out);
                    samples.incrementAndGet();
                } catch (Throwable t) {
                    if (g.equals(current(out))) {
                        readerFailures.add(g + ": " + t);
                    }
                }
            }
        });
        reader.start();
        try {
            // SIGKILL at fractions of a full run: start-up, reading, calibrating, figures, staging, commit;
            // after each, WITHOUT running calphot again, the folder holds the previous or the new complete run
            int k = 0;
            for (double fraction : new double[] {0.15, 0.35, 0.55, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99}) {
                Path e = tmp.resolve("kill" + k++ + ".err");
                Process p = start(Map.of(), e, "run", "-q", "--out", out.toString(), cfg);
                boolean ended = p.waitFor((long) (fullMs * fraction), TimeUnit.MILLISECONDS);
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                String now = completeRun(out);
                System.out.printf("killed at %.0f%% (%s): folder holds the %s run; left: %s%n", fraction * 100,
                        ended ? "had ended" : "running", now.equals(previous) ? "previous" : "new", leftovers(out));
                previous = now;
            }

            // killed paused just before the switch (the test hook): the previous run stands
            previous = killPaused(out, cfg, 1, previous, true);
            // killed paused just after the switch: the new run stands, complete, with no repair by a next run
            previous = killPaused(out, cfg, 2, previous, false);
        } finally {
            reading.set(false);
            reader.join(60_000);
        }
        assertEquals(List.of(), readerFailures, "a reader saw an incomplete or mixed folder");
        assertTrue(samples.get() > 10, "reader samples: " + samples.get());
        System.out.println("reader: " + samples.get() + " complete-run checks while runs were killed");

        // the next run (another config: it writes to run-2) removes what the killed runs left
        Path next = tmp.resolve("next.err");
        assertEquals(0, finish(start(Map.of(), next, "run", "--out", out.toString(),
                demo.resolve("other.yaml").toString()), next));
        assertEquals(previous, completeRun(out), "the run in 'out' stands");
        completeRun(out.resolve("run-2"));
        assertEquals(List.of(), leftovers(out), "no staging or unused generation left");
        assertEquals(List.of(), leftovers(out.resolve("run-2")));
    }

    /** Starts a run that pauses in its commit, kills it at pause {@code n}; returns the run then in the folder. */
    static String killPaused(Path out, String cfg, int n, String previous, boolean expectPrevious) throws Exception {
        Path e = tmp.resolve("pause" + n + ".err");
        Process p = start(Map.of("CALPHOT_TEST_PAUSE_IN_COMMIT", n == 1 ? "60" : "0,60"), e, "run", "-q", "--out", out.toString(), cfg);
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!Files.readString(e).contains("paused in the commit (" + n + ")")) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, "the run never reached its commit: "
                    + Files.readString(e));
            Thread.sleep(20);
        }
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        String now = completeRun(out);
        if (expectPrevious) {
            assertEquals(previous, now, "killed before its switch: the previous run stands");
            assertTrue(leftovers(out).stream().anyMatch(x -> x.startsWith(".calphot-gen-")),
                    "the unused generation is left for the next run: " + leftovers(out));
        } else {
            assertNotEquals(previous, now, "killed after its switch: the new run stands");
        }
        System.out.printf("killed paused %s the switch: folder holds the %s run%n", n == 1 ? "before" : "after",
                now.equals(previous) ? "previous" : "new");
        return now;
    }
}
