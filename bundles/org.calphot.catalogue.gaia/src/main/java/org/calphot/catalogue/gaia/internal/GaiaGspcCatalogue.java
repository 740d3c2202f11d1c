package org.calphot.catalogue.gaia.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.calphot.catalogue.gaia.GaiaCatalogues;
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
 * Gaia DR3 Gaia Synthetic Photometry Catalogue (GSPC; Gaia Collaboration, Montegriffo et al. 2023, A&A 674, A33):
 * SDSS u g r i z synthesised from the BP/RP (XP) spectra and standardised to the SDSS system, for the
 * ~220 million sources with G &lt; 17.65, whole sky. Table and columns from the Gaia DR3 data model,
 * section "synthetic_photometry_gspc" (https://gea.esac.esa.int/archive/documentation/GDR3/ , chapter 20.3):
 * {@code <band>_sdss_mag}, {@code <band>_sdss_flux}, {@code <band>_sdss_flux_error} and {@code <band>_sdss_flag}
 * (1 = the magnitude passes the GSPC quality selection, 0 = not recommended); positions from
 * {@code gaiadr3.gaia_source} (ICRS, epoch J2016.0), joined on {@code source_id}.
 * Magnitude errors are 2.5/ln10 x flux_error/flux; a band with flag 0 is flagged {@code UNRELIABLE_<band>},
 * which keeps it out of a calibration.
 */
@Component(service = Catalogue.class, property = "name=gaia")
public final class GaiaGspcCatalogue extends VoConeCatalogue {

    static final List<String> SDSS = List.of("u", "g", "r", "i", "z");
    static final List<String> BANDS = List.of("u", "g", "r", "i", "z", "G");

    /** DS constructor: the public archive, or {@code -Dcalphot.catalogue.gaia.url} (a mirror, a replay server). */
    public GaiaGspcCatalogue() {
        this(VoSettings.of(System.getProperty("calphot.catalogue.gaia.url", GaiaCatalogues.DEFAULT_URL)));
    }

    public GaiaGspcCatalogue(VoSettings settings) {
        super(new VoClient("Gaia archive TAP", settings));
    }

    @Override
    public String name() {
        return "gaia";
    }

    @Override
    public String description() {
        return "Gaia DR3 synthetic photometry (GSPC, archive TAP): SDSS-standardised ugriz from XP spectra, G < 17.65,"
                + " whole sky";
    }

    @Override
    public List<String> bands() {
        return BANDS;
    }

    @Override
    public List<String> sdssBands() {
        return SDSS;
    }

    @Override
    public Footprint footprint() {
        return new Footprint(-90, 90, "whole sky (G < 17.65 only)");
    }

    @Override
    protected String system() {
        return "Gaia DR3 GSPC SDSS-standardised ugriz (synthetic from XP spectra, Montegriffo et al. 2023); G Vega";
    }

    @Override
    protected List<String> resultBands() {
        return BANDS;
    }

    /** The ADQL: every GSPC source whose DR3 position lies in the cone (ADQL 2.0 CONTAINS/POINT/CIRCLE, degrees). */
    static String adql(ConeQuery cone) {
        StringBuilder cols = new StringBuilder("g.source_id, g.ra, g.dec, g.phot_g_mean_mag");
        for (String b : SDSS) {
            cols.append(", s.").append(b).append("_sdss_mag, s.").append(b).append("_sdss_flux, s.").append(b)
                    .append("_sdss_flux_error, s.").append(b).append("_sdss_flag");
        }
        return "SELECT " + cols + " FROM gaiadr3.gaia_source AS g JOIN gaiadr3.synthetic_photometry_gspc AS s"
                + " ON s.source_id = g.source_id WHERE 1 = CONTAINS(POINT('ICRS', g.ra, g.dec), CIRCLE('ICRS', "
                + VoClient.adqlNumber(cone.raDeg()) + ", " + VoClient.adqlNumber(cone.decDeg()) + ", "
                + VoClient.adqlNumber(cone.radiusArcsec() / 3600.0) + "))";
    }

    @Override
    protected HttpUrl request(ConeQuery cone, QueryOptions options) throws BadInputException {
        return client.tapSyncUrl(adql(cone));
    }

    @Override
    protected CatalogueStar star(VoTable t, int row) {
        double[] mag = new double[BANDS.size()];
        double[] err = new double[BANDS.size()];
        List<String> flags = new ArrayList<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int k = 0; k < SDSS.size(); k++) {
            String b = SDSS.get(k);
            mag[k] = t.number(row, b + "_sdss_mag");
            err[k] = magErrFromFlux(t.number(row, b + "_sdss_flux"), t.number(row, b + "_sdss_flux_error"));
            double flag = t.number(row, b + "_sdss_flag");
            extra.put(b + "_sdss_flag", Double.isNaN(flag) ? "" : Long.toString((long) flag));
            if (Double.isFinite(mag[k]) && flag != 1.0) {
                flags.add("UNRELIABLE_" + b);
            }
        }
        mag[5] = t.number(row, "phot_g_mean_mag");
        err[5] = Double.NaN;
        extra.put("transform", "none: GSPC standardised SDSS magnitudes as published");
        return new CatalogueStar(t.text(row, "source_id"), t.number(row, "ra"), t.number(row, "dec"), 0, mag, err,
                flags, extra);
    }
}
