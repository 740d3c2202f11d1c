// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.Warnings;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled demo runs clean: its comparison magnitudes carry errors (no "have no errors" warning per CCD), and
 * the one warning left, its 2024 times beyond the bundled Earth-orientation table (to 2022-11-29), is said once
 * with what it means for the result in microseconds.
 */
class DemoWarningsTest {

    @Test
    void theDemoWarnsOnceAndOnlyAboutTheEarthOrientationTable(@TempDir Path tmp) throws Exception {
        Files.copy(MaskPointsTest.DEMO.resolve("run001.log"), tmp.resolve("run001.log"));
        Files.copy(MaskPointsTest.DEMO.resolve("calphot.yaml"), tmp.resolve("calphot.yaml"));
        List<String> warnings = new ArrayList<>();
        Warnings w = (where, message) -> warnings.add(message);
        CalphotJob job = new ConfigReader(TimeServices.siteRegistry(), w).read(tmp.resolve("calphot.yaml"));
        RunResult r = new Pipeline(MaskPointsTest.services()).run(job, RunOptions.defaults(), null, w);
        assertFalse(warnings.stream().anyMatch(s -> s.contains("no errors")), warnings.toString());
        assertEquals(1, warnings.size(), "one warning, said once: " + warnings);
        String eop = warnings.get(0);
        assertTrue(eop.contains("Earth-orientation"), eop);
        // |UT1-UTC| < 0.9 s turns the site by < 0.42 km: < 1.4 us of light time (worked in SofaTimeCorrector)
        Matcher m = Pattern.compile("at most ([0-9.]+) us").matcher(eop);
        assertTrue(m.find(), eop);
        assertTrue(Double.parseDouble(m.group(1)) <= 1.5, eop);
        // and Calibration.txt does not report the comparison magnitudes as error-free
        String cal = Files.readString(r.outputDir().resolve("Calibration.txt"));
        assertFalse(cal.contains("no errors"), cal);
    }
}
