// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.sdss.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.calphot.catalogue.http.CatalogueHttpClient;
import org.calphot.catalogue.sdss.SdssSettings;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.MagnitudeKind;
import org.calphot.core.catalogue.QueryOptions;
import org.osgi.service.component.annotations.Component;

import okhttp3.HttpUrl;

/**
 * SDSS photometry from SkyServer's SQL search over okhttp: nearest primary star within the cone,
 * PSF (default) or model magnitudes with errors, clean and per-band saturation flags. Never prompts:
 * all matches are returned, nearest first.
 */
@Component(service = Catalogue.class, property = "name=sdss")
public final class SkyServerCatalogue implements Catalogue {

    /** Replies larger than this are not SkyServer cone-search tables. */
    private static final long MAX_REPLY_BYTES = 8L << 20;

    private final SdssSettings settings;
    private final CatalogueHttpClient http;

    /** DS constructor: public SkyServer with default settings; the HTTP client is made on first use. */
    public SkyServerCatalogue() {
        this(SdssSettings.defaults());
    }

    public SkyServerCatalogue(SdssSettings settings) {
        this.settings = settings;
        this.http = new CatalogueHttpClient("SDSS", settings.connectTimeout(), settings.readTimeout(),
                settings.callTimeout(), settings.retries(), settings.backoff(), MAX_REPLY_BYTES,
                body -> ": " + SkyServerReply.describe(new String(body, StandardCharsets.UTF_8)));
    }

    @Override
    public String name() {
        return "sdss";
    }

    @Override
    public String description() {
        return "SDSS imaging (SkyServer SQL, DR" + settings.dataRelease()
                + " by default): PSF ugriz of primary stars, clean/saturation flags";
    }

    @Override
    public List<String> bands() {
        return SdssQuery.BANDS;
    }

    @Override
    public boolean remote() {
        return true;
    }

    /**
     * The band that can hold SDSS imaging (DR17: the northern Galactic cap, the southern stripes and SEGUE
     * lines, about a third of the sky, almost none south of -20); inside it, a field SDSS did not image
     * answers "no star" and {@code catalogue: auto} moves on.
     */
    @Override
    public org.calphot.core.catalogue.Footprint footprint() {
        return new org.calphot.core.catalogue.Footprint(-20, 90, "SDSS imaging, Dec > -20 (patchy)");
    }

    @Override
    public List<String> sdssBands() {
        return SdssQuery.BANDS;
    }

    private int release(QueryOptions o) {
        return o.dataRelease() == 0 ? settings.dataRelease() : o.dataRelease();
    }

    HttpUrl url(ConeQuery cone, QueryOptions o) throws BadInputException {
        int dr = release(o);
        HttpUrl base = HttpUrl.parse(settings.baseUrl() + SdssQuery.endpointPath(dr));
        if (base == null) {
            throw new BadInputException("SDSS base URL '" + settings.baseUrl() + "' is not an http(s) URL");
        }
        HttpUrl.Builder b = base.newBuilder();
        if (dr > 11) {
            b.addQueryParameter("searchtool", "SQL");
        }
        // HttpUrl encodes the SQL, so the '+' of a positive Dec stays a '+' (the original lost it).
        return b.addQueryParameter("cmd", SdssQuery.sql(cone, o.magnitudes()))
                .addQueryParameter("format", "csv").build();
    }

    @Override
    public String queryText(ConeQuery cone, QueryOptions options) throws CalphotException {
        return "GET " + url(cone, options);
    }

    @Override
    public CatalogueResult query(ConeQuery cone, QueryOptions options) throws CalphotException {
        HttpUrl url = url(cone, options);
        String text = "GET " + url;
        String body = fetch(url, text);
        SkyServerReply.Parsed parsed;
        try {
            parsed = SkyServerReply.parse(body, cone, options.magnitudes());
        } catch (SkyServerReply.MalformedException e) {
            throw new CatalogueException(Kind.MALFORMED_REPLY, "SDSS reply could not be read: " + e.getMessage(),
                    text);
        }
        if (parsed.stars().isEmpty()) {
            throw new CatalogueException(Kind.NO_STAR_FOUND, "SDSS DR" + release(options) + ": no star within "
                    + cone.radiusArcsec() + " arcsec of " + cone.describe()
                    + (parsed.nonStars() > 0 ? " (" + parsed.nonStars() + " non-star objects)" : ""), text);
        }
        String system = "SDSS DR" + release(options) + " ugriz "
                + (options.magnitudes() == MagnitudeKind.MODEL ? "model" : "PSF")
                + " magnitudes (asinh; AB except u_AB = u - 0.04, z_AB = z + 0.02)";
        return new CatalogueResult(name(), text, cone, system, SdssQuery.BANDS, parsed.stars(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), false);
    }

    private String fetch(HttpUrl url, String text) throws CatalogueException {
        String body = new String(http.get(url), StandardCharsets.UTF_8);
        if (body.toLowerCase(java.util.Locale.ROOT).contains("error_message")) {
            // SkyServer reports SQL errors in a 200 reply carrying an error_message field.
            throw new CatalogueException(Kind.HTTP_ERROR, "SDSS reported an error: " + SkyServerReply.describe(body),
                    text, 200, null);
        }
        return body;
    }
}
