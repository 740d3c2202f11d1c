// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.photometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AbMagnitudesTest {

    @Test
    void zeroPointAndRoundTrip() {
        // m = 0 is 3631 Jy by definition; m = 16.4 is 3631e3 * 10^-6.56 = 1.0000 mJy (hand computed:
        // 10^-6.56 = 2.75423e-7, times 3.631e6 = 1.0000604).
        assertEquals(3.631e6, AbMagnitudes.toMilliJansky(0.0), 1e-6);
        assertEquals(1.0000604, AbMagnitudes.toMilliJansky(16.4), 1e-6);
        assertEquals(17.3, AbMagnitudes.fromMilliJansky(AbMagnitudes.toMilliJansky(17.3)), 1e-12);
        // dm = 0.01 mag is 0.921 % in flux (0.4 ln 10 = 0.92103)
        assertEquals(0.0092103, AbMagnitudes.fluxErrorMilliJansky(16.4, 0.01) / AbMagnitudes.toMilliJansky(16.4), 1e-7);
    }
}
