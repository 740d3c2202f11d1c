// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.calphot.cli.internal.CommandServices;
import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.Warnings;
import org.calphot.core.log.LogReaders;
import org.calphot.core.photometry.FluxCalibrator;
import org.calphot.core.time.SiteRegistry;
import org.calphot.core.time.TimeCorrector;
import org.calphot.core.util.SourceDate;
import org.calphot.pipeline.RunFigures;
import org.calphot.pipeline.LiveSession;
import org.calphot.pipeline.Pipeline;
import org.calphot.pipeline.PipelineServices;
import org.calphot.pipeline.RunOptions;
import org.calphot.pipeline.RunResult;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.LiveLogWriter;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calphot bench watch}: the live mode's latency and memory. A simulated night is written at
 * {@code --rate} frames per second by a writer thread while a {@link LiveSession} follows it every
 * {@code --interval} seconds in the same process; the latency of a frame is the time from its line being
 * written to the end of the update that appended its flux to the CSV. The baseline, measured in the same run:
 * {@code calphot run} on the finished log (what re-running the batch job at every update would cost then),
 * and its outputs, which the watched ones must equal.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Time the live mode: latency from a frame's line to its flux in the CSV; memory.")
public final class BenchWatchCommand implements Callable<Integer> {

    private final CommandServices broker;

    public BenchWatchCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", paramLabel = "HZ", description = "frames per second written; default ${DEFAULT-VALUE}")
    double rate = 20;

    @Option(names = {"-n", "--frames"}, paramLabel = "N", description = "frames of the night; default ${DEFAULT-VALUE}")
    int frames = 2400;

    @Option(names = "--interval", paramLabel = "S", description = "seconds between reads; default ${DEFAULT-VALUE}")
    double interval = 0.5;

    @Option(names = "--refresh", paramLabel = "S", description = "least seconds between whole rewrites; default ${DEFAULT-VALUE}")
    double refresh = 30;

    @Option(names = {"-i", "--instrument"}, paramLabel = "NAME", description = "hipercam (5 CCDs), ultracam, ultraspec;"
            + " default ${DEFAULT-VALUE}")
    String instrument = "hipercam";

    @Option(names = "--no-figures", description = "whole rewrites without figures")
    boolean noFigures;

    @Option(names = "--keep", paramLabel = "DIR", description = "work in DIR and keep it (default: a temporary folder, removed)")
    Path keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("calphot-bench-watch-");
        // the watch and the baseline write minutes apart: one stamped date (provenance, PDF, FITS) for both, so
        // "equal to calphot run" is checked byte for byte
        String dateBefore = System.getProperty(SourceDate.VARIABLE);
        if (SourceDate.fixed() == null) {
            System.setProperty(SourceDate.VARIABLE, Long.toString(java.time.Instant.now().getEpochSecond()));
        }
        try {
            return bench(dir, out);
        } finally {
            if (dateBefore == null) {
                System.clearProperty(SourceDate.VARIABLE);
            } else {
                System.setProperty(SourceDate.VARIABLE, dateBefore);
            }
            if (keep == null) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private int bench(Path dir, PrintWriter out) throws Exception {
        TimeCorrector corrector = broker.timeCorrector();
        SiteRegistry sites = broker.sites();
        Path src = Files.createDirectories(dir.resolve("source"));
        Path night = Files.createDirectories(dir.resolve("night"));
        // exposures as long as the frame interval: the night's times advance as fast as the log grows
        SimulationSpec sim = SimulationSpec.defaults(Instrument.parse(instrument)).frames(frames).exposureS(1.0 / rate)
                .seed(7).build();
        Simulator.Result r = new Simulator(corrector, sites).write(sim, src, false, ProgressMonitor.NULL,
                Warnings.IGNORE);
        Files.copy(r.config(), night.resolve(r.config().getFileName()));
        Path log = night.resolve(r.log().getFileName());
        Files.write(log, new byte[0]);
        out.printf(Locale.ROOT, "night: %s, %d frames, %d CCDs, %.1f MB; written at %s frames/s, read every %s s%n",
                sim.instrument().id(), frames, sim.instrument().nccd(), r.logBytes() / 1e6, rate, interval);
        out.flush();

        PipelineServices services = new PipelineServices(broker.logReaders(), corrector,
                broker.fluxCalibrator(), null, noFigures ? null : RunFigures.standard());
        CalphotJob job = new ConfigReader(sites, Warnings.IGNORE).read(night.resolve(r.config().getFileName()));
        long[] writtenAt = new long[frames + 1];
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                new LiveLogWriter(rate, 1).play(r.log(), log, stop::get, (n, bytes) -> writtenAt[n] = System.nanoTime());
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "calphot-bench-writer");
        double[] latency = new double[frames + 1];
        int seen = 0;
        int updates = 0;
        int rewrites = 0;
        long rewriteNanos = 0;
        long maxUsed = 0;
        StringBuilder heap = new StringBuilder();
        int nextHeap = frames / 4;
        // the heap before the night: what the session holds after GC is measured against it, per frame
        long heapBefore = usedAfterGc();
        long lastRewriteNanos = 0;
        long started = System.nanoTime();
        writer.setDaemon(true);
        writer.start();
        try (LiveSession live = new LiveSession(services, job, RunOptions.defaults(), refresh, Warnings.IGNORE)
                .keepRows(false)) {
            while (seen < frames && failed.get() == null) {
                long t = System.nanoTime();
                LiveSession.Step s = live.step();
                long end = System.nanoTime();
                updates++;
                if (s.rewritten() != null) {
                    rewrites++;
                    rewriteNanos += end - t;
                    lastRewriteNanos = end - t;
                }
                int now = Math.min(frames, s.logs().get(0).frames());
                for (int k = seen + 1; k <= now; k++) {
                    latency[k] = writtenAt[k] == 0 ? Double.NaN : (end - writtenAt[k]) / 1e9;
                }
                seen = Math.max(seen, now);
                if (seen >= nextHeap && nextHeap > 0) {
                    long used = usedAfterGc();
                    maxUsed = Math.max(maxUsed, used);
                    heap.append(String.format(Locale.ROOT, " %d frames: %.0f MB (%.0f B/frame; log columns kept %.0f"
                            + " B/frame);", seen, used / 1e6, (double) (used - heapBefore) / seen,
                            (double) live.keptLogBytes() / seen));
                    nextHeap += frames / 4;
                }
                long wait = t + (long) (interval * 1e9) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000);
                }
            }
            long t = System.nanoTime();
            live.finish();
            long finishNanos = System.nanoTime() - t;
            double wall = (System.nanoTime() - started) / 1e9;
            if (failed.get() != null) {
                throw new CalphotException("the writer failed: " + failed.get(), failed.get());
            }
            double[] l = Arrays.stream(latency, 1, frames + 1).filter(Double::isFinite).sorted().toArray();
            out.printf(Locale.ROOT, "latency line -> CSV: median %.3f s, 90%% %.3f s, max %.3f s over %d frames"
                    + " (%d updates, %d whole rewrites, %.2f s each on average)%n", pct(l, 0.5), pct(l, 0.9),
                    l[l.length - 1], l.length, updates, rewrites, rewrites == 0 ? 0 : rewriteNanos / 1e9 / rewrites);
            out.printf(Locale.ROOT, "heap after GC (before the night %.0f MB):%s peak %.0f MB; the night's log %.0f MB"
                    + " on disk (%.0f B/frame)%n", heapBefore / 1e6, heap, maxUsed / 1e6, r.logBytes() / 1e6,
                    (double) r.logBytes() / frames);
            out.printf(Locale.ROOT, "last whole rewrite during the night: %.2f s%n", lastRewriteNanos / 1e9);
            out.printf(Locale.ROOT, "final whole run of the watch: %.2f s; whole watch %.1f s%n", finishNanos / 1e9, wall);

