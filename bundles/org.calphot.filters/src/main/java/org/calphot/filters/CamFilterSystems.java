// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.filters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.calphot.core.BadInputException;
import org.calphot.core.catalogue.PhotometricTransform;
import org.calphot.core.filters.Band;
import org.calphot.core.filters.ColourTermCoefficient;
import org.calphot.core.filters.FilterSystem;
import org.calphot.core.filters.FilterSystemDefinition;

/**
 * The *CAM filter systems: HiPERCAM super-SDSS, ULTRACAM regular and super-SDSS (before and after the
 * 2019-09-24 optics change) and ULTRASPEC. Usable without OSGi; the bundle also registers each as a
 * {@link FilterSystem} service.
 * <p>
 * How the numbers were made (docs/filter-systems.md; {@code ColourTermsTest} recomputes every one):
 * <ul>
 * <li>Pivot wavelengths: {@link SyntheticPhotometry#pivotWavelengthNm} of pyclurve's whole-system profiles
 * (StuartLittlefair/pyclurve, MIT), rounded to 0.1 nm.</li>
 * <li>HiPERCAM and ULTRACAM colour terms: least-squares lines (one 3-sigma clip) of {@code m_sdss - m_system}
 * against the SDSS colour over the 112 Gaia-SPSS standards whose synthetic AB magnitudes through both systems
 * ship in org.calphot.catalogue.standards (HiPERCAM/hcam_obsutils, MIT): synthetic photometry of a real
 * stellar library, already done by the table's authors.</li>
 * <li>ULTRASPEC (no such table exists): synthetic photometry of a black-body library (3500-40000 K, 40
 * temperatures) through the ULTRASPEC and SDSS profiles. The same recipe on HiPERCAM reproduces the SPSS
 * coefficients to 0.010 (g r i z) and 0.019 (u), the uncertainty quoted for ULTRASPEC.</li>
 * </ul>
 * AB offsets are 0: all these systems are calibrated on AB magnitudes of the SPSS standards.
 */
public final class CamFilterSystems {

    /** The ULTRACAM optics change (hcam_obsutils' "cube" tables). */
    public static final LocalDate ULTRACAM_CHANGE = LocalDate.of(2019, 9, 24);

    static final String SPSS = "fit to Gaia-SPSS synthetic magnitudes (hcam_obsutils %s, 112 standards)";
    static final String BB = "black-body synthetic photometry through pyclurve profiles (+-0.01 g r i z, +-0.02 u)";

    private CamFilterSystems() {
    }

    public static List<FilterSystem> all() {
        return List.of(hipercamSuper(), ultracamRegular(), ultracamSuper(), ultraspec());
    }

    /** By name: hipercam-super, ultracam-regular, ultracam-super or ultraspec. */
    public static Optional<FilterSystem> named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    // colour of each SDSS band's term, as in calibrate_ucam_to_sdss for u g r; neighbours for i z
    private static String[] colour(String sdss) {
        return switch (sdss) {
            case "u" -> new String[] {"u", "g"};
            case "g", "r" -> new String[] {"g", "r"};
            case "i" -> new String[] {"r", "i"};
            default -> new String[] {"i", "z"};
        };
    }

    /** One term: band, coefficient, offset, rms, stars, colour range, validity. */
    private static ColourTermCoefficient term(String band, String sdss, double c, double off, double rms, int n,
            double min, double max, LocalDate from, LocalDate to, String source) {
        String[] col = colour(sdss);
        return new ColourTermCoefficient(band, sdss, col[0], col[1], c, off, min, max, from, to, rms, n, source);
    }

