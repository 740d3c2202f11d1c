// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.calphot.core.filters.Band;
import org.calphot.core.filters.ColourTermCoefficient;
import org.calphot.core.filters.FilterSystem;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * Recomputes every number of {@link CamFilterSystems} from its sources: the Gaia-SPSS tables shipped in
 * org.calphot.catalogue.standards and the filter profiles committed in org.calphot.testing/data (MIT, pyclurve).
 */
class ColourTermsTest {

    static Path profiles() {
        return ReferenceData.committed("filters/pyclurve_system_profiles");
    }

    static final Path SPSS = Path.of("../org.calphot.catalogue.standards/src/main/resources/org/calphot/catalogue/"
            + "standards/internal/data");

    /** name -> column -> value of one hcam_obsutils table. */
    static Map<String, Map<String, Double>> table(String file) throws Exception {
        List<String> lines = Files.readAllLines(SPSS.resolve(file));
        String[] h = lines.get(0).split(",");
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (String s : lines.subList(1, lines.size())) {
            String[] f = s.split(",", -1);
            Map<String, Double> m = new HashMap<>();
            for (int i = 4; i < h.length; i++) {
                try {
                    m.put(h[i], Double.parseDouble(f[i]));
                } catch (NumberFormatException e) {
                    // text columns (type, spectral type, file)
                }
            }
            out.put(f[0], m);
        }
        return out;
    }

