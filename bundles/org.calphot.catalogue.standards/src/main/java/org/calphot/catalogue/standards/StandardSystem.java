// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.standards;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;

/**
 * The photometric systems the standard-star catalogue can answer in, and how an instrument, filter
 * set and date select one.
 */
public enum StandardSystem {

    /** Smith et al. (2002) u'g'r'i'z' network, USNO 40-in system; the user's copy of Table 8. */
    SMITH2002("smith2002", "Smith et al. 2002 (AJ 123, 2121) u'g'r'i'z' standards, USNO 40-in system",
            List.of("u'", "g'", "r'", "i'", "z'"), null, null),
    /** Gaia-SPSS synthetic SDSS ugriz (AB). */
    SPSS_SDSS("spss-sdss", "Gaia-SPSS synthetic SDSS ugriz (AB)", List.of("u", "g", "r", "i", "z"),
            "hcam_obsutils_sdss_flux_stds.csv", "sdss_"),
    /** Gaia-SPSS synthetic HiPERCAM super-SDSS (AB). */
    SPSS_HCAM("spss-hcam-super", "Gaia-SPSS synthetic HiPERCAM us gs rs is zs (AB)",
            List.of("us", "gs", "rs", "is", "zs"), "hcam_obsutils_hcam_flux_stds.csv", "hcam_"),
    /** ULTRACAM super filters before the 2019-09-24 optics change. */
    SPSS_UCAM_SUPER("spss-ucam-super", "Gaia-SPSS synthetic ULTRACAM us..zs before 2019-09-24 (AB)",
            List.of("us", "gs", "rs", "is", "zs"), "hcam_obsutils_ucam_flux_stds.csv", "ucam_"),
    /** ULTRACAM regular SDSS filters before the 2019-09-24 optics change. */
    SPSS_UCAM_REGULAR("spss-ucam-regular", "Gaia-SPSS synthetic ULTRACAM u..z before 2019-09-24 (AB)",
            List.of("u", "g", "r", "i", "z"), "hcam_obsutils_ucam_flux_stds.csv", "ucam_"),
    /** ULTRACAM super filters from the 2019-09-24 optics ("cube") change on. */
    SPSS_UCAM_CUBE_SUPER("spss-ucam-cube-super", "Gaia-SPSS synthetic ULTRACAM us..zs from 2019-09-24 (AB)",
            List.of("us", "gs", "rs", "is", "zs"), "hcam_obsutils_ucam_cube_flux_stds.csv", "ucam_cb_"),
    /** ULTRACAM regular filters from the 2019-09-24 optics change on. */
    SPSS_UCAM_CUBE_REGULAR("spss-ucam-cube-regular", "Gaia-SPSS synthetic ULTRACAM u..z from 2019-09-24 (AB)",
            List.of("u", "g", "r", "i", "z"), "hcam_obsutils_ucam_cube_flux_stds.csv", "ucam_cb_");

    /** First night with ULTRACAM's new optics (hcam_obsutils "ucam_cube" tables). */
    public static final LocalDate ULTRACAM_OPTICS_CHANGE = LocalDate.of(2019, 9, 24);

    private final String id;
    private final String description;
    private final List<String> bands;
    private final String resource;
    private final String columnPrefix;

    StandardSystem(String id, String description, List<String> bands, String resource, String columnPrefix) {
        this.id = id;
        this.description = description;
        this.bands = bands;
        this.resource = resource;
        this.columnPrefix = columnPrefix;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<String> bands() {
        return bands;
    }

    /** Table shipped in the bundle, or null (Smith 2002: the user's copy). */
    public String resource() {
        return resource;
    }

    /** CSV column of band {@code b}: prefix + band, e.g. {@code ucam_cb_us}. */
    public String column(int b) {
        return columnPrefix + bands.get(b);
    }

    public static StandardSystem byId(String id) throws BadInputException {
        for (StandardSystem s : values()) {
            if (s.id.equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new BadInputException("unknown standard-star system '" + id + "'; known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(StandardSystem::id).toList()));
    }

    /**
     * The table for an instrument, filter set and date: HiPERCAM -> super; ULTRACAM -> super (default)
     * or regular, before or from 2019-09-24 (a date is required); ULTRASPEC -> Smith 2002 (as cal_phot);
     * no instrument -> filter set "sdss" gives SPSS SDSS, otherwise Smith 2002.
     */
    public static StandardSystem select(String instrument, String filterSet, LocalDate date) throws BadInputException {
        String inst = instrument == null ? "" : instrument.toLowerCase(Locale.ROOT).strip();
        // reduce files name the instrument with its telescope (ULTRACAM-NTT, HIPERCAM-GTC, ULTRASPEC-TNT)
        int dash = inst.indexOf('-');
        if (dash > 0 && (inst.startsWith("ultracam") || inst.startsWith("hipercam") || inst.startsWith("ultraspec"))) {
            inst = inst.substring(0, dash);
        }
        String set = filterSet == null ? "" : filterSet.toLowerCase(Locale.ROOT);
        switch (inst) {
            case "", "none" -> {
                return switch (set) {
                    case "", "prime", "smith", "smith2002" -> SMITH2002;
                    case "sdss" -> SPSS_SDSS;
                    default -> throw new BadInputException("filter set '" + filterSet
                            + "' needs an instrument (hipercam, ultracam)", Location.key(null, 0, "filters"));
                };
            }
            case "hipercam", "hcam" -> {
                if (!set.isEmpty() && !set.equals("super")) {
                    throw new BadInputException("HiPERCAM has super-SDSS filters only, not '" + filterSet + "'",
                            Location.key(null, 0, "filters"));
                }
                return SPSS_HCAM;
            }
            case "ultracam", "ucam" -> {
                if (date == null) {
                    throw new BadInputException("ULTRACAM standard magnitudes depend on the date (optics changed "
                            + ULTRACAM_OPTICS_CHANGE + "); give the observation date", Location.key(null, 0, "date"));
                }
                boolean cube = !date.isBefore(ULTRACAM_OPTICS_CHANGE);
                return switch (set) {
                    case "", "super" -> cube ? SPSS_UCAM_CUBE_SUPER : SPSS_UCAM_SUPER;
                    case "regular", "sdss" -> cube ? SPSS_UCAM_CUBE_REGULAR : SPSS_UCAM_REGULAR;
                    default -> throw new BadInputException("ULTRACAM filter set is 'super' or 'regular', not '"
                            + filterSet + "'", Location.key(null, 0, "filters"));
                };
            }
            case "ultraspec", "uspec" -> {
                return SMITH2002;
            }
            default -> throw new BadInputException("no standard-star table for instrument '" + instrument
                    + "' (hipercam, ultracam, ultraspec)", Location.key(null, 0, "instrument"));
        }
    }
}
