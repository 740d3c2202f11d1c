package org.calphot.catalogue.panstarrs.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    private static double ps1(VoTable t, int row, String column) {
        double v = t.number(row, column);
        return v <= -999 ? Double.NaN : v; // MAST's "not measured"
    }

    @Override
    protected CatalogueStar star(VoTable t, int row) {
        double[] p = new double[PS1.size()];
        double[] pe = new double[PS1.size()];
        for (int k = 0; k < PS1.size(); k++) {
            p[k] = ps1(t, row, PS1.get(k) + "MeanPSFMag");
            pe[k] = ps1(t, row, PS1.get(k) + "MeanPSFMagErr");
        }
        double[] sdss = Tonry2012.toSdss(p[0], p[1], p[2], p[3]);
        double[] sdssErr = Tonry2012.errors(p[0], p[1], pe[0], pe[1], pe[2], pe[3]);
        double[] mag = new double[BANDS.size()];
        double[] err = new double[BANDS.size()];
        mag[0] = Double.NaN;
        err[0] = Double.NaN;
        for (int k = 0; k < 4; k++) {
            mag[1 + k] = sdss[k];
            err[1 + k] = sdssErr[k];
        }
        for (int k = 0; k < PS1.size(); k++) {
            mag[5 + k] = p[k];
            err[5 + k] = pe[k];
        }
        List<String> flags = new ArrayList<>();
        long q = (long) t.number(row, "qualityFlag");
        if ((q & 4) == 0) {
            flags.add("NOT_CLEAN");
        }
        if ((q & 1) != 0) {
            flags.add("EXTENDED");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("qualityFlag", Long.toString(q));
        extra.put("nDetections", t.text(row, "nDetections"));
        extra.put("transform", Tonry2012.ID);
        extra.put("transform_scatter_mag", String.format(Locale.ROOT, "g %.3f r %.3f i %.3f z %.3f",
                Tonry2012.SCATTER[0], Tonry2012.SCATTER[1], Tonry2012.SCATTER[2], Tonry2012.SCATTER[3]));
        return new CatalogueStar(t.text(row, "objID"), t.number(row, "raMean"), t.number(row, "decMean"), 0, mag,
                err, flags, extra);
    }
}
