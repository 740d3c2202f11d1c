// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.time.internal;

import java.util.List;

import org.calphot.core.time.Site;

/**
 * The observatories ULTRACAM, HiPERCAM and ULTRASPEC use, each value with its source. Heights from
 * SLALIB/PAL are above sea level and are used as ellipsoidal heights (the geoid is within ~60 m
 * here: < 0.2 us in timing, < 1e-5 in airmass).
 */
final class SiteTable {

    /** A site and the names that find it (astropy site names first). */
    record Entry(Site site, List<String> names) {
    }

    private static final String ASTROPY = "astropy-data coordinates/sites.json (commit 1ec3f59, 2024-10-14) '";

    static final List<Entry> ENTRIES = List.of(
            // hipercam maps GTC (and WHT) to EarthLocation.of_site('Roque de los Muchachos') = this entry
            new Entry(new Site("lapalma", 28.758333333333333, 342.12 - 360.0, 2327.0,
                    ASTROPY + "lapalma' (IRAF Observatory Database); GTC maps here as in hipercam hlogger.py"),
                    List.of("lapalma", "Roque de los Muchachos", "La Palma",
                            "ORM", "GTC", "Gran Telescopio Canarias")),
            new Entry(new Site("wht", dms(28, 45, 38.1), -dms(17, 52, 53.9), 2332.0,
                    "Starlink PAL/SLALIB obs 'LPO4.2' (Gemini, April 1987): W 17 52 53.9, N 28 45 38.1, 2332 m"),
                    List.of("WHT", "William Herschel Telescope", "LPO4.2")),
            // hipercam maps NTT to EarthLocation.of_site('La Silla Observatory') = this entry
            new Entry(new Site("lasilla", -29.256666666666668, 289.27 - 360.0, 2347.0,
                    ASTROPY + "lasilla' (IRAF Observatory Database)"),
                    List.of("lasilla", "La Silla Observatory", "La Silla Observatory (ESO)", "La Silla", "ESO La Silla")),
            new Entry(new Site("ntt", -dms(29, 15, 30.0), -dms(70, 43, 7.0), 2377.0,
                    "Starlink PAL/SLALIB obs 'ESONTT' (K. Wirenstrand): W 70 43 7, S 29 15 30, 2377 m"),
                    List.of("NTT", "ESONTT", "New Technology Telescope", "ESO NTT")),
            new Entry(new Site("paranal", -24.62743941, -70.40498688, 2669.0,
                    ASTROPY + "paranal' (Official reference in VLTI raw data products)"),
                    List.of("paranal", "Cerro Paranal", "Paranal Observatory", "Paranal Observatory (ESO)", "VLT")),
            // ULTRASPEC at the 2.4-m Thai National Telescope, Doi Inthanon
            new Entry(new Site("tno", dms(18, 35, 26.0), dms(98, 29, 12.0), 2457.0,
                    "HiPERCAM pipeline hipercam/scripts/hlogger.py EarthLocation.from_geodetic('98 29 12', '18 35 26', 2457);"
                            + " astropy-data 'TNO' agrees (98.48666667, 18.59055556, 2457 m)"),
                    List.of("TNO", "TNT", "Thai National Observatory", "Thai National Telescope", "Doi Inthanon")));

    private SiteTable() {
    }

    private static double dms(int d, int m, double s) {
        return d + m / 60.0 + s / 3600.0;
    }
}
