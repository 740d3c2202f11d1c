// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.panstarrs.internal;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.calphot.catalogue.panstarrs.PanstarrsCatalogues;
import org.calphot.catalogue.vo.VoClient;
import org.calphot.catalogue.vo.VoConeCatalogue;
import org.calphot.catalogue.vo.VoSettings;
import org.calphot.catalogue.vo.VoTable;
import org.calphot.core.BadInputException;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.Footprint;
import org.calphot.core.catalogue.QueryOptions;
import org.osgi.service.component.annotations.Component;

import okhttp3.HttpUrl;

/**
 * Pan-STARRS1 DR2 mean PSF magnitudes g r i z y (3pi survey, Dec &gt; -30) from MAST's catalogue service,
 * {@code MeanObjectView} columns as documented on "PS1 MeanObjectView table fields"
 * (https://outerspace.stsci.edu/display/PANSTARRS/PS1+MeanObjectView+table+fields): {@code objID, raMean,
 * decMean, nDetections, qualityFlag, <f>MeanPSFMag, <f>MeanPSFMagErr}; -999 means not measured.
 * <p>
 * SDSS g r i z come from {@link Tonry2012}; u stays NaN (PS1 has no u). The PS1 magnitudes are kept as
 * {@code g_ps1 ... y_ps1}. A star without {@code QF_OBJ_GOOD} (qualityFlag bit 4) is flagged {@code NOT_CLEAN};
 * an extended one ({@code QF_OBJ_EXT}, bit 1) {@code EXTENDED}.
 */
@Component(service = Catalogue.class, property = "name=panstarrs")
public final class Ps1Catalogue extends VoConeCatalogue {

    static final List<String> PS1 = List.of("g", "r", "i", "z", "y");
    static final List<String> BANDS = List.of("u", "g", "r", "i", "z", "g_ps1", "r_ps1", "i_ps1", "z_ps1", "y_ps1");
    static final SourceColumns POSITION = new SourceColumns("objID", "raMean", "decMean");
    /** qualityFlag bits (PS1 ObjectQualityFlags): QF_OBJ_EXT = 1 (extended), QF_OBJ_GOOD = 4 (good-quality object). */
    static final long QF_OBJ_EXT = 1;
    static final long QF_OBJ_GOOD = 4;

    /** DS constructor: MAST, or {@code -Dcalphot.catalogue.panstarrs.url} (a mirror, a replay server). */
    public Ps1Catalogue() {
        this(VoSettings.of(System.getProperty("calphot.catalogue.panstarrs.url", PanstarrsCatalogues.DEFAULT_URL)));
    }

    public Ps1Catalogue(VoSettings settings) {
        super(new VoClient("MAST Pan-STARRS catalogue service", settings));
    }

    @Override
    public String name() {
        return "panstarrs";
    }

    @Override
    public String description() {
        return "Pan-STARRS1 DR2 mean PSF grizy (MAST), Dec > -30; SDSS griz by Tonry et al. (2012), no u";
    }

    @Override
    public List<String> bands() {
        return BANDS;
    }

    @Override
    public List<String> sdssBands() {
        return List.of("g", "r", "i", "z");
    }

    @Override
    public Footprint footprint() {
        return new Footprint(-30, 90, "Dec > -30 (3pi survey)");
    }

    @Override
    protected String system() {
        return "SDSS griz from Pan-STARRS1 DR2 mean PSF magnitudes by " + Tonry2012.ID + " (" + Tonry2012.SOURCE
                + "); PS1 grizy AB as measured";
    }

    @Override
    protected List<String> resultBands() {
        return BANDS;
    }

    @Override
    protected HttpUrl request(ConeQuery cone, QueryOptions options) throws BadInputException {
        StringBuilder cols = new StringBuilder("[objID,raMean,decMean,nDetections,qualityFlag");
        for (String f : PS1) {
            cols.append(',').append(f).append("MeanPSFMag,").append(f).append("MeanPSFMagErr");
        }
        cols.append(']');
        return client.url("/panstarrs/dr2/mean.votable").newBuilder()
                .addQueryParameter("ra", VoClient.adqlNumber(cone.raDeg()))
                .addQueryParameter("dec", VoClient.adqlNumber(cone.decDeg()))
                .addQueryParameter("radius", VoClient.adqlNumber(cone.radiusArcsec() / 3600.0))
                .addQueryParameter("nDetections.gte", "1")
                .addQueryParameter("columns", cols.toString()).build();
    }

    /** PS1 magnitudes or errors of one row; MAST writes -999 for "not measured", read as NaN. */
    private static double[] ps1(VoTable t, int row, String columnFormat) {
        double[] v = t.numbers(row, columnFormat, PS1);
        for (int k = 0; k < v.length; k++) {
            v[k] = v[k] <= -999 ? Double.NaN : v[k];
        }
        return v;
    }

    @Override
    protected CatalogueStar star(VoTable t, int row) {
        double[] p = ps1(t, row, "%sMeanPSFMag");
        double[] pe = ps1(t, row, "%sMeanPSFMagErr");
        Photometry out = new Photometry(BANDS.size());
        out.set(1, Tonry2012.toSdss(p[0], p[1], p[2], p[3]), Tonry2012.errors(p[0], p[1], pe[0], pe[1], pe[2], pe[3]));
        out.set(5, p, pe); // u (index 0) stays NaN: PS1 has no u
        OptionalLong q = t.integer(row, "qualityFlag");
        if (q.isEmpty() || (q.getAsLong() & QF_OBJ_GOOD) == 0) {
            out.flag("NOT_CLEAN");
        }
        if (q.isPresent() && (q.getAsLong() & QF_OBJ_EXT) != 0) {
            out.flag("EXTENDED");
        }
        out.extra("qualityFlag", q.isPresent() ? Long.toString(q.getAsLong()) : "");
        out.extra("nDetections", t.text(row, "nDetections"));
        out.transform(Tonry2012.ID);
        out.extra("transform_scatter_mag", String.format(Locale.ROOT, "g %.3f r %.3f i %.3f z %.3f",
                Tonry2012.SCATTER[0], Tonry2012.SCATTER[1], Tonry2012.SCATTER[2], Tonry2012.SCATTER[3]));
        return star(t, row, POSITION, out);
    }
}
