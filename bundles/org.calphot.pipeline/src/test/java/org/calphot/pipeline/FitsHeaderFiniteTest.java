// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;

import org.calphot.config.ConfigReader;
import org.calphot.config.OutputFormat;
import org.calphot.core.Warnings;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitsHeaderFiniteTest {

    @TempDir
    Path dir;

    @Test
    void explore() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        SimulationSpec spec = SimulationSpec.defaults(Instrument.HIPERCAM).frames(3000).exposureS(1.0 / 250).seed(7)
                .build();
        Simulator.Result r = new Simulator(TimeServices.corrector(), TimeServices.siteRegistry()).write(spec, src,
                false, null, Warnings.IGNORE);
        byte[] log = Files.readAllBytes(r.log());
        int[] cuts = {2000, 5000, 20000, 60000, 200000, log.length};
        for (int cut : cuts) {
            Path night = Files.createDirectories(dir.resolve("n" + cut));
            Files.copy(r.config(), night.resolve("calphot.yaml"));
            int end = cut;
            while (end < log.length && log[end - 1] != '\n') {
                end++;
            }
            Files.write(night.resolve(r.log().getFileName()), Arrays.copyOf(log, end));
            try {
                new Pipeline(LiveSessionTest.services(false)).run(
                        new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(night.resolve("calphot.yaml")),
                        new RunOptions(null, false, null, EnumSet.allOf(OutputFormat.class), 1, "dev"), null,
                        Warnings.IGNORE);
                System.out.println("cut " + cut + ": ok");
            } catch (Exception e) {
                System.out.println("cut " + cut + ": " + e);
                e.printStackTrace(System.out);
            }
        }
    }
}
