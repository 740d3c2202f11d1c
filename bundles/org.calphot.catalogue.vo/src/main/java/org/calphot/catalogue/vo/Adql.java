// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.vo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import org.calphot.core.catalogue.ConeQuery;

/**
 * ADQL text for the survey catalogues (IVOA ADQL 2.0/2.1). Only numbers from a validated {@link ConeQuery} and
 * column or table names fixed in code ever reach a query: never user text.
 */
public final class Adql {

    private Adql() {
    }

    /** A number for an ADQL literal: finite, fixed notation, 9 decimals at most, '.' decimal separator. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        return new BigDecimal(v).setScale(9, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                .toLowerCase(Locale.ROOT);
    }

    /**
     * {@code SELECT <columns> FROM <from> WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', ra0, dec0, r))}:
     * every row whose position lies in the cone (ADQL 2.0 section 2.4 geometry; radius in degrees).
     *
     * @param from      a table, or a join ("gaiadr3.gaia_source AS g JOIN ...")
     * @param raColumn  the right-ascension column as written in the query (with its table alias if any)
     * @param decColumn likewise for declination
     */
    public static String coneSelect(List<String> columns, String from, String raColumn, String decColumn,
            ConeQuery cone) {
        return "SELECT " + String.join(", ", columns) + " FROM " + from + " WHERE 1 = CONTAINS(POINT('ICRS', "
                + raColumn + ", " + decColumn + "), CIRCLE('ICRS', " + number(cone.raDeg()) + ", "
                + number(cone.decDeg()) + ", " + number(cone.radiusArcsec() / 3600.0) + "))";
    }
}