    public static FilterSystem hipercamSuper() {
        String src = String.format(SPSS, "hcam_flux_stds.csv");
        List<Band> bands = List.of(new Band("us", 1, "u", 369.0, 0.0), new Band("gs", 2, "g", 476.0, 0.0),
                new Band("rs", 3, "r", 619.0, 0.0), new Band("is", 4, "i", 763.0, 0.0),
                new Band("zs", 5, "z", 905.2, 0.0));
        List<ColourTermCoefficient> t = List.of(
                term("us", "u", 0.1271, -0.0033, 0.0475, 111, -0.54, 2.82, null, null, src),
                term("gs", "g", 0.0527, 0.0099, 0.0060, 110, -0.57, 1.52, null, null, src),
                term("rs", "r", 0.0001, 0.0007, 0.0018, 110, -0.57, 1.52, null, null, src),
                term("is", "i", 0.0933, -0.0046, 0.0026, 111, -0.40, 1.29, null, null, src),
                term("zs", "z", 0.0601, -0.0003, 0.0031, 110, -0.37, 0.58, null, null, src));
        return new FilterSystemDefinition("hipercam-super", "HiPERCAM super-SDSS us gs rs is zs (GTC, WHT)",
                "hipercam", bands, t, "");
    }

    // ULTRACAM: CCD 1 red (r/i/z), 2 green (g), 3 blue (u) -- the log's CCD numbers
    public static FilterSystem ultracamRegular() {
        String pre = String.format(SPSS, "ucam_flux_stds.csv, before " + ULTRACAM_CHANGE);
        String post = String.format(SPSS, "ucam_cube_flux_stds.csv, from " + ULTRACAM_CHANGE);
        LocalDate last = ULTRACAM_CHANGE.minusDays(1);
        List<Band> bands = List.of(new Band("u", 3, "u", 359.7, 0.0), new Band("g", 2, "g", 479.9, 0.0),
                new Band("r", 1, "r", 629.0, 0.0), new Band("i", 1, "i", 760.4, 0.0), new Band("z", 1, "z", 920.4, 0.0));
        List<ColourTermCoefficient> t = new ArrayList<>(List.of(
                term("u", "u", 0.0397, -0.0122, 0.0234, 111, -0.54, 2.82, null, last, pre),
                term("g", "g", 0.0885, 0.0152, 0.0102, 112, -0.57, 1.52, null, last, pre),
                term("r", "r", 0.0483, -0.0072, 0.0038, 110, -0.57, 1.49, null, last, pre),
                term("i", "i", 0.0781, -0.0036, 0.0024, 111, -0.40, 1.29, null, last, pre),
                term("z", "z", 0.1250, -0.0086, 0.0074, 111, -0.37, 0.67, null, last, pre),
                term("u", "u", 0.0397, -0.0122, 0.0234, 111, -0.54, 2.82, ULTRACAM_CHANGE, null, post),
                term("g", "g", 0.0861, 0.0148, 0.0097, 111, -0.57, 1.52, ULTRACAM_CHANGE, null, post),
                term("r", "r", 0.0472, -0.0070, 0.0037, 110, -0.57, 1.49, ULTRACAM_CHANGE, null, post),
                term("i", "i", 0.0751, -0.0035, 0.0024, 111, -0.40, 1.29, ULTRACAM_CHANGE, null, post),
                term("z", "z", 0.1340, -0.0093, 0.0080, 111, -0.37, 0.67, ULTRACAM_CHANGE, null, post)));
        return new FilterSystemDefinition("ultracam-regular", "ULTRACAM regular SDSS u g r i z (NTT, WHT, VLT);"
                + " terms change on " + ULTRACAM_CHANGE, "ultracam", bands, t, "");
    }

