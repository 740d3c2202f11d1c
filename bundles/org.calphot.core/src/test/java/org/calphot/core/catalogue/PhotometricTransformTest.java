// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.junit.jupiter.api.Test;

/** Photometric-system helpers against hand-computed values from the published coefficients. */
class PhotometricTransformTest {

    @Test
    void kg5FromTheOriginalFormula() {
        // g = 15.0, r = 14.5: 15 - 0.2240 * 0.25 - 0.3590 * 0.5 + 0.0460 = 14.8105 (by hand).
        assertEquals(14.8105, PhotometricTransform.kg5(15.0, 14.5), 1e-12);
        assertEquals(14.8105, PhotometricTransform.KG5_FROM_SDSS.apply(new double[] {15.0, 14.5})[0], 1e-12);
        // dKG5/dg = 1 - 2(0.224)(0.5) - 0.359 = 0.417, dKG5/dr = 0.583; errors 0.01, 0.02:
        // sqrt((0.417*0.01)^2 + (0.583*0.02)^2) = 0.0123832 (by hand).
        double e = PhotometricTransform.KG5_FROM_SDSS.propagateErrors(new double[] {15.0, 14.5},
                new double[] {0.01, 0.02})[0];
        assertEquals(Math.hypot(0.417 * 0.01, 0.583 * 0.02), e, 1e-9);
    }

    @Test
    void primeToSdssWithTheTucker2006ColourTerms() {
        // BD+17 4708 u'g'r'i'z' = 10.560 9.640 9.350 9.250 9.230. By hand:
        // g = 9.640 + 0.060 (0.290 - 0.53) = 9.6256; r = 9.350 + 0.035 (0.100 - 0.21) = 9.34615;
        // i = 9.250 + 0.041 (0.100 - 0.21) = 9.24549; z = 9.230 - 0.030 (0.020 - 0.09) = 9.2321.
        double[] s = PhotometricTransform.PRIME_TO_SDSS.apply(new double[] {10.560, 9.640, 9.350, 9.250, 9.230});
        double[] expected = {10.560, 9.6256, 9.34615, 9.24549, 9.2321};
        for (int b = 0; b < 5; b++) {
            assertEquals(expected[b], s[b], 1e-12, "band " + b);
        }
        // At the zero-point colours the systems agree by construction.
        double[] zp = {1.39 + 0.53 + 10, 0.53 + 10, 10, 10 - 0.21, 10 - 0.21 - 0.09};
        double[] same = PhotometricTransform.PRIME_TO_SDSS.apply(zp);
        for (int b = 0; b < 5; b++) {
            assertEquals(zp[b], same[b], 1e-12);
        }
    }

    @Test
    void sdssToPrimeInvertsExactlyAndMatchesThePublishedFirstOrderInverse() {
        double[] prime = {15.301, 12.231, 11.135, 10.695, 10.364}; // SA 114 548, a red star
        double[] sdss = PhotometricTransform.PRIME_TO_SDSS.apply(prime);
        double[] back = PhotometricTransform.SDSS_TO_PRIME.apply(sdss);
        for (int b = 0; b < 5; b++) {
            assertEquals(prime[b], back[b], 1e-12, "round trip band " + b);
        }
        // Published first-order inverse (science.md 2.1): g' = g - 0.060((g-r)-0.53), ...; it puts
        // 2.5 m colours on the right, so it is off by second-order terms, for g:
        // 0.060 * (0.060 * (1.096 - 0.53) + 0.035 * (0.440 - 0.21)) = 2.5 mmag for this red star; 3 mmag bound.
        double[] f = {sdss[0], sdss[1] - 0.060 * ((sdss[1] - sdss[2]) - 0.53),
            sdss[2] - 0.035 * ((sdss[2] - sdss[3]) - 0.21), sdss[3] - 0.041 * ((sdss[2] - sdss[3]) - 0.21),
            sdss[4] + 0.030 * ((sdss[3] - sdss[4]) - 0.09)};
        for (int b = 0; b < 5; b++) {
            assertEquals(f[b], back[b], 3e-3, "first-order inverse band " + b);
        }
    }

    @Test
    void missingBandsOnlySpoilTheOutputsThatUseThem() {
        double[] s = PhotometricTransform.PRIME_TO_SDSS.apply(new double[] {Double.NaN, 9.640, 9.350, 9.250, 9.230});
        assertTrue(Double.isNaN(s[0]));
        assertEquals(9.6256, s[1], 1e-12);
        double[] e = PhotometricTransform.PRIME_TO_SDSS.propagateErrors(new double[] {Double.NaN, 9.64, 9.35, 9.25,
            9.23}, new double[] {Double.NaN, 0.01, 0.01, 0.01, 0.01});
        // g = 1.06 g' - 0.06 r': sqrt(1.06^2 + 0.06^2) * 0.01.
        assertEquals(Math.hypot(1.06, 0.06) * 0.01, e[1], 1e-9);
    }

    @Test
    void sdssAbOffsets() {
        double[] ab = PhotometricTransform.SDSS_TO_AB.apply(new double[] {18, 17, 16, 15, 14});
        assertEquals(17.96, ab[0], 1e-12);
        assertEquals(17, ab[1], 0);
        assertEquals(14.02, ab[4], 1e-12);
        assertEquals(PhotometricTransform.SDSS_TO_AB, PhotometricTransform.byId("sdss-ab-offsets"));
    }

    @Test
    void skyPositions() throws Exception {
        assertEquals(-(2 / 60.0 + 56.3 / 3600), SkyCoordinates.parse("20:23:04.5 -00:02:56.3", Location.NONE)
                .decDeg(), 1e-12);
        SkyCoordinates.Position p = SkyCoordinates.parse("22 41 36.83 +00 59 05.7", Location.NONE);
        assertEquals(340.40345833333333, p.raDeg(), 1e-12);
        assertEquals(p, SkyCoordinates.parse("22h41m36.83s +00d59m05.7s", Location.NONE));
        assertEquals(145.0, SkyCoordinates.parse("145 34", Location.NONE).raDeg(), 0);
        for (String bad : new String[] {"24:00:01 +00:00:00", "12:60:00 +00:00:00", "12:00:00 +91:00:00",
            "361 0", "12 abc", "1 2 3", "", "+12:00:00 +1:00:00"}) {
            assertThrows(BadInputException.class, () -> SkyCoordinates.parse(bad, Location.NONE), bad);
        }
        // One arcsecond in Dec and 1 s of RA at the equator (15").
        assertEquals(1.0, SkyCoordinates.separationArcsec(10, 0, 10, 1 / 3600.0), 1e-9);
        assertEquals(15.0, SkyCoordinates.separationArcsec(0, 0, 15 / 3600.0, 0), 1e-9);
    }
}
