// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import org.calphot.testing.ReferenceData;
import java.nio.file.Path;

/** The real logs of the unlicensed reference data: tests that need them skip without it (fail in CI). */
final class TestFiles {

    private TestFiles() {
    }

    static Path dpleo(String roman) {
        return ReferenceData.unlicensed("logs/hipercam_ultraspec_dpleo_2015-03-19/2015_03_19_dpleo_run032_normal_gaussian_"
                + roman + ".log");
    }

    static Path asassn(String night) {
        return ReferenceData.unlicensed("logs/hipercam_ultracam_asassn16kr_2018-10/" + night + ".log");
    }
}
