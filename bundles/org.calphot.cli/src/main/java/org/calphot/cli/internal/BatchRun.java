// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.calphot.core.util.AtomicFiles;

/**
 * {@code calphot run A.yaml B.yaml ... --jobs N}: many configs in one JVM, {@code jobs} at a time.
 * Each config runs as it would alone (its own output folder, its own Calibration.txt and provenance);
 * a failure is recorded and the others go on. Prints one summary table; the exit code is 0 when every
 * config succeeded, 2 when every failure was bad input, else 1.
 */
public final class BatchRun {

    /** Columns of the summary, in order; also the header of the {@code --summary} TSV that the merge step reads. */
    public static final List<String> COLUMNS = List.of("config", "logs", "frames", "status", "time_s", "output");

    /**
     * What one config did. {@code status} is {@code ok}, {@code bad-input} or {@code failed}; {@code message}
     * the one-line error (empty when ok); {@code output} the folder written (null when nothing was).
     */
    public record Outcome(Path config, int logs, long frames, int exitCode, String message, double seconds,
            Path output) {

        public String status() {
            return exitCode == 0 ? "ok" : exitCode == 2 ? "bad-input" : "failed";
        }
    }

    /** Runs one config to the end; never throws (a failure is an {@link Outcome} with its exit code). */
    @FunctionalInterface
    public interface ConfigRunner {
        Outcome run(Path config, int threadsPerConfig);
    }

    private final ConfigRunner runner;

    public BatchRun(ConfigRunner runner) {
        this.runner = runner;
    }

    /**
     * Runs every config, {@code jobs} at a time (0: one per core), and returns the outcomes in the order of
     * {@code configs}. Progress lines ({@code [3/20] night03.yaml ok 0.42 s}) go to {@code err} as configs finish.
     */
    public List<Outcome> runAll(List<Path> configs, int jobs, int threadsPerConfig, PrintWriter err)
            throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        int n = Math.max(1, Math.min(jobs > 0 ? jobs : cores, configs.size()));
        // the cores left over from the configs running at once go to the logs inside each config
        int inner = threadsPerConfig > 0 ? threadsPerConfig : Math.max(1, cores / n);
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "calphot-batch");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path c : configs) {
                futures.add(pool.submit(() -> {
                    Outcome o = runner.run(c, inner);
                    synchronized (err) {
                        err.printf(Locale.ROOT, "calphot: [%d/%d] %s %s %.2f s%s%n", done.incrementAndGet(),
                                configs.size(), c, o.status(), o.seconds(),
                                o.message().isEmpty() ? "" : ": " + o.message());
                        err.flush();
                    }
                    return o;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) { // a runner must not throw; still report it as that config's failure
                    outcomes.add(new Outcome(configs.get(i), 0, 0, 1, "internal error: " + e.getCause(), 0, null));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** 0 when all succeeded, 2 when every failure was bad input, else 1. */
    public static int exitCode(List<Outcome> outcomes) {
        int code = 0;
        for (Outcome o : outcomes) {
            if (o.exitCode() == 1 || (o.exitCode() != 0 && o.exitCode() != 2)) {
                return 1;
            }
            if (o.exitCode() == 2) {
                code = 2;
            }
        }
        return code;
    }

    /** The summary as an aligned text table, with a closing count line. */
    public static void printTable(List<Outcome> outcomes, double wallSeconds, int jobs, PrintWriter out) {
        int w = "config".length();
        for (Outcome o : outcomes) {
            w = Math.max(w, o.config().toString().length());
        }
        String fmt = "%-" + w + "s  %5s  %8s  %-9s  %8s  %s%n";
        out.printf(Locale.ROOT, fmt, (Object[]) COLUMNS.toArray(new String[0]));
        int ok = 0;
        for (Outcome o : outcomes) {
            out.printf(Locale.ROOT, fmt, o.config(), o.logs(), o.frames(), o.status(),
                    String.format(Locale.ROOT, "%.2f", o.seconds()), o.output() == null ? "-" : o.output());
            ok += o.exitCode() == 0 ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%d configs: %d ok, %d failed; %.2f s wall, %d at a time%n", outcomes.size(), ok,
                outcomes.size() - ok, wallSeconds, jobs);
        out.flush();
    }

    /**
     * The summary as tab-separated values with a header line (the columns of {@link #COLUMNS}); configs as absolute
     * paths, so the summaries of many machines merge into one table ({@code tools/cluster/calphot-merge}).
     */
    public static String tsv(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (Outcome o : outcomes) {
            sb.append(o.config().toAbsolutePath().normalize()).append('\t').append(o.logs()).append('\t')
                    .append(o.frames()).append('\t').append(o.status()).append('\t')
                    .append(String.format(Locale.ROOT, "%.3f", o.seconds())).append('\t')
                    .append(o.output() == null ? "-" : o.output().toAbsolutePath().normalize()).append('\n');
        }
        return sb.toString();
    }

    /** Writes {@link #tsv} atomically (temporary sibling, then rename). */
    public static void writeTsv(List<Outcome> outcomes, Path file) throws IOException {
        AtomicFiles.writeString(file, tsv(outcomes));
    }
}
