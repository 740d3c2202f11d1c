// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.calphot.config.ConfigReader;
import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;
import org.calphot.core.log.LogReader;
import org.calphot.core.log.LogReaders;
import org.calphot.core.log.PhotometryLog;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calphot run} with several logs writes the same files whatever the number of threads: the run with
 * {@code threads 1} (the logs one after the other, config order) is the reference, and runs with 4 threads must
 * give every file byte for byte (provenance's time stamp aside). The first log is read slowly so that, with 4
 * threads, the others finish first: before the fix the WARNING lines of Calibration.txt, provenance's warnings,
 * the "Created these files" list and the name of a same-minute eclipse's files (the second log of the minute gets
 * {@code -2}) followed the threads' timing.
 */
@ExtendWith(FixedSourceDate.class)
class ThreadOrderTest {

    @TempDir
    Path dir;

    /** Reads the first log {@code delayMs} late: with threads it then finishes last. */
    private static LogReaders slowFirst(Path first, long delayMs) {
        LogReaders d = LogIo.defaultReaders();
        return new LogReaders() {
            @Override
            public List<LogReader> readers() {
                return d.readers();
            }

            @Override
            public LogReader choose(Path file) throws CalphotException {
                return d.choose(file);
            }

            @Override
            public PhotometryLog read(Path file, Warnings warnings) throws CalphotException {
                if (file.getFileName().equals(first.getFileName()) && delayMs > 0) {
                    try {
                        Thread.sleep(delayMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return d.read(file, warnings);
            }
        };
    }

    /**
     * Three ULTRACAM logs with NaN and bad-time frames (every log warns); logs a and b start at the same minute, so
     * their eclipses have the same file stem and one of them gets "-2".
     */
    private Path night() throws Exception {
        Path night = Files.createDirectories(dir.resolve("night"));
        String[] names = {"a", "b", "c"};
        double[] start = {60384.10, 60384.10, 60385.10};
        String config = null;
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            Path src = Files.createDirectories(dir.resolve("src-" + names[i]));
            SimulationSpec spec = SimulationSpec.defaults(Instrument.ULTRACAM).seed(300 + i).frames(1200)
                    .exposureS(3).runName("run-" + names[i]).startMjdUtc(start[i]).nanFraction(0.02)
                    .badTimeFraction(0.02).build();
            Simulator.Result r = new Simulator(TimeServices.corrector(), TimeServices.siteRegistry()).write(spec, src,
                    false, null, Warnings.IGNORE);
            Files.copy(r.log(), night.resolve(r.log().getFileName()));
            String text = Files.readString(r.config());
            String name = r.log().getFileName().toString();
            String line = text.lines().filter(l -> l.strip().startsWith(name + ":")).findFirst().orElseThrow();
            logs.append(line).append('\n');
            if (config == null) {
                config = text;
            }
        }
        String first = config.lines().filter(l -> l.strip().startsWith("run-a")).findFirst().orElseThrow();
        Files.writeString(night.resolve("calphot.yaml"), config.replace(first + "\n", logs.toString()));
        return night;
    }

    private Map<String, byte[]> run(Path night, int threads, String as) throws Exception {
        Path out = night.resolve("calphot_out");
        RunOptions o = new RunOptions(null, false, null, null, threads, "dev");
        new Pipeline(new PipelineServices(slowFirst(night.resolve("run-a.log"), threads > 1 ? 1500 : 0),
                TimeServices.corrector(), PhotometryServices.fluxCalibrator(), null, null))
                .run(new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(night.resolve("calphot.yaml")),
                        o, null, Warnings.IGNORE);
        Path kept = night.resolve(as);
        Files.move(out, kept);
        return OutputSnapshot.files(kept);
    }

    @Test
    void outputsDoNotDependOnTheNumberOfThreads() throws Exception {
        Path night = night();
        Map<String, byte[]> one = run(night, 1, "threads-1");
        String calibration = new String(one.get("Calibration.txt"), StandardCharsets.UTF_8);
        // the test means something only if several logs warn and two share a stem
        long warningLogs = Stream.of("run-a", "run-b", "run-c")
                .filter(n -> calibration.lines().anyMatch(l -> l.startsWith("WARNING: " + n))).count();
        assertTrue(warningLogs >= 2, "warnings from several logs:\n" + calibration);
        assertTrue(one.keySet().stream().anyMatch(n -> n.contains("-2_")), one.keySet().toString());
        for (int k = 0; k < 2; k++) {
            Map<String, byte[]> four = run(night, 4, "threads-4-" + k);
            assertEquals(one.keySet(), four.keySet());
            for (String n : one.keySet()) {
                if (n.equals("provenance.json")) {
                    assertEquals(OutputSnapshot.withoutTimes(one.get(n)),
                            OutputSnapshot.withoutTimes(four.get(n)), n);
                } else {
                    assertArrayEquals(one.get(n), four.get(n), () -> n + " differs with 4 threads"
                            + OutputSnapshot.diff(one.get(n), "with 1 thread", four.get(n), "with 4"));
                }
            }
        }
    }
}
