package org.calphot.io.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared reference data (fails, never skips, when it is missing). */
final class TestFiles {

    private TestFiles() {
    }

    static Path shared() {
        Path p = Path.of(System.getProperty("calphot.shared", "../../../shared"));
        assertTrue(Files.isDirectory(p.resolve("data/reference/logs")), "shared reference data not found at "
                + p.toAbsolutePath() + " (set -Dcalphot.shared)");
        return p;
    }

    static Path dpleo(String roman) {
        return shared().resolve("data/reference/logs/hipercam_ultraspec_dpleo_2015-03-19/2015_03_19_dpleo_run032_normal_gaussian_"
                + roman + ".log");
    }

    static Path asassn(String night) {
        return shared().resolve("data/reference/logs/hipercam_ultracam_asassn16kr_2018-10/" + night + ".log");
    }
}
