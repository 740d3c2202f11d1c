// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.product.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calphot watch} with the real product (issue 23): a config whose {@code logfiles} names a folder pattern
 * ({@code 'run*.log'}) is watched while its first log is written in steps (a cut line included) and a second log
 * appears later in the folder; {@code --idle-exit} then stops the watch by itself, and its final outputs are those
 * of {@code calphot run} on the finished folder, byte for byte (one stamped date through SOURCE_DATE_EPOCH;
 * provenance's clock fields aside).
 */
class WatchProductTest {

    @TempDir
    Path tmp;

    /** The stamped date of both processes: 2024-03-15 00:00 UTC. */
    static final Map<String, String> DATE = Map.of("SOURCE_DATE_EPOCH", "1710460800");

    static Process start(Path out, Path err, String... args) throws IOException {
        Path product = Path.of(System.getProperty("calphot.product"));
        assertTrue(Files.isDirectory(product.resolve("plugins")), "headless product not built at " + product);
        ProcessBuilder pb = ProductCommand.of(product, args);
        pb.environment().putAll(DATE);
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return pb.start();
    }

    /** Waits until the watch's output satisfies the condition (a hang guard, not a timing assertion). */
    static String until(Path out, Process p, Predicate<String> condition, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < end) {
            String s = Files.readString(out);
            if (condition.test(s)) {
                return s;
            }
            assertTrue(p.isAlive(), "watch ended before " + what + ":\n" + s);
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " in:\n" + Files.readString(out));
    }

    static void append(Path log, String text) throws IOException {
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aFolderPatternTakesInANewLogAndIdleExitEndsWithTheOutputsOfRun() throws Exception {
        Path examples = Path.of(System.getProperty("calphot.examples"));
        Path night = Files.createDirectories(tmp.resolve("night"));
        String config = Files.readString(examples.resolve("demo/calphot.yaml"));
        assertTrue(config.contains("      run001.log: "), "the demo config names run001.log");
        Files.writeString(night.resolve("calphot.yaml"), config.replace("      run001.log: ", "      'run*.log': "));

        // the demo night (500 frames of 5 CCDs) as two runs: frames 1-250 in run001, 251-500 in run002
        List<String> lines = Files.readAllLines(examples.resolve("demo/run001.log"));
        int body = 0;
        while (lines.get(body).startsWith("#")) {
            body++;
        }
        int split = body;
        while (split < lines.size() && (lines.get(split).startsWith("#")
                || Integer.parseInt(lines.get(split).trim().split("\\s+")[1]) <= 250)) {
            split++;
        }
        String header = String.join("\n", lines.subList(0, body)) + "\n";
        String run1 = String.join("\n", lines.subList(body, split)) + "\n";
        String run2 = String.join("\n", lines.subList(split, lines.size())) + "\n";

        Path log1 = night.resolve("run001.log");
        int cut = run1.length() / 3 + 17; // inside a line, as reduce leaves a log between two frames
        Files.writeString(log1, header + run1.substring(0, cut));
        Path out = tmp.resolve("watch.out");
        Path err = tmp.resolve("watch.err");
        Process watch = start(out, err, "watch", "--interval", "0.5", "--idle-exit", "6",
                night.resolve("calphot.yaml").toString());
        until(out, watch, s -> s.contains("files rewritten whole (first frames)"), "first whole run");

        append(log1, run1.substring(cut));
        until(out, watch, s -> s.contains("run001.log: 250 frames"), "run001 complete");

        // a new run appears in the folder: first its header and a few frames, then the rest
        Path log2 = night.resolve("run002.log");
        int cut2 = run2.length() / 4 + 5;
        append(log2, header + run2.substring(0, cut2));
        until(out, watch, s -> s.contains("files rewritten whole (new log run002.log)"), "run002 taken in");
        append(log2, run2.substring(cut2));
        until(out, watch, s -> s.contains("run002.log: 250 frames"), "run002 complete");

        // nothing grows any more: --idle-exit stops the watch, with its final whole run
        assertTrue(watch.waitFor(300, TimeUnit.SECONDS), "watch --idle-exit did not stop");
        String said = Files.readString(out);
        System.out.print(said);
        System.out.print(Files.readString(err));
        assertEquals(0, watch.exitValue(), "watch exit code");
        assertTrue(said.contains("no log grew for 6.0 s: stopping"), said);
        assertTrue(said.contains("new log " + log2 + ": followed"), said);
        assertTrue(said.contains("final whole run: "), said);

        // calphot run on the finished folder, into the same output folder (Calibration.txt names it) once the
        // watch's is moved aside; one log at a time as the watch runs them (with --threads > 1 the order of
        // Calibration.txt's output list and warnings follows the threads' timing)
        Path batch = night.resolve("calphot_out");
        Path watchedDir = Files.move(batch, night.resolve("watched_out"));
        Path runOut = tmp.resolve("run.out");
        Path runErr = tmp.resolve("run.err");
        Process run = start(runOut, runErr, "run", "-q", "--threads", "1", night.resolve("calphot.yaml").toString());
        assertTrue(run.waitFor(300, TimeUnit.SECONDS), "calphot run did not finish");
        assertEquals(0, run.exitValue(), Files.readString(runErr));

        Map<String, byte[]> watched = files(watchedDir);
        Map<String, byte[]> want = files(batch);
        assertEquals(want.keySet(), watched.keySet(), "the same files");
        assertTrue(want.keySet().stream().filter(k -> k.endsWith(".calib")).count() == 10,
                "5 bands of 2 logs: " + want.keySet());
        for (String k : want.keySet()) {
            byte[] a = want.get(k);
            byte[] b = watched.get(k);
            if (k.equals("provenance.json")) {
                a = clockless(a);
                b = clockless(b);
            }
            assertTrue(java.util.Arrays.equals(a, b), k + " differs from calphot run's" + (k.endsWith(".txt")
                    ? ":\n--- run\n" + new String(a, StandardCharsets.UTF_8) + "\n--- watch\n"
                            + new String(b, StandardCharsets.UTF_8) : ""));
        }
    }

    /** provenance.json without its clock fields (creation time, elapsed seconds). */
    static byte[] clockless(byte[] provenance) {
        return new String(provenance, StandardCharsets.UTF_8).replaceAll("\"created_utc\": \"[^\"]*\"", "")
                .replaceAll("\"elapsed_s\": [0-9.eE+-]+", "").getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        // through the output names (links into the run in use), not the hidden generation folders
        try (Stream<Path> s = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (root.relativize(p).toString().startsWith(".calphot-")) {
                    continue;
                }
                m.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
