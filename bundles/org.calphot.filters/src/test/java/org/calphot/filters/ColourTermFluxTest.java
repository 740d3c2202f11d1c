// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;

import org.calphot.core.filters.ColourTermCoefficient;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.photometry.AbMagnitudes;
import org.junit.jupiter.api.Test;

/**
 * A simulated night: a comparison star of known SDSS magnitudes and colour, a target of known flux in the
 * instrument's band, counts from both. Calibrating the target on the comparison with the filter system's colour
 * term gives the true flux; without it (the comparison's SDSS magnitude taken as its magnitude in the band, what
 * calphot does today for super-SDSS filters) the flux is off by exactly 10^(0.4 (offset + c * colour)).
 */
class ColourTermFluxTest {

    @Test
    void colourTermChangesTheCalibratedFluxByTheExpectedAmount() throws Exception {
        FilterSystem hcam = CamFilterSystems.hipercamSuper();
        ColourTermCoefficient gs = hcam.colourTerm("gs", null).orElseThrow();
        // a K star: g - r = 0.80
        Map<String, Double> comp = Map.of("u", 17.90, "g", 15.00, "r", 14.20, "i", 13.95, "z", 13.85);
        double colour = comp.get("g") - comp.get("r");
        // the simulator's truth: the comparison's AB magnitude in gs follows the system's own relation
        double compTrue = comp.get("g") - gs.offset() - gs.coefficient() * colour;
        double targetTrueMJy = 0.42;
        double zp = 26.1; // mag of 1 count/s: cancels in the ratio
        double compCounts = Math.pow(10, -0.4 * (compTrue - zp));
        double targetCounts = Math.pow(10, -0.4 * (AbMagnitudes.fromMilliJansky(targetTrueMJy) - zp));

        double withTerm = AbMagnitudes.toMilliJansky(hcam.magnitude("gs", comp, null)) * targetCounts / compCounts;
        double without = AbMagnitudes.toMilliJansky(comp.get("g")) * targetCounts / compCounts;

        assertEquals(targetTrueMJy, withTerm, 1e-12 * targetTrueMJy);
        // c = 0.0527, offset = 0.0099: 0.0521 mag, i.e. 4.9 % too faint without the term
        double expectedRatio = Math.pow(10, 0.4 * (gs.offset() + gs.coefficient() * colour));
        assertEquals(expectedRatio, withTerm / without, 1e-12);
        assertEquals(1.0491, withTerm / without, 5e-5);
        System.out.printf("gs colour term at g-r = %.2f: calibrated flux x %.5f (%.4f mag)%n", colour,
                withTerm / without, 2.5 * Math.log10(withTerm / without));
    }

    @Test
    void ultracamGivesDifferentFluxesEitherSideOfTheOpticsChange() throws Exception {
        FilterSystem ucam = CamFilterSystems.ultracamRegular();
        Map<String, Double> comp = Map.of("g", 16.0, "r", 15.0, "z", 14.5, "i", 14.7, "u", 18.2);
        double before = ucam.magnitude("z", comp, LocalDate.of(2019, 9, 23));
        double after = ucam.magnitude("z", comp, LocalDate.of(2019, 9, 24));
        // i - z = 0.2: -(0.1340 - 0.1250) * 0.2 - (-0.0093 + 0.0086) = -0.0011 mag (brighter after the change)
        assertEquals(-(0.1340 - 0.1250) * 0.2 - (-0.0093 + 0.0086), after - before, 1e-12);
    }

    @Test
    void kg5UsesCalPhotsQuadratic() throws Exception {
        double m = CamFilterSystems.ultraspec().magnitude("kg5", Map.of("g", 15.0, "r", 14.5), null);
        assertEquals(15.0 - 0.224 * 0.25 - 0.359 * 0.5 + 0.046, m, 1e-12);
    }
}