    static ColourTermFit.Line spssFit(String file, String column, ColourTermCoefficient t) throws Exception {
        Map<String, Map<String, Double>> sdss = table("hcam_obsutils_sdss_flux_stds.csv");
        Map<String, Map<String, Double>> sys = table(file);
        double[] x = new double[sys.size()];
        double[] y = new double[sys.size()];
        int n = 0;
        for (var e : sys.entrySet()) {
            Map<String, Double> s = sdss.get(e.getKey());
            Double m = e.getValue().get(column);
            Double a = s == null ? null : s.get("sdss_" + t.colourA());
            Double b = s == null ? null : s.get("sdss_" + t.colourB());
            Double ms = s == null ? null : s.get("sdss_" + t.sdssBand());
            if (m != null && a != null && b != null && ms != null) {
                x[n] = a - b;
                y[n] = ms - m;
                n++;
            }
        }
        return ColourTermFit.fit(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n));
    }

    static void assertTerm(ColourTermFit.Line l, ColourTermCoefficient t) {
        String what = t.band() + " " + t.source();
        assertEquals(l.coefficient(), t.coefficient(), 6e-5, what);
        assertEquals(l.offset(), t.offset(), 6e-5, what);
        assertEquals(l.rms(), t.rms(), 6e-5, what);
        assertEquals(l.stars(), t.stars(), what);
        assertEquals(l.colourMin(), t.colourMin(), 0.006, what);
        assertEquals(l.colourMax(), t.colourMax(), 0.006, what);
    }

    @Test
    void spssColourTermsReproduce() throws Exception {
        for (ColourTermCoefficient t : CamFilterSystems.hipercamSuper().colourTerms()) {
            assertTerm(spssFit("hcam_obsutils_hcam_flux_stds.csv", "hcam_" + t.band(), t), t);
        }
        for (FilterSystem s : List.of(CamFilterSystems.ultracamRegular(), CamFilterSystems.ultracamSuper())) {
            for (ColourTermCoefficient t : s.colourTerms()) {
                boolean after = t.validFrom() != null;
                String file = after ? "hcam_obsutils_ucam_cube_flux_stds.csv" : "hcam_obsutils_ucam_flux_stds.csv";
                assertTerm(spssFit(file, (after ? "ucam_cb_" : "ucam_") + t.band(), t), t);
            }
        }
    }

    static final double[] TEMPERATURES = new double[40];
    static {
        for (int i = 0; i < TEMPERATURES.length; i++) {
            TEMPERATURES[i] = 3500 * Math.pow(40000 / 3500.0, i / (TEMPERATURES.length - 1.0));
        }
    }

    /** Black-body library through a system profile and the SDSS profiles. */
    static ColourTermFit.Line blackBodyFit(String profile, ColourTermCoefficient t) throws Exception {
        var sys = SyntheticPhotometry.read(profiles().resolve(profile + ".txt"));
        var band = SyntheticPhotometry.read(profiles().resolve("sdss_" + t.sdssBand() + ".txt"));
        var a = SyntheticPhotometry.read(profiles().resolve("sdss_" + t.colourA() + ".txt"));
        var b = SyntheticPhotometry.read(profiles().resolve("sdss_" + t.colourB() + ".txt"));
        double[] x = new double[TEMPERATURES.length];
        double[] y = new double[TEMPERATURES.length];
        for (int i = 0; i < x.length; i++) {
            var f = SyntheticPhotometry.blackBody(TEMPERATURES[i]);
            x[i] = SyntheticPhotometry.abMagnitude(a, f, 1) - SyntheticPhotometry.abMagnitude(b, f, 1);
            y[i] = SyntheticPhotometry.abMagnitude(band, f, 1) - SyntheticPhotometry.abMagnitude(sys, f, 1);
        }
        return ColourTermFit.fit(x, y);
    }

    @Test
    void ultraspecBlackBodyTermsReproduce() throws Exception {
        for (ColourTermCoefficient t : CamFilterSystems.ultraspec().colourTerms()) {
            assertTerm(blackBodyFit("uspec_" + t.band(), t), t);
        }
    }

    /** The black-body recipe against the real-star (SPSS) answer on HiPERCAM: the error quoted for ULTRASPEC. */
    @Test
    void blackBodyRecipeAgreesWithStars() throws Exception {
        double worstGriz = 0;
        for (ColourTermCoefficient t : CamFilterSystems.hipercamSuper().colourTerms()) {
            double d = Math.abs(blackBodyFit("hcam_" + t.band(), t).coefficient() - t.coefficient());
            System.out.printf("hcam %s: black body - SPSS coefficient %+.4f%n", t.band(), d);
            if (t.band().equals("us")) {
                assertTrue(d < 0.02, "u: " + d);
            } else {
                worstGriz = Math.max(worstGriz, d);
            }
        }
        assertTrue(worstGriz < 0.011, "g r i z: " + worstGriz);
    }

    @Test
    void pivotWavelengthsReproduce() throws Exception {
        Map<String, String> prefix = Map.of("hipercam-super", "hcam_", "ultracam-regular", "ucam_", "ultracam-super",
                "ucam_", "ultraspec", "uspec_");
        for (FilterSystem s : CamFilterSystems.all()) {
            for (Band b : s.bands()) {
                var p = SyntheticPhotometry.read(profiles().resolve(prefix.get(s.name()) + b.name() + ".txt"));
                assertEquals(SyntheticPhotometry.pivotWavelengthNm(p), b.pivotWavelengthNm(), 0.051,
                        s.name() + " " + b.name());
            }
        }
    }

    /** Pivot wavelength of a box filter is known in closed form: sqrt(l1 l2 (l2 - l1) / ln(l2/l1)) / ... */
    @Test
    void pivotOfABoxFilter() {
        int n = 20001;
        double[] w = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 400 + 200.0 * i / (n - 1);
            t[i] = 1;
        }
        // int l dl / int dl/l = (600^2 - 400^2) / 2 / ln(1.5)
        double expected = Math.sqrt((600.0 * 600 - 400.0 * 400) / 2 / Math.log(1.5));
        assertEquals(expected, SyntheticPhotometry.pivotWavelengthNm(new SyntheticPhotometry.Profile("box", w, t)), 1e-6);
    }

    @Test
    void ultracamTermsFollowTheOpticsChange() {
        FilterSystem s = CamFilterSystems.ultracamSuper();
        assertEquals(0.0380, s.colourTerm("gs", LocalDate.of(2019, 9, 23)).orElseThrow().coefficient(), 0);
        assertEquals(0.0369, s.colourTerm("gs", LocalDate.of(2019, 9, 24)).orElseThrow().coefficient(), 0);
        assertEquals(0.0369, s.colourTerm("gs", null).orElseThrow().coefficient(), 0);
        assertEquals(1, s.band("zs").orElseThrow().ccd());
        assertEquals(3, s.band("us").orElseThrow().ccd());
        assertFalse(CamFilterSystems.ultraspec().noColourTermReason().isEmpty());
    }
}
