// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.calphot.core.Warnings;
import org.calphot.testing.ReferenceData;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small simulated logs committed in {@code org.calphot.testing/data/fixtures} (one per log-format era, read by
 * the io tests so a clone without the real logs still tests every reader path) are exactly what the simulator writes
 * for their specs: regenerated here byte for byte. {@code -Dcalphot.fixtures.update=true} rewrites them.
 */
class FixturesTest {

    /** Folder name, spec. Raised bad-point rates so every kind of bad value occurs in a short run. */
    static List<Object[]> fixtures() throws Exception {
        return List.of(
            new Object[] {"hipercam-nan", SimulationSpec.defaults(Instrument.HIPERCAM).format(LogFormat.HIPERCAM)
                .frames(40).seed(1601).runName("run001").nanFraction(0.03).junkFraction(0.05).badTimeFraction(0.05)
                .build()},
            new Object[] {"ultracam-sentinel", SimulationSpec.defaults(Instrument.ULTRACAM)
                .format(LogFormat.HIPERCAM_OLD).frames(45).seed(1602).runName("run002").nanFraction(0.03)
                .junkFraction(0.05).badTimeFraction(0.05).build()},
            new Object[] {"ultraspec-nan", SimulationSpec.defaults(Instrument.ULTRASPEC).format(LogFormat.HIPERCAM)
                .frames(40).seed(1603).runName("run003").nanFraction(0.03).junkFraction(0.05).badTimeFraction(0.05)
                .build()},
            new Object[] {"ultracam-ulog", SimulationSpec.defaults(Instrument.ULTRACAM).format(LogFormat.ULOG)
                .frames(45).seed(1604).runName("run004").nanFraction(0.03).junkFraction(0.05).badTimeFraction(0.05)
                .build()},
            // as on real ULTRACAM nights with 2/2/3 apertures: one comparison on the r and g CCDs, two on u
            new Object[] {"ultracam-apertures-223", SimulationSpec.defaults(Instrument.ULTRACAM)
                .format(LogFormat.HIPERCAM).frames(45).seed(1605).runName("run005").compMags(new double[][] {
                    {14.731}, {15.102}, {16.214, 17.953}}).nanFraction(0.03).junkFraction(0.05)
                .badTimeFraction(0.05).build()},
            new Object[] {"ultracam-ulog-nsat", SimulationSpec.defaults(Instrument.ULTRACAM)
                .format(LogFormat.ULOG_NSAT).frames(45).seed(1606).runName("run006").nanFraction(0.03)
                .junkFraction(0.05).badTimeFraction(0.05).build()},
            new Object[] {"ultracam-0.17", SimulationSpec.defaults(Instrument.ULTRACAM)
                .format(LogFormat.HIPERCAM_017).frames(45).seed(1607).runName("run007").nanFraction(0.03)
                .junkFraction(0.05).badTimeFraction(0.05).build()});
    }

    @TempDir
    Path tmp;

    @Test
    void committedFixturesAreWhatTheSimulatorWrites() throws Exception {
        boolean update = Boolean.getBoolean("calphot.fixtures.update");
        Path committed = ReferenceData.committedFolder().resolve("fixtures");
        Simulator sim = new Simulator(TimeServices.siteRegistry());
        for (Object[] f : fixtures()) {
            String name = (String) f[0];
            SimulationSpec spec = (SimulationSpec) f[1];
            Path out = update ? committed.resolve(name) : tmp.resolve(name);
            Simulator.Result r = sim.write(spec, out, true, null, Warnings.IGNORE);
            if (update) {
                Files.deleteIfExists(r.config());
                continue;
            }
            for (Path p : new Path[] {r.log(), r.truthCsv()}) {
                Path c = ReferenceData.committed("fixtures/" + name + "/" + p.getFileName());
                assertArrayEquals(Files.readAllBytes(c), Files.readAllBytes(p), name + "/" + p.getFileName()
                        + " differs from what the simulator writes now (regenerate with -Dcalphot.fixtures.update=true)");
            }
        }
    }
}
