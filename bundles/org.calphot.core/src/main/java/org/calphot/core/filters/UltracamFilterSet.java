// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.filters;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one rule, for the whole product, of whether an ULTRACAM band is its regular SDSS filter or its super-SDSS
 * filter: colour terms ({@code calphot run}) and standard-star tables ({@code calphot comparison-mags}) both ask
 * here. A band named {@code us gs rs is zs} is super; before the super filters existed (hcam_obsutils: at the NTT
 * from about {@link #SUPER_FILTERS_FROM}) every band is regular; after that the name {@code u g r i z} (cal_phot's
 * names) is read as the regular filter, with a warning naming the choice and the {@code filter system} key that
 * overrides it, since both sets were in use.
 *
 * @param superFilters whether the band is taken as the super-SDSS filter
 * @param certain      whether the name or the date decided it (false: a choice the user should check)
 * @param reason       one sentence for Calibration.txt, warnings and provenance
 */
public record UltracamFilterSet(boolean superFilters, boolean certain, String reason) {

    /** First night with ULTRACAM's super-SDSS filters (hcam_obsutils dates; docs/log-formats-and-peers.md A8). */
    public static final LocalDate SUPER_FILTERS_FROM = LocalDate.of(2017, 5, 1);

    /**
     * @param band the CCD's band name
     * @param date the night (UTC date of the first frame), or null if unknown
     */
    public static UltracamFilterSet forBand(String band, LocalDate date) {
        String b = band == null ? "" : band.strip().toLowerCase(Locale.ROOT);
        if (b.length() == 2 && b.endsWith("s")) {
            return new UltracamFilterSet(true, true, "band '" + band + "' names ULTRACAM's super-SDSS filter");
        }
        if (date != null && date.isBefore(SUPER_FILTERS_FROM)) {
            return new UltracamFilterSet(false, true, "ULTRACAM had only its regular SDSS filters before "
                    + SUPER_FILTERS_FROM + " (night " + date + "): band '" + band + "' is the regular filter");
        }
        return new UltracamFilterSet(false, false, "ULTRACAM used both its regular and its super-SDSS filters from "
                + SUPER_FILTERS_FROM + (date == null ? "" : " (night " + date + ")") + ": band '" + band
                + "' is taken as the regular SDSS filter (ultracam-regular); if the night used the super filters, set"
                + " 'filter system: ultracam-super' (comparison-mags: --filter-set super) or name the band '" + b + "s'");
    }

    /** "super" or "regular" (the filter-set words of the standards catalogue). */
    public String filterSet() {
        return superFilters ? "super" : "regular";
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filters", filterSet());
        m.put("decided_by", certain ? "band name or date" : "default (warned)");
        m.put("reason", reason);
        return m;
    }
}
