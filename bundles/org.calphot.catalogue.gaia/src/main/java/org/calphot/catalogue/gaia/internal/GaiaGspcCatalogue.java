// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.gaia.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.calphot.catalogue.gaia.GaiaCatalogues;
import org.calphot.catalogue.vo.Adql;
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
 * {@code <band>_sdss_mag}, {@code <band>_sdss_flux}, {@code <band>_sdss_flux_error} and {@code <band>_sdss_flag};
 * positions from {@code gaiadr3.gaia_source} (ICRS, epoch J2016.0), joined on {@code source_id}.
 * <p>
 * Flag sense, from the Gaia DR3 documentation, section 20.14.9 "synthetic_photometry_gspc"
 * (https://gea.esac.esa.int/archive/documentation/GDR3/Gaia_archive/chap_datamodel/sec_dm_performance_verification/ssec_dm_synthetic_photometry_gspc.html):
 * {@code <band>_sdss_flag} (byte) is the "flag indicating if G mag and BP-RP color of the source lie in the
 * validated range for this band and photometric system", i.e. 1 = inside the range where the standardisation to
 * SDSS was validated (Montegriffo et al. 2023, A&A 674, A33), 0 = outside it. Only 1 is "standardised/good": a band
 * with 0, or with no flag at all, is flagged {@code UNRELIABLE_<band>}, which keeps it out of a calibration. The
 * same page says a magnitude is published only when its flux S/N exceeds 30, so a null magnitude is "not measured".
 * Magnitude errors are 2.5/ln10 x flux_error/flux (the flux units' known issue, W m-2 nm-1 instead of
 * W m-2 Hz-1, cancels in the ratio).
 */
@Component(service = Catalogue.class, property = "name=gaia")
public final class GaiaGspcCatalogue extends VoConeCatalogue {

    static final List<String> SDSS = List.of("u", "g", "r", "i", "z");
    static final List<String> BANDS = List.of("u", "g", "r", "i", "z", "G");
    static final SourceColumns POSITION = new SourceColumns("source_id", "ra", "dec");
    /** GSPC's value of {@code <band>_sdss_flag} for a magnitude inside the validated range (see the class comment). */
    static final long GSPC_VALIDATED = 1;

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

    /** The ADQL: every GSPC source whose DR3 position lies in the cone. */
    static String adql(ConeQuery cone) {
        return Adql.coneSelect(columns(), FROM, "g.ra", "g.dec", cone);
    }

    static final String FROM = "gaiadr3.gaia_source AS g JOIN gaiadr3.synthetic_photometry_gspc AS s"
            + " ON s.source_id = g.source_id";

    static List<String> columns() {
        List<String> cols = new ArrayList<>(List.of("g.source_id", "g.ra", "g.dec", "g.phot_g_mean_mag"));
        for (String b : SDSS) {
            for (String c : List.of("_sdss_mag", "_sdss_flux", "_sdss_flux_error", "_sdss_flag")) {
                cols.add("s." + b + c);
            }
        }
        return cols;
    }

    @Override
    protected HttpUrl request(ConeQuery cone, QueryOptions options) throws BadInputException {
        return tapCone(columns(), FROM, "g", POSITION, cone);
    }

    @Override
    protected CatalogueStar star(VoTable t, int row) {
        Photometry p = new Photometry(BANDS.size());
        for (int k = 0; k < SDSS.size(); k++) {
            String b = SDSS.get(k);
            double mag = t.number(row, b + "_sdss_mag");
            p.set(k, mag, magErrFromFlux(t.number(row, b + "_sdss_flux"), t.number(row, b + "_sdss_flux_error")));
            OptionalLong flag = t.integer(row, b + "_sdss_flag");
            p.extra(b + "_sdss_flag", flag.isPresent() ? Long.toString(flag.getAsLong()) : "");
            if (Double.isFinite(mag) && (flag.isEmpty() || flag.getAsLong() != GSPC_VALIDATED)) {
                p.flag("UNRELIABLE_" + b);
            }
        }
        p.set(5, t.number(row, "phot_g_mean_mag"), Double.NaN);
        p.transform("none: GSPC standardised SDSS magnitudes as published");
        return star(t, row, POSITION, p);
    }
}
