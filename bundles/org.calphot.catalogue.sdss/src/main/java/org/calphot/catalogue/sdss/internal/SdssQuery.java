// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.sdss.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.MagnitudeKind;

/**
 * Builds the SkyServer SQL for a cone search. Only numbers from a validated {@link ConeQuery} are
 * formatted into it (Locale.ROOT), so no user text can reach the SQL.
 */
final class SdssQuery {

    static final List<String> BANDS = List.of("u", "g", "r", "i", "z");

    private SdssQuery() {
    }

    /**
     * Nearby primary stars ({@code Star} = PhotoPrimary with type 6) ordered by distance, with the
     * requested magnitudes and errors, the clean-photometry flag and, per band, the SATURATED bit asked
     * of the server by name ({@code dbo.fPhotoFlags}) rather than hard-coded here.
     */
    static String sql(ConeQuery cone, MagnitudeKind kind) {
        String mag = kind == MagnitudeKind.MODEL ? "modelMag" : "psfMag";
        StringBuilder sb = new StringBuilder("SELECT p.objID, p.ra, p.dec, p.type, p.clean, p.flags");
        for (String b : BANDS) {
            sb.append(", p.").append(mag).append('_').append(b).append(", p.").append(mag).append("Err_").append(b);
        }
        for (String b : BANDS) {
            sb.append(", (p.flags_").append(b).append(" & dbo.fPhotoFlags('SATURATED')) AS saturated_").append(b);
        }
        sb.append(", n.distance FROM dbo.fGetNearbyObjEq(")
                .append(String.format(Locale.ROOT, "%.8f, %.8f, ", cone.raDeg(), cone.decDeg()))
                .append(arcmin(cone.radiusArcsec()))
                .append(") AS n JOIN Star AS p ON p.objID = n.objID ORDER BY n.distance");
        return sb.toString();
    }

    /** Radius in arcmin (the function's unit), exact decimal text: 3 arcsec -> 0.05. */
    static String arcmin(double arcsec) {
        return new BigDecimal(Double.toString(arcsec)).divide(BigDecimal.valueOf(60), java.math.MathContext.DECIMAL64)
                .stripTrailingZeros().toPlainString();
    }

    /** The SQL endpoint path for a data release (SkyServer changed it twice; see science.md section 1.1). */
    static String endpointPath(int release) {
        if (release < 10) {
            return "/dr" + release + "/en/tools/search/x_sql.asp";
        } else if (release == 10) {
            return "/dr10/en/tools/search/x_sql.aspx";
        }
        return "/dr" + release + "/en/tools/search/x_results.aspx";
    }
}
