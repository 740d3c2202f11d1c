// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.log.PhotometryLog;
import org.calphot.core.log.LogReaders;

/**
 * {@code calphot bench parse}: reads each file {@code repeat} times and prints throughput (MB/s,
 * 10^6 bytes), frames/s, the peak Java heap used, the process's peak resident memory (Linux
 * VmHWM) and the model's size against a float64 copy of the same values.
 */
public final class ParseBenchmark {

    private final LogReaders readers;

    public ParseBenchmark(LogReaders readers) {
        this.readers = readers;
    }

    /** Result of one file. */
    public record Result(Path file, long bytes, int frames, long lines, double[] seconds, double[] cpuSeconds,
            long peakHeapBytes,
            long peakRssBytes, long modelBytes, long float64Bytes) {

        public double bestMbPerS() {
            return bytes / 1e6 / Arrays.stream(seconds).min().orElse(Double.NaN);
        }

        public double medianSeconds() {
            double[] s = seconds.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }
    }

    public Result measure(Path file, int repeat) throws CalphotException {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new CalphotException("cannot read: " + e.getMessage(), org.calphot.core.Location.of(file.toString()), e);
        }
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        double[] secs = new double[Math.max(1, repeat)];
        double[] cpu = new double[secs.length];
        PhotometryLog log = null;
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (int r = 0; r < secs.length; r++) {
            log = null;
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            log = readers.read(file, Warnings.IGNORE);
            secs[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = (processCpuNanos() - c0) / 1e9;
        }
        long peak = 0;
        for (MemoryPoolMXBean p : heap) {
            peak += p.getPeakUsage().getUsed();
        }
        return new Result(file, bytes, log.frames(), log.lines(), secs, cpu, peak, peakRss(), log.storageBytes(),
                log.float64PayloadBytes());
    }

    /** Reads the whole file in 1 MiB blocks and touches every byte: the floor a parser of it cannot beat. */
    static double plainReadSeconds(Path file) throws CalphotException {
        long t = System.nanoTime();
        long sum = 0;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] b = new byte[1 << 20];
            for (int n; (n = in.read(b)) > 0;) {
                for (int i = 0; i < n; i++) {
                    sum += b[i];
                }
            }
        } catch (IOException e) {
            throw new CalphotException("cannot read: " + e.getMessage(), org.calphot.core.Location.of(file.toString()), e);
        }
        double s = (System.nanoTime() - t) / 1e9;
        return sum == Long.MIN_VALUE ? s + 1 : s; // the sum keeps the loop from being optimised away
    }

    /** CPU time of the whole process (all threads, incl. JIT and GC), or -1 if unknown. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** Peak resident set size from /proc/self/status (Linux), or -1. */
    public static long peakRss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    public int run(List<Path> files, int repeat, PrintStream out, PrintStream err) {
        int code = 0;
        for (Path f : files) {
            try {
                double plain = plainReadSeconds(f);
                Result r = measure(f, repeat);
                double best = Arrays.stream(r.seconds()).min().getAsDouble();
                out.printf(Locale.ROOT, "%s: %.1f MB, %d frames, %d lines%n", f, r.bytes() / 1e6, r.frames(), r.lines());
                int cores = Runtime.getRuntime().availableProcessors();
                out.printf(Locale.ROOT, "  plain read of the file (baseline): %.3f s = %.0f MB/s%n", plain,
                        r.bytes() / 1e6 / plain);
                out.printf(Locale.ROOT, "  first read %.0f MB/s (%.2f x the plain read), best read %.0f MB/s; %.0f MB/s"
                        + " per core (%d cores)%n", r.bytes() / 1e6 / r.seconds()[0], plain / r.seconds()[0],
                        r.bytes() / 1e6 / best, r.bytes() / 1e6 / best / cores, cores);
                for (int i = 0; i < r.seconds().length; i++) {
                    out.printf(Locale.ROOT, "  run %d: %.3f s  %.0f MB/s  %.0f frames/s  (process CPU %.3f s = %.0f MB"
                            + " per CPU-second)%n", i + 1, r.seconds()[i], r.bytes() / 1e6 / r.seconds()[i],
                            r.frames() / r.seconds()[i], r.cpuSeconds()[i], r.bytes() / 1e6 / r.cpuSeconds()[i]);
                }
                out.printf(Locale.ROOT, "  best %.0f MB/s, %.0f frames/s; median %.3f s%n", r.bytes() / 1e6 / best,
                        r.frames() / best, r.medianSeconds());
                out.printf(Locale.ROOT, "  peak heap %.1f MB, peak RSS %s, model %.1f MB = %.2f x float64 payload"
                        + " (%.1f MB)%n", r.peakHeapBytes() / 1e6,
                        r.peakRssBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MB (%.2f x payload)",
                                r.peakRssBytes() / 1e6, (double) r.peakRssBytes() / r.float64Bytes()),
                        r.modelBytes() / 1e6, (double) r.modelBytes() / r.float64Bytes(), r.float64Bytes() / 1e6);
            } catch (CalphotException e) {
                code = Math.max(code, e.exitCode());
                err.println("calphot: " + e.describe());
            }
        }
        return code;
    }
}
