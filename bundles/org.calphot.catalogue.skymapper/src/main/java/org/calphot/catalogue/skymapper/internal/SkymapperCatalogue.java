// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.skymapper.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.calphot.catalogue.skymapper.SkymapperCatalogues;
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
 * SkyMapper Southern Survey DR4 (Onken et al. 2024, PASA 41, e061) PSF magnitudes u v g r i z (AB) from
 * its TAP service, table {@code dr4.master} as listed on the DR4 table browser
 * (https://skymapper.anu.edu.au/table-browser/): {@code object_id, raj2000, dej2000, <f>_psf, e_<f>_psf,
 * flags, class_star}. DR4 covers the South Celestial Pole to Dec +16 in all six bands (some fields to +28).
 * <p>
 * The magnitudes stay in SkyMapper's own system, as {@code u_sm ... z_sm}: SkyMapper's filters differ
 * from SDSS's (u and v are narrower and bluer; g, r, i, z differ in width and position). calphot adopts a
 * transformation only with its published coefficients, validity range and scatter in hand, and none could be
 * read and checked for SkyMapper to SDSS: not in the DR1 (Wolf et al. 2018, PASA 35, e010), DR2 (Onken et al.
 * 2019, PASA 36, e033) or DR4 (Onken et al. 2024, PASA 41, e061) papers as far as their text was available,
 * nor on the DR4 documentation pages (https://skymapper.anu.edu.au/data-release/dr4/); Huang et al. 2021
 * (arXiv:2011.07172) corrects zero points within SkyMapper's system; calviacat has none (it fits colour terms against
 * SkyMapper's own magnitudes); photometrypipeline's piecewise fits "to data in Wolf et al. 2018" are printed in no
 * publication, so they cannot be checked against one (docs/catalogues.md lists each). So this catalogue gives
 * no SDSS band ({@link #sdssBands()} is empty), {@code catalogue: auto} passes it over with that reason, and
 * colour terms do not apply to it. It serves {@code catalogue compare} and configs that use SkyMapper
 * magnitudes on purpose through a local table. Adding a transformation later means: compute SDSS bands in
 * {@link #star}, declare them in {@link #bands()}, record the transform per star.
 * {@code flags} non-zero is {@code NOT_CLEAN}.
 */
@Component(service = Catalogue.class, property = "name=skymapper")
public final class SkymapperCatalogue extends VoConeCatalogue {

    static final List<String> SM = List.of("u", "v", "g", "r", "i", "z");
    static final List<String> BANDS = List.of("u_sm", "v_sm", "g_sm", "r_sm", "i_sm", "z_sm");
    static final SourceColumns POSITION = new SourceColumns("object_id", "raj2000", "dej2000");

    /** DS constructor: the public service, or {@code -Dcalphot.catalogue.skymapper.url} (a mirror, a replay server). */
    public SkymapperCatalogue() {
        this(VoSettings.of(System.getProperty("calphot.catalogue.skymapper.url", SkymapperCatalogues.DEFAULT_URL)));
    }

    public SkymapperCatalogue(VoSettings settings) {
        super(new VoClient("SkyMapper TAP", settings));
    }

    @Override
    public String name() {
        return "skymapper";
    }

    @Override
    public String description() {
        return "SkyMapper DR4 PSF uvgriz (TAP), Dec < +16; SkyMapper system only, so auto passes it over: no "
                + "published SkyMapper-to-SDSS transformation found (searched DR1/DR2/DR4 papers and pages, "
                + "calviacat; see docs/catalogues.md)";
    }

    @Override
    public List<String> bands() {
        return BANDS;
    }

    @Override
    public Footprint footprint() {
        return new Footprint(-90, 16, "South Celestial Pole to Dec +16");
    }

    @Override
    protected String system() {
        return "SkyMapper DR4 uvgriz PSF magnitudes (AB, SkyMapper filters; not SDSS)";
    }

    @Override
    protected List<String> resultBands() {
        return BANDS;
    }

    static List<String> columns() {
        List<String> cols = new ArrayList<>(List.of("object_id", "raj2000", "dej2000", "flags", "class_star"));
        for (String f : SM) {
            cols.add(f + "_psf");
            cols.add("e_" + f + "_psf");
        }
        return cols;
    }

    static String adql(ConeQuery cone) {
        return Adql.coneSelect(columns(), "dr4.master", POSITION.ra(), POSITION.dec(), cone);
    }

    @Override
    protected HttpUrl request(ConeQuery cone, QueryOptions options) throws BadInputException {
        return tapCone(columns(), "dr4.master", "", POSITION, cone);
    }

    @Override
    protected CatalogueStar star(VoTable t, int row) {
        Photometry p = new Photometry(BANDS.size()).set(0, t.numbers(row, "%s_psf", SM), t.numbers(row, "e_%s_psf", SM));
        OptionalLong f = t.integer(row, "flags");
        if (f.isPresent() && f.getAsLong() != 0) {
            p.flag("NOT_CLEAN");
        }
        p.extra("flags", f.isPresent() ? Long.toString(f.getAsLong()) : "");
        p.extra("class_star", t.text(row, "class_star"));
        p.transform("none: SkyMapper system");
        return star(t, row, POSITION, p);
    }
}
