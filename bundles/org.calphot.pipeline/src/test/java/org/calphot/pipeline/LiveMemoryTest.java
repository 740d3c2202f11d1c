// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

import org.calphot.config.ConfigReader;
import org.calphot.core.Warnings;
import org.calphot.core.log.PhotometryLog;
import org.calphot.io.GrowingLog;
import org.calphot.io.LogFollower;
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
 * What a long night costs the live mode: the follower keeps only the columns a whole run reads, and a session
 * that does not keep rows ({@code calphot watch}) still ends byte-identical to {@code calphot run}.
 */
@ExtendWith(FixedSourceDate.class)
class LiveMemoryTest {

    @TempDir
    Path dir;

    private static PipelineServices services() {
        return new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), null, null);
    }

    private Simulator.Result simulate() throws Exception {
        SimulationSpec spec = SimulationSpec.defaults(Instrument.HIPERCAM).seed(2024).frames(600).exposureS(5)
                .build();
        return new Simulator(TimeServices.corrector(), TimeServices.siteRegistry()).write(spec,
                Files.createDirectories(dir.resolve("src")), false, null, Warnings.IGNORE);
    }

    @Test
    void theFollowerKeepsOnlyTheColumnsARunReads() throws Exception {
        Simulator.Result r = simulate();
        PhotometryLog whole = LogIo.defaultReaders().read(r.log(), Warnings.IGNORE);
        LogFollower all = new LogFollower(r.log(), LogIo.defaultReaders());
        LogFollower kept = new LogFollower(r.log(), LogIo.defaultReaders()).keepOnly(LiveSession.FRAME_COLUMNS,
                LiveSession.APERTURE_COLUMNS);
        all.poll(Warnings.IGNORE);
        kept.poll(Warnings.IGNORE);
        GrowingLog a = all.log();
        GrowingLog k = kept.log();
        assertEquals(whole.frames(), k.frames());
        // by hand: per CCD and frame at most 4 frame columns and 3 columns per aperture, 8 bytes each at most,
        // and the arrays at most twice the data (they grow by doubling)
        long bound = 0;
        for (var c : whole.ccds()) {
            bound += 2L * c.rows() * 8 * (4 + 3 * c.apertureLabels().size());
        }
        assertTrue(k.storageBytes() <= bound, k.storageBytes() + " > " + bound);
        assertTrue(k.storageBytes() * 2 < a.storageBytes(), k.storageBytes() + " vs every column " + a.storageBytes());
        // the columns kept are equal to a whole read's
        PhotometryLog snap = k.snapshot();
        for (var c : whole.ccds()) {
            var s = snap.ccd(c.ccd());
            assertArrayEquals(c.mjdUtc(), s.mjdUtc());
            for (String l : c.apertureLabels()) {
                for (int i = 0; i < c.rows(); i++) {
                    assertEquals(c.aperture(l).counts().value(i), s.aperture(l).counts().value(i));
                    assertEquals(c.aperture(l).countsError().value(i), s.aperture(l).countsError().value(i));
                    assertEquals(c.aperture(l).flags().value(i), s.aperture(l).flags().value(i));
                }
            }
        }
        all.close();
        kept.close();
    }

    @Test
    void aSessionWithoutRowsEndsEqualToCalphotRun() throws Exception {
        Simulator.Result r = simulate();
        byte[] log = Files.readAllBytes(r.log());
        Path night = Files.createDirectories(dir.resolve("night"));
        Files.copy(r.config(), night.resolve("calphot.yaml"));
        Path watched = night.resolve(r.log().getFileName());
        Files.write(watched, new byte[0]);
        var job = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(night.resolve("calphot.yaml"));
        int written = 0;
        try (LiveSession live = new LiveSession(services(), job, RunOptions.defaults(), 0, Warnings.IGNORE)
                .keepRows(false)) {
            for (int step = 1; step <= 6; step++) {
                int cut = step == 6 ? log.length : step * log.length / 6 + 17; // most steps end inside a line
                Files.write(watched, Arrays.copyOfRange(log, written, cut), StandardOpenOption.APPEND);
                written = cut;
                LiveSession.Step s = live.step();
                if (live.result() != null) {
                    for (CcdResult c : live.result().logs().get(0).ccds()) {
                        assertTrue(c.lightcurve().size() <= 1, "one row kept per CCD");
                    }
                    assertTrue(Double.isFinite(s.logs().get(0).lastFlux()[0]), s.logs().toString());
                }
            }
            live.finish();
        }
        Path out = night.resolve("calphot_out");
        Path kept = night.resolve("watched_out");
        Files.move(out, kept);
        new Pipeline(services()).run(job, RunOptions.defaults(), null, Warnings.IGNORE);
        Map<String, byte[]> want = OutputSnapshot.files(out);
        Map<String, byte[]> got = OutputSnapshot.files(kept);
        assertEquals(want.keySet(), got.keySet());
        for (String n : want.keySet()) {
            if (n.equals("provenance.json")) {
                assertEquals(OutputSnapshot.withoutTimes(want.get(n)), OutputSnapshot.withoutTimes(got.get(n)));
            } else {
                assertArrayEquals(want.get(n), got.get(n), n);
            }
        }
    }
}
