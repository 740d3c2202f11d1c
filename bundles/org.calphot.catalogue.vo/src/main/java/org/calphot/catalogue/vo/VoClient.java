// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.vo;

import java.nio.charset.StandardCharsets;

import org.calphot.catalogue.http.CatalogueHttpClient;
import org.calphot.catalogue.vo.internal.VoTableReader;
import org.calphot.core.BadInputException;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;

import okhttp3.HttpUrl;

/**
 * A small VO client over okhttp: synchronous TAP queries in ADQL (IVOA TAP 1.1, section 2.2 and 5:
 * {@code GET <service>/sync?REQUEST=doQuery&LANG=ADQL&FORMAT=votable&QUERY=...}) and plain GETs of
 * endpoints that answer VOTable, read with STIL. The GETs go through {@link CatalogueHttpClient}, the HTTP layer
 * the SDSS client uses too, so failures are typed like the SDSS client's:
 * {@link Kind#UNREACHABLE}, {@link Kind#TIMED_OUT}, {@link Kind#HTTP_ERROR} (an HTTP error status or the
 * service's error document, QUERY_STATUS = ERROR), {@link Kind#MALFORMED_REPLY}; transient ones are
 * retried with back-off. Queries are GETs, so the full URL is the exact, replayable query text that the
 * cache keys on and provenance records.
 */
public final class VoClient {

    /** Replies larger than this are not cone-search tables. */
    private static final long MAX_REPLY_BYTES = 16L << 20;

    private final String service;
    private final VoSettings settings;
    private final CatalogueHttpClient http;

    /**
     * @param service name used in messages, e.g. "Gaia archive TAP"
     */
    public VoClient(String service, VoSettings settings) {
        this.service = service;
        this.settings = settings;
        // okhttp's client is made on first use
        this.http = new CatalogueHttpClient(service, settings.connectTimeout(), settings.readTimeout(),
                settings.callTimeout(), settings.retries(), settings.backoff(), MAX_REPLY_BYTES, VoClient::errorDetail);
    }

    public VoSettings settings() {
        return settings;
    }

    /** The synchronous TAP request for an ADQL query: {@code <base>/sync?REQUEST=doQuery&LANG=ADQL&FORMAT=votable&QUERY=}. */
    public HttpUrl tapSyncUrl(String adql) throws BadInputException {
        return url("/sync").newBuilder().addQueryParameter("REQUEST", "doQuery").addQueryParameter("LANG", "ADQL")
                .addQueryParameter("FORMAT", "votable").addQueryParameter("QUERY", adql).build();
    }

    /** {@code <base><path>} as a URL, or a bad-input error naming the base URL. */
    public HttpUrl url(String path) throws BadInputException {
        HttpUrl u = HttpUrl.parse(settings.baseUrl() + path);
        if (u == null) {
            throw new BadInputException(service + " URL '" + settings.baseUrl() + "' is not an http(s) URL");
        }
        return u;
    }

    /** Runs a GET (retrying transient failures) and reads the VOTable reply. */
    public VoTable fetch(HttpUrl url) throws CatalogueException {
        String text = "GET " + url;
        byte[] body = http.get(url);
        try {
            return parse(body);
        } catch (VoException e) {
            if (e.serviceError()) {
                throw new CatalogueException(Kind.HTTP_ERROR, service + " reported an error: " + e.getMessage(), text,
                        200, null);
            }
            throw new CatalogueException(Kind.MALFORMED_REPLY, service + " reply could not be read: " + e.getMessage(),
                    text);
        }
    }

    /** Reads a VOTable reply; a service error document or anything that is not a VOTable table is a {@link VoException}. */
    public static VoTable parse(byte[] body) throws VoException {
        return VoTableReader.read(body);
    }

    /** The start of a non-VOTable body for a message: tags stripped, one line, at most 200 characters. */
    static String snippet(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 4000), StandardCharsets.UTF_8)
                .replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        if (s.isEmpty()) {
            return "(empty reply)";
        }
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** TAP services send their error document with 400 or 500: show its message when there is one. */
    private static String errorDetail(byte[] body) {
        try {
            parse(body);
            return "";
        } catch (VoException e) {
            return e.serviceError() ? ": " + e.getMessage() : ": " + snippet(body);
        }
    }

    /** A number for an ADQL literal: see {@link Adql#number}. */
    public static String adqlNumber(double v) {
        return Adql.number(v);
    }
}
