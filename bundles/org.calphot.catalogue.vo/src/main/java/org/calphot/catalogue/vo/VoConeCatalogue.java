// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.vo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.core.catalogue.SkyCoordinates;

import okhttp3.HttpUrl;

/**
 * A survey catalogue answered by a VO service: a subclass says which request a cone becomes and how a
 * row of the VOTable reply becomes a star; this class runs it, keeps the stars inside the cone (nearest
 * first) and reports no match, malformed replies and service errors as typed failures. Only numbers from
 * a validated {@link ConeQuery} ever reach a request.
 */
public abstract class VoConeCatalogue implements Catalogue {

    protected final VoClient client;

    protected VoConeCatalogue(VoClient client) {
        this.client = client;
    }

    @Override
    public boolean remote() {
        return true;
    }

    /** The GET request for a cone (a TAP sync URL from {@link VoClient#tapSyncUrl}, or a service URL). */
    protected abstract HttpUrl request(ConeQuery cone, QueryOptions options) throws BadInputException;

    /** Photometric system of the answer, recorded with it. */
    protected abstract String system();

    /** Bands of each star's magnitude arrays: the SDSS bands first, then the survey's own. */
    protected abstract List<String> resultBands();

    /**
     * One row as a star; the separation is filled in by the caller. A missing column throws
     * {@link IllegalArgumentException} (a malformed reply).
     */
    protected abstract CatalogueStar star(VoTable table, int row);

    @Override
    public String queryText(ConeQuery cone, QueryOptions options) throws CalphotException {
        return "GET " + request(cone, options);
    }

    @Override
    public CatalogueResult query(ConeQuery cone, QueryOptions options) throws CalphotException {
        HttpUrl url = request(cone, options);
        String text = "GET " + url;
        VoTable t = client.fetch(url);
        List<CatalogueStar> stars = new ArrayList<>();
        try {
            for (int row = 0; row < t.rowCount(); row++) {
                CatalogueStar s = star(t, row);
                if (!Double.isFinite(s.raDeg()) || !Double.isFinite(s.decDeg())) {
                    continue;
                }
                double sep = SkyCoordinates.separationArcsec(cone.raDeg(), cone.decDeg(), s.raDeg(), s.decDeg());
                if (sep <= cone.radiusArcsec() * (1 + 1e-9)) {
                    stars.add(new CatalogueStar(s.id(), s.raDeg(), s.decDeg(), sep, s.mag(), s.magErr(), s.flags(),
                            s.extra()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(Kind.MALFORMED_REPLY, name() + " reply could not be read: " + e.getMessage(),
                    text);
        }
        if (stars.isEmpty()) {
            throw new CatalogueException(Kind.NO_STAR_FOUND, name() + ": no star within " + cone.radiusArcsec()
                    + " arcsec of " + cone.describe(), text);
        }
        return new CatalogueResult(name(), text, cone, system(), resultBands(), stars,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), false);
    }

    /**
     * Where a reply keeps a source's identifier and position (ICRS degrees), as named in the query.
     *
     * @param id  identifier column
     * @param ra  right-ascension column
     * @param dec declination column
     */
    public record SourceColumns(String id, String ra, String dec) {
    }

    /**
     * The TAP request for every row of {@code from} in the cone: {@link Adql#coneSelect} on the position columns
     * (with {@code alias.} in front when the table is aliased in a join), sent with {@link VoClient#tapSyncUrl}.
     *
     * @param alias table alias of the position columns in {@code from}, or "" when there is none
     */
    protected HttpUrl tapCone(List<String> columns, String from, String alias, SourceColumns position,
            ConeQuery cone) throws BadInputException {
        String a = alias.isEmpty() ? "" : alias + ".";
        return client.tapSyncUrl(Adql.coneSelect(columns, from, a + position.ra(), a + position.dec(), cone));
    }

    /** A star from a row: its identifier and position from {@code position}'s columns, and its photometry. */
    protected static CatalogueStar star(VoTable t, int row, SourceColumns position, Photometry p) {
        return new CatalogueStar(t.text(row, position.id()), t.number(row, position.ra()),
                t.number(row, position.dec()), 0, p.mag, p.err, List.copyOf(p.flags), p.extra);
    }

    /**
     * One source's magnitudes and errors in a catalogue's {@link #resultBands()} order (NaN until set), its flags
     * and the raw columns and transformation kept for provenance.
     */
    public static final class Photometry {
        final double[] mag;
        final double[] err;
        final List<String> flags = new ArrayList<>();
        final Map<String, String> extra = new LinkedHashMap<>();

        public Photometry(int bands) {
            mag = new double[bands];
            err = new double[bands];
            Arrays.fill(mag, Double.NaN);
            Arrays.fill(err, Double.NaN);
        }

        /** Band {@code k}'s magnitude and its error. */
        public Photometry set(int k, double magnitude, double error) {
            mag[k] = magnitude;
            err[k] = error;
            return this;
        }

        /** Bands {@code from}, {@code from + 1} ... from two arrays of the same length. */
        public Photometry set(int from, double[] magnitudes, double[] errors) {
            for (int k = 0; k < magnitudes.length; k++) {
                set(from + k, magnitudes[k], errors[k]);
            }
            return this;
        }

        /** Adds a flag (see {@link CatalogueStar#flags()}) once. */
        public Photometry flag(String flag) {
            if (!flags.contains(flag)) {
                flags.add(flag);
            }
            return this;
        }

        /** Keeps a raw column or a note for provenance. */
        public Photometry extra(String key, String value) {
            extra.put(key, value);
            return this;
        }

        /** Which transformation produced the SDSS magnitudes (recorded with every star). */
        public Photometry transform(String id) {
            return extra("transform", id);
        }

        public double mag(int k) {
            return mag[k];
        }

        public double err(int k) {
            return err[k];
        }
    }

    /** Magnitude error from a flux and its error: 2.5 / ln 10 x sigma_F / F. */
    public static double magErrFromFlux(double flux, double fluxErr) {
        if (!(flux > 0) || !(fluxErr >= 0)) {
            return Double.NaN;
        }
        return 2.5 / Math.log(10) * fluxErr / flux;
    }
}
