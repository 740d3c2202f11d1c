// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.calphot.config.CalphotJob;
import org.calphot.config.ConfigReader;
import org.calphot.core.Warnings;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mask points}: the demo run twice, without and with a mask; the masked lightcurve files must be the
 * unmasked ones less exactly the masked rows (the reference is the unmasked run's own file, row by row), the other
 * bands unchanged, and the masked frames listed in provenance and Calibration.txt.
 */
class MaskPointsTest {

    static final Path DEMO = Path.of("../../examples/demo").toAbsolutePath().normalize();

    static PipelineServices services() {
        return new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), null, RunFigures.standard());
    }

    private static List<String> rows(Path calib) throws Exception {
        return Files.readAllLines(calib).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    private static Path only(Path dir, String suffix) throws Exception {
        try (var s = Files.list(dir.resolve("MCMC_LIGHTCURVES"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }

    private static RunResult run(Path dir, String extra) throws Exception {
        Files.createDirectories(dir);
        Files.copy(DEMO.resolve("run001.log"), dir.resolve("run001.log"));
        Files.writeString(dir.resolve("calphot.yaml"), Files.readString(DEMO.resolve("calphot.yaml"))
                + extra);
        CalphotJob job = new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(dir.resolve("calphot.yaml"));
        return new Pipeline(services()).run(job, RunOptions.defaults(), null, Warnings.IGNORE);
    }

    @Test
    void maskedFramesLeaveEveryOutputAndAreRecorded(@TempDir Path tmp) throws Exception {
        RunResult plain = run(tmp.resolve("plain"), "");
        Path gCsv = only(plain.outputDir(), "_g.csv");
        List<String> csv = rows(gCsv);
        // five consecutive g frames in mid-eclipse-ish region (rows 1.. are data after the CSV header line)
        double from = Double.parseDouble(csv.get(201).split(",")[0]);
        double to = Double.parseDouble(csv.get(205).split(",")[0]);
        String mask = String.format(Locale.ROOT, "mask points:\n  run001.log:\n"
                + "    - {ccd: 2, bmjd: [%.9f, %.9f]}\n    - {ccd: 4, frames: [250]}\n", from - 1e-6, to + 1e-6);
        RunResult masked = run(tmp.resolve("masked"), mask);

        List<String> g0 = rows(only(plain.outputDir(), "_g.calib"));
        List<String> g1 = rows(only(masked.outputDir(), "_g.calib"));
        // CSV data rows 201..205 are .calib rows 200..204 (the CSV has a column-name line)
        List<String> expected = new ArrayList<>(g0);
        expected.subList(200, 205).clear();
        assertEquals(expected, g1, "the masked g lightcurve is the plain one less the five masked rows");
        assertEquals(rows(only(plain.outputDir(), "_u.calib")), rows(only(masked.outputDir(), "_u.calib")));
        assertEquals(rows(only(plain.outputDir(), "_i.calib")).size() - 1,
                rows(only(masked.outputDir(), "_i.calib")).size(), "frame 250 of CCD 4 (i) masked");
        assertEquals(csv.size() - 5, rows(only(masked.outputDir(), "_g.csv")).size());

        String prov = Files.readString(masked.outputDir().resolve("provenance.json"));
        assertTrue(prov.contains("\"mask_points\""), prov);
        assertTrue(prov.replaceAll("\\s", "").contains("\"masked_frames\":[250]"), prov);
        String cal = Files.readString(masked.outputDir().resolve("Calibration.txt"));
        assertTrue(cal.contains("5 frames masked by 'mask points'"), cal);
        assertTrue(cal.contains("1 frames masked by 'mask points': [250]"), cal);
    }
}