            // the baseline in the same run: calphot run on the finished log, from the file
            Path watched = night.resolve("calphot_out");
            Path moved = night.resolve("watched_out");
            Files.move(watched, moved);
            t = System.nanoTime();
            // a fresh time service, as a new calphot run process has: the watch's one has given its
            // once-per-process warnings (Earth-orientation table) already
            new Pipeline(new PipelineServices(broker.logReaders(), org.calphot.time.TimeServices.corrector(),
                    broker.fluxCalibrator(), null, noFigures ? null : RunFigures.standard()))
                    .run(job, RunOptions.defaults(), ProgressMonitor.NULL, Warnings.IGNORE);
            double batch = (System.nanoTime() - t) / 1e9;
            out.printf(Locale.ROOT, "baseline: calphot run on the finished log %.2f s, the least latency a re-run at"
                    + " every update would have at the end of this night (plus the wait for the next update)%n",
                    batch);
            int differ = compare(watched, moved, out);
            out.printf(Locale.ROOT, "outputs of the watch vs calphot run: %s%n", differ == 0
                    ? "identical (provenance times and PDF dates aside)" : differ + " files differ");
            out.flush();
            return differ == 0 ? 0 : 1;
        } finally {
            stop.set(true);
        }
    }

    /** Heap in use after two collections (objects freed by cleaners in the first are gone after the second). */
    private static long usedAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(50);
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static double pct(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** Files that differ beyond time stamps (provenance times, PDF dates). */
    private static int compare(Path want, Path got, PrintWriter out) throws Exception {
        Map<String, String> a = files(want);
        Map<String, String> b = files(got);
        int n = 0;
        for (String k : a.keySet()) {
            if (!a.get(k).equals(b.get(k))) {
                out.println("  differs: " + k);
                n++;
            }
        }
        for (String k : b.keySet()) {
            if (!a.containsKey(k)) {
                out.println("  only in the watch: " + k);
                n++;
            }
        }
        return n;
    }

    private static Map<String, String> files(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        // through the output names (links into the run in use), not the hidden generation folders
        try (Stream<Path> s = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (root.relativize(p).toString().startsWith(".calphot-")) {
                    continue;
                }
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)
                        .replaceAll("\"created_utc\": \"[^\"]*\"", "").replaceAll("\"elapsed_s\": [0-9.eE+-]+", "")
                        .replaceAll("/(ModDate|CreationDate) \\(D:[0-9+']*\\)", "");
                m.put(root.relativize(p).toString(), text);
            }
        }
        return m;
    }
}
