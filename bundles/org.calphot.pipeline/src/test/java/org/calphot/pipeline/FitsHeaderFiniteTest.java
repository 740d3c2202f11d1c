// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;

import org.calphot.config.ConfigReader;
import org.calphot.config.OutputFormat;
import org.calphot.core.Warnings;
import org.calphot.io.LogIo;
import org.calphot.photometry.PhotometryServices;
import org.calphot.simulator.Instrument;
import org.calphot.simulator.SimulationSpec;
import org.calphot.simulator.Simulator;
import org.calphot.time.TimeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;

/**
 * {@code calphot bench watch -n 30000 --rate 250} failed at its first whole run with "FITS headers may not contain
 * NaN or Infinite values": the night's exposures are 4 ms, and the first whole run has 2 or 3 frames per CCD; in
 * CCD 5 (the reddest band, faintest target counts at that exposure) the target's counts of those frames average
 * below zero, so the mean flux is negative and its AB magnitude (MEANMAG) is undefined (NaN). The FITS writer now
 * leaves a non-finite card out; the other outputs are as before.
 */
class FitsHeaderFiniteTest {

    @TempDir
    Path dir;

    @Test
    void aNegativeMeanFluxLeavesMeanmagOutOfTheFitsHeader() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        // bench watch's night at --rate 250: seed 7, exposures of 1/250 s
        SimulationSpec spec = SimulationSpec.defaults(Instrument.HIPERCAM).frames(300).exposureS(1.0 / 250).seed(7)
                .build();
        Simulator.Result r = new Simulator(TimeServices.corrector(), TimeServices.siteRegistry()).write(spec, src,
                false, null, Warnings.IGNORE);
        byte[] log = Files.readAllBytes(r.log());
        // the log as the first whole run of the watch saw it: the header and the first few frames (whole lines)
        int end = 20000;
        while (log[end - 1] != '\n') {
            end++;
        }
        Path night = Files.createDirectories(dir.resolve("night"));
        Files.copy(r.config(), night.resolve("calphot.yaml"));
        Files.write(night.resolve(r.log().getFileName()), Arrays.copyOf(log, end));

        RunResult run = new Pipeline(new PipelineServices(LogIo.defaultReaders(), TimeServices.corrector(),
                PhotometryServices.fluxCalibrator(), null, null)).run(
                new ConfigReader(TimeServices.siteRegistry(), Warnings.IGNORE).read(night.resolve("calphot.yaml")),
                new RunOptions(null, false, null, EnumSet.allOf(OutputFormat.class), 1, "dev"), null,
                Warnings.IGNORE);

        int withoutMag = 0;
        for (CcdResult c : run.logs().get(0).ccds()) {
            String calib = c.calibFile().getFileName().toString();
            Path fits = c.calibFile().resolveSibling(calib.replace(".calib", ".fits"));
            try (Fits f = new Fits(fits.toFile())) {
                BinaryTableHDU hdu = (BinaryTableHDU) f.getHDU(1);
                Header h = hdu.getHeader();
                // the mean flux of the CCD's calibrated frames (the table holds only the phase slice)
                double mean = Arrays.stream(c.lightcurve().fluxMjy()).average().orElseThrow();
                assertTrue(h.containsKey("MEANRAT"), calib);
                if (mean > 0) {
                    // AB: m = -2.5 log10(F / 3631 Jy), F in mJy
                    assertEquals(-2.5 * Math.log10(mean / 3631e3), h.getDoubleValue("MEANMAG"), 1e-9, calib);
                } else {
                    assertFalse(h.containsKey("MEANMAG"), calib + ": mean flux " + mean + " mJy has no magnitude");
                    withoutMag++;
                }
            }
        }
        // the case of the bench: at least one CCD's mean flux is not positive
        assertTrue(withoutMag > 0, "no CCD with a negative mean flux: the test lost its case");
    }
}