    public static FilterSystem ultracamSuper() {
        String pre = String.format(SPSS, "ucam_flux_stds.csv, before " + ULTRACAM_CHANGE);
        String post = String.format(SPSS, "ucam_cube_flux_stds.csv, from " + ULTRACAM_CHANGE);
        LocalDate last = ULTRACAM_CHANGE.minusDays(1);
        List<Band> bands = List.of(new Band("us", 3, "u", 362.1, 0.0), new Band("gs", 2, "g", 474.2, 0.0),
                new Band("rs", 1, "r", 625.0, 0.0), new Band("is", 1, "i", 762.5, 0.0),
                new Band("zs", 1, "z", 920.8, 0.0));
        List<ColourTermCoefficient> t = new ArrayList<>(List.of(
                term("us", "u", 0.0645, -0.0100, 0.0132, 111, -0.54, 2.82, null, last, pre),
                term("gs", "g", 0.0380, 0.0092, 0.0075, 110, -0.57, 1.52, null, last, pre),
                term("rs", "r", 0.0286, -0.0039, 0.0030, 109, -0.57, 1.49, null, last, pre),
                term("is", "i", 0.0868, -0.0052, 0.0024, 111, -0.40, 1.29, null, last, pre),
                term("zs", "z", 0.1280, -0.0085, 0.0078, 112, -0.37, 0.67, null, last, pre),
                term("us", "u", 0.0645, -0.0100, 0.0132, 111, -0.54, 2.82, ULTRACAM_CHANGE, null, post),
                term("gs", "g", 0.0369, 0.0091, 0.0075, 110, -0.57, 1.52, ULTRACAM_CHANGE, null, post),
                term("rs", "r", 0.0277, -0.0037, 0.0029, 109, -0.57, 1.49, ULTRACAM_CHANGE, null, post),
                term("is", "i", 0.0834, -0.0050, 0.0024, 111, -0.40, 1.29, ULTRACAM_CHANGE, null, post),
                term("zs", "z", 0.1369, -0.0092, 0.0084, 112, -0.37, 0.67, ULTRACAM_CHANGE, null, post)));
        return new FilterSystemDefinition("ultracam-super", "ULTRACAM super-SDSS us gs rs is zs (NTT, WHT, VLT);"
                + " terms change on " + ULTRACAM_CHANGE, "ultracam", bands, t, "");
    }

    /** ULTRASPEC (TNT): one CCD, one filter at a time; KG5 has no linear colour term (see {@link Ultraspec}). */
    public static FilterSystem ultraspec() {
        List<Band> bands = List.of(new Band("u", 1, "u", 368.7, 0.0), new Band("g", 1, "g", 481.8, 0.0),
                new Band("r", 1, "r", 620.4, 0.0), new Band("i", 1, "i", 754.4, 0.0), new Band("z", 1, "z", 938.6, 0.0),
                new Band("kg5", 1, "g", 537.9, 0.0));
        List<ColourTermCoefficient> t = List.of(
                term("u", "u", 0.1402, 0.0114, 0.0066, 40, -0.44, 2.13, null, null, BB),
                term("g", "g", 0.1007, 0.0082, 0.0014, 40, -0.49, 1.33, null, null, BB),
                term("r", "r", 0.0108, -0.0011, 0.0015, 40, -0.49, 1.33, null, null, BB),
                term("i", "i", 0.0318, -0.0018, 0.0001, 39, -0.36, 0.56, null, null, BB),
                term("z", "z", 0.0565, -0.0114, 0.0011, 39, -0.34, 0.34, null, null, BB));
        return new Ultraspec(new FilterSystemDefinition("ultraspec", "ULTRASPEC u g r i z and KG5 (TNT)",
                "ultraspec", bands, t, ""));
    }

    /**
     * ULTRASPEC: KG5 spans g and r and is far from linear in g-r (a linear black-body fit leaves 0.04 mag rms),
     * so it has no colour term; its magnitude is cal_phot's quadratic {@link PhotometricTransform#kg5}.
     */
    public record Ultraspec(FilterSystemDefinition table) implements FilterSystem {

        public static final String KG5_REASON = "KG5 has no linear colour term: it spans g and r (black-body fit rms"
                + " 0.04 mag); its magnitude is cal_phot's KG5 = g - 0.224(g-r)^2 - 0.359(g-r) + 0.046";

        @Override
        public String name() {
            return table.name();
        }

        @Override
        public String description() {
            return table.description();
        }

        @Override
        public String instrument() {
            return table.instrument();
        }

        @Override
        public List<Band> bands() {
            return table.bands();
        }

        @Override
        public List<ColourTermCoefficient> colourTerms() {
            return table.colourTerms();
        }

        @Override
        public String noColourTermReason() {
            return KG5_REASON;
        }

        @Override
        public double magnitude(String band, Map<String, Double> sdss, LocalDate date) throws BadInputException {
            if (!"kg5".equals(band)) {
                return FilterSystem.super.magnitude(band, sdss, date);
            }
            Double g = sdss.get("g");
            Double r = sdss.get("r");
            if (g == null || r == null || !Double.isFinite(g) || !Double.isFinite(r)) {
                throw new BadInputException("KG5 needs SDSS g and r");
            }
            return PhotometricTransform.kg5(g, r);
        }
    }
}
