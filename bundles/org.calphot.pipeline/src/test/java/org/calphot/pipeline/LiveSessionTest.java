// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.Warnings;
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
 * The live mode end to end: a simulated HiPERCAM night (5 CCDs) is written into the watched log in steps,
 * one of them ending in the middle of a line. After every step the rows of every lightcurve file the watch
 * appended must equal those {@code calphot run} writes for the log as it is at that moment (the cut line
 * left out by both); at the end, after {@link LiveSession#finish()}, every output file must be
 * byte-identical to {@code calphot run} on the finished log, apart from provenance.json's time stamp and
 * elapsed time. The reference is the batch pipeline the issue asks the live mode to agree with.
 */
@ExtendWith(FixedSourceDate.class)
class LiveSessionTest {

    @TempDir
    Path dir;

    static PipelineServices services(boolean figures) {
        return new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), null, figures ? RunFigures.standard() : null);
    }

    /** The complete simulated log and its config (the demo's night: 500 frames of 10 s, eclipse mid-way). */
    private Path simulate(Path where) throws Exception {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.HIPERCAM).seed(2024).frames(500).exposureS(10)
                .cloudDepthMag(0.3).build();
        Simulator.Result r = new Simulator(TimeServices.corrector(), TimeServices.siteRegistry()).write(spec, where,
                false, null, Warnings.IGNORE);
        return r.log();
    }

    private static CalphotJob job(Path config) throws Exception {
        return new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(config);
    }

    /** Cut points: header only, a few frames, a cut line, ..., the whole file. */
    private static long[] cuts(byte[] log) {
        int firstData = 0;
        while (log[firstData] == '#') {
            firstData = indexOf(log, '\n', firstData) + 1;
        }
        int n = log.length;
        int mid = indexOf(log, '\n', n / 3) + 40; // 40 bytes into a line: a cut line
        return new long[] {firstData - 10, firstData, indexOf(log, '\n', firstData + 3000) + 1, mid,
            indexOf(log, '\n', mid) + 1, indexOf(log, '\n', n / 2) + 1, indexOf(log, '\n', 3 * n / 4) + 1, n};
    }

    @Test
    void watchedOutputsFollowTheLogAndEndEqualToCalphotRun() throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Path full = simulate(src);
        byte[] log = Files.readAllBytes(full);
        Path night = dir.resolve("night");
        Files.createDirectories(night);
        Files.copy(src.resolve("calphot.yaml"), night.resolve("calphot.yaml"));
        Path watchedLog = night.resolve(full.getFileName());
        Files.write(watchedLog, new byte[0]);
        CalphotJob job = job(night.resolve("calphot.yaml"));

        List<String> rewrites = new ArrayList<>();
        long written = 0;
        try (LiveSession live = new LiveSession(services(true), job, RunOptions.defaults(), 1e9, Warnings.IGNORE)) {
            for (long cut : cuts(log)) {
                Files.write(watchedLog, Arrays.copyOfRange(log, (int) written, (int) cut), StandardOpenOption.APPEND);
                written = cut;
                LiveSession.Step s = live.step();
                if (s.rewritten() != null) {
                    rewrites.add(s.rewritten());
                }
                if (live.result() == null) {
                    assertTrue(s.notes().get(0).startsWith("waiting for data"), s.notes().toString());
                    continue;
                }
                // the reference: calphot run on a copy of the log as it is now
                Path ref = dir.resolve("ref-" + cut);
                Files.createDirectories(ref);
                Files.copy(night.resolve("calphot.yaml"), ref.resolve("calphot.yaml"));
                Files.write(ref.resolve(full.getFileName()), Arrays.copyOf(log, (int) cut));
                RunResult batch = new Pipeline(services(false)).run(job(ref.resolve("calphot.yaml")),
                        RunOptions.defaults(), null, Warnings.IGNORE);
                Path liveLc = live.result().outputDir().resolve(Pipeline.LIGHTCURVE_FOLDER);
                Path refLc = batch.outputDir().resolve(Pipeline.LIGHTCURVE_FOLDER);
                List<String> names = lightcurves(refLc);
                assertEquals(15, names.size(), "5 bands x calib, csv, lcurve: " + names);
                assertEquals(names, lightcurves(liveLc), "same files (names follow the eclipse) at byte " + cut);
                for (String n : names) {
                    assertEquals(rows(refLc.resolve(n)), rows(liveLc.resolve(n)), n + " rows at byte " + cut);
                }
                // the status: frames read and the last flux of each band are those of the reference
                LiveSession.LogStatus st = s.logs().get(0);
                assertEquals(batch.logs().get(0).ccds().get(0).lightcurve().size() > 0, st.frames() > 0);
                assertEquals(batch.logs().get(0).cycle(), st.cycle());
            }
            RunResult fin = live.finish();
            assertNotNull(fin);
        }
        assertFalse(rewrites.isEmpty());
        assertEquals("first frames", rewrites.get(0));

        // the end: byte-identical to calphot run on the finished log in the same folder
        Path out = night.resolve("calphot_out");
        Path kept = night.resolve("watched_out");
        Files.move(out, kept);
        new Pipeline(services(true)).run(job, RunOptions.defaults(), null, Warnings.IGNORE);
        Map<String, byte[]> want = OutputSnapshot.files(out);
        Map<String, byte[]> got = OutputSnapshot.files(kept);
        assertEquals(want.keySet(), got.keySet(), "the same files, no stale ones");
        assertTrue(want.keySet().stream().anyMatch(n -> n.endsWith(".png")), want.keySet().toString());
        assertSameOutputs(want, got);
    }

    @Test
    void aReplacedLogIsFollowedFromItsStart() throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        byte[] log = Files.readAllBytes(simulate(src));
        Path night = dir.resolve("night");
        Files.createDirectories(night);
        Files.copy(src.resolve("calphot.yaml"), night.resolve("calphot.yaml"));
        Path watched = night.resolve("run001.log");
        long[] cuts = cuts(log);
        Files.write(watched, Arrays.copyOf(log, (int) cuts[5]));
        CalphotJob job = job(night.resolve("calphot.yaml"));
        try (LiveSession live = new LiveSession(services(false), job, RunOptions.defaults(), 1e9, Warnings.IGNORE)) {
            LiveSession.Step s = live.step();
            assertEquals("first frames", s.rewritten());
            int before = s.logs().get(0).frames();
            // a new run under the same name: shorter than what was read
            Files.write(watched, Arrays.copyOf(log, (int) cuts[2]));
            s = live.step();
            assertNotNull(s.rewritten(), s.notes().toString());
            assertTrue(s.notes().get(0).contains("truncated or replaced"), s.notes().toString());
            assertTrue(s.logs().get(0).frames() < before);
            // then it grows again and ends equal to calphot run
            Files.write(watched, Arrays.copyOfRange(log, (int) cuts[2], log.length), StandardOpenOption.APPEND);
            s = live.step();
            assertFalse(s.notes().stream().anyMatch(n -> n.contains("truncated")), s.notes().toString());
            live.finish();
        }
        Path out = night.resolve("calphot_out");
        Path kept = night.resolve("watched_out");
        Files.move(out, kept);
        new Pipeline(services(false)).run(job, RunOptions.defaults(), null, Warnings.IGNORE);
        Map<String, byte[]> want = OutputSnapshot.files(out);
        Map<String, byte[]> got = OutputSnapshot.files(kept);
        assertEquals(want.keySet(), got.keySet());
        assertSameOutputs(want, got);
    }

    /**
     * Every output file equal to calphot run's, byte for byte, except the time stamps a run writes: provenance's
     * creation time and elapsed seconds (SOURCE_DATE_EPOCH fixes the dates in PDF and FITS). The failure message names the file
     * and, for text, the differing lines, never the whole (binary) file.
     */
    private static void assertSameOutputs(Map<String, byte[]> want, Map<String, byte[]> got) {
        for (String n : want.keySet()) {
            if (n.equals("provenance.json")) {
                assertEquals(OutputSnapshot.withoutTimes(want.get(n)), OutputSnapshot.withoutTimes(got.get(n)), n);
            } else if (n.endsWith(".png") || n.endsWith(".pdf") || n.endsWith(".fits")) {
                assertArrayEquals(want.get(n), got.get(n), () -> n + " differs from calphot run");
            } else {
                assertArrayEquals(want.get(n), got.get(n), () -> n + " differs from calphot run"
                        + OutputSnapshot.diff(want.get(n), "in calphot run", got.get(n), "in watch"));
            }
        }
    }

    private static List<String> lightcurves(Path lc) throws IOException {
        try (Stream<Path> s = Files.list(lc)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".calib") || n.endsWith(".csv") || n.endsWith(".lcurve")).sorted()
                    .toList();
        }
    }

    /** Data rows: every line that is not a comment, nor the CSV's column line. */
    private static List<String> rows(Path f) throws IOException {
        return Files.readAllLines(f).stream().filter(l -> !l.startsWith("#") && !l.startsWith("bmjd_tdb,")).toList();
    }

    private static int indexOf(byte[] b, char c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return b.length - 1;
    }
}
