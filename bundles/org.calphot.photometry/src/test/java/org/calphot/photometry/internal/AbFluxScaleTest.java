// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.photometry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AbFluxScaleTest {

    @Test
    void convertsWithoutOsgi() {
        AbFluxScale ab = new AbFluxScale();
        // 20 mag AB = 3631e3 * 1e-8 mJy = 0.03631 mJy (hand computed)
        assertEquals(0.03631, ab.toMilliJansky(20.0), 1e-12);
        assertEquals(20.0, ab.toMagnitude(0.03631), 1e-12);
        assertEquals("AB", ab.system());
    }
}
