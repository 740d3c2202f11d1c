// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.config.Payload;
import org.calphot.core.Warnings;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config {@code simulate} writes reads back through the config reader with the values it was given, also when
 * they hold YAML's {@code #} (a comment when plain) or {@code ": "} (a key when plain): before quoting,
 * {@code oname: V* DP Leo #2} read back as {@code V* DP Leo}.
 */
class SimulateConfigYamlTest {

    @TempDir
    Path tmp;

    @Test
    void targetNameWithHashAndColonRoundTrips() throws Exception {
        for (String name : new String[] {"V* DP Leo #2", "DP Leo: eclipse 3", "yes"}) {
            SimulationSpec spec = SimulationSpec.defaults(Instrument.ULTRACAM).seed(5).frames(20).exposureS(5)
                    .targetName(name).build();
            Path dir = Files.createTempDirectory(tmp, "sim");
            Simulator.Result r = Truth.simulator().write(spec, dir, false, null, Warnings.IGNORE);
            CalphotJob job = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(r.config());
            Payload p = job.payloads().get(0);
            assertEquals(name, p.oname(), Files.readString(r.config()));
            assertEquals(1, p.logs().size());
            assertEquals(r.log().getFileName(), p.logs().get(0).log().getFileName());
            assertEquals(3, p.logs().get(0).bandMagnitudes().size(), "one comparison-magnitude list per CCD");
        }
        // the default values keep their plain bytes
        SimulationSpec plain = SimulationSpec.defaults(Instrument.ULTRACAM).seed(5).frames(20).exposureS(5).build();
        Simulator.Result r = Truth.simulator().write(plain, tmp.resolve("plain"), false, null, Warnings.IGNORE);
        String yaml = Files.readString(r.config());
        assertTrue(yaml.contains("\n    oname: SIMCV\n") && yaml.contains("\ntarget coords: " + plain.targetCoords() + "\n"),
                yaml);
    }
}
