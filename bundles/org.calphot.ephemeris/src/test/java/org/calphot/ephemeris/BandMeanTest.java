// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ephemeris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The weighted mean of per-band eclipse times against sums worked by hand (in the comments). */
class BandMeanTest {

    static final double DAY = 86400;
    static final double T = 57100.649468;

    @Test
    void agreeingBands() {
        // t = T + (0, 2, 4) s, sigma = (1, 1, 2) s: w = (1, 1, 1/4), sum w = 9/4, sum w t = 3 s -> mean T + 4/3 s,
        // sigma_mean = 2/3 s; chi2 = (4/3)^2 + (2/3)^2 + (8/3)^2 / 4 = 16/9 + 4/9 + 16/9 = 4, Birge sqrt(4/2) = 1.414
        // -> error 0.9428 s; the u band's residual 8/3 s over sqrt(4 - 4/9) = 1.886 s is 1.41 sigma: no warning
        BandMean m = BandMean.of(new String[] {"r", "g", "u"}, new double[] {T, T + 2 / DAY, T + 4 / DAY},
                new double[] {1 / DAY, 1 / DAY, 2 / DAY});
        assertEquals(4.0 / 3, (m.midBmjdTdb() - T) * DAY, 1e-4); // 1e-4 s: the rounding of a BMJD in a double is 1 us
        assertEquals(Math.sqrt(2) * 2 / 3, m.error() * DAY, 1e-6);
        assertEquals(4.0, m.chi2(), 1e-6);
        assertEquals(2.0, m.reducedChi2(), 1e-6);
        assertNull(m.warning());
    }

    @Test
    void disagreeingBandsWarnAndScaleTheError() {
        // (0, 10) s, both 1 s: mean 5 s, sigma_mean 0.7071 s; residuals 5 s over sqrt(1 - 1/2) = 7.07 sigma each;
        // chi2 = 50 for 2 bands, Birge 7.07 -> error 5 s
        BandMean m = BandMean.of(new String[] {"g", "u"}, new double[] {T, T + 10 / DAY},
                new double[] {1 / DAY, 1 / DAY});
        assertEquals(5.0, (m.midBmjdTdb() - T) * DAY, 1e-4);
        assertEquals(5.0, m.error() * DAY, 1e-6);
        assertTrue(m.warning() != null && m.warning().contains("g by -7.1 sigma") && m.warning().contains("u by +7.1"),
                m.warning());
    }

    @Test
    void oneBandIsItself() {
        BandMean m = BandMean.of(new String[] {"r"}, new double[] {T}, new double[] {1 / DAY});
        assertEquals(T, m.midBmjdTdb(), 0);
        assertEquals(1.0, m.error() * DAY, 1e-6);
        assertTrue(Double.isNaN(m.reducedChi2()));
        assertNull(m.warning());
        assertThrows(IllegalArgumentException.class, () -> BandMean.of(new String[] {"r"}, new double[] {T},
                new double[] {0}));
    }
}
