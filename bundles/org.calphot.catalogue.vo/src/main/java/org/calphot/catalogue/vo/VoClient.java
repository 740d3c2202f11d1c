package org.calphot.catalogue.vo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import org.calphot.catalogue.vo.internal.VoTableReader;
import org.calphot.core.BadInputException;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A small VO client over okhttp: synchronous TAP queries in ADQL (IVOA TAP 1.1, section 2.2 and 5:
 * {@code GET <service>/sync?REQUEST=doQuery&LANG=ADQL&FORMAT=votable&QUERY=...}) and plain GETs of
 * endpoints that answer VOTable, read with STIL. Failures are typed like the SDSS client's:
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
    private volatile OkHttpClient client;

    /**
     * @param service name used in messages, e.g. "Gaia archive TAP"
     */
    public VoClient(String service, VoSettings settings) {
        this.service = service;
        this.settings = settings;
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
        byte[] body = fetchWithRetries(url, text);
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

    private byte[] fetchWithRetries(HttpUrl url, String text) throws CatalogueException {
        long wait = Math.max(0, settings.backoff().toMillis());
        for (int attempt = 0;; attempt++) {
            try {
                return fetchOnce(url, text);
            } catch (CatalogueException e) {
                if (!e.transientFailure() || attempt >= settings.retries()) {
                    throw e;
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new CatalogueException(Kind.UNREACHABLE, "interrupted while waiting to retry " + service, text);
            }
            wait *= 2;
        }
    }

    private byte[] fetchOnce(HttpUrl url, String text) throws CatalogueException {
        Request request = new Request.Builder().url(url).header("User-Agent", "calphot/0.1 (catalogue client)").get()
                .build();
        try (Response response = client().newCall(request).execute()) {
            ResponseBody rb = response.body();
            byte[] body = rb == null ? new byte[0] : readCapped(rb, text);
            if (!response.isSuccessful()) {
                // TAP services send their error document with 400 or 500: show its message when there is one.
                String detail;
                try {
                    parse(body);
                    detail = "";
                } catch (VoException e) {
                    detail = e.serviceError() ? ": " + e.getMessage() : ": " + snippet(body);
                }
                throw new CatalogueException(Kind.HTTP_ERROR, service + " answered HTTP " + response.code() + detail,
                        text, response.code(), null);
            }
            return body;
        } catch (SocketTimeoutException e) {
            throw new CatalogueException(Kind.TIMED_OUT, service + " did not answer within the timeout ("
                    + e.getMessage() + ")", text, 0, e);
        } catch (InterruptedIOException e) {
            throw new CatalogueException(Kind.TIMED_OUT, service + " did not answer within "
                    + settings.callTimeout().toMillis() + " ms", text, 0, e);
        } catch (UnknownHostException | ConnectException | NoRouteToHostException e) {
            throw new CatalogueException(Kind.UNREACHABLE, "cannot reach " + service + " at " + url.host() + ":"
                    + url.port() + " (" + e.getMessage() + ")", text, 0, e);
        } catch (IOException e) {
            throw new CatalogueException(Kind.UNREACHABLE, "connection to " + service + " failed or was dropped ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", text, 0, e);
        }
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

    private byte[] readCapped(ResponseBody rb, String text) throws IOException, CatalogueException {
        okio.BufferedSource src = rb.source();
        if (!src.request(MAX_REPLY_BYTES + 1)) {
            return src.getBuffer().readByteArray();
        }
        throw new CatalogueException(Kind.MALFORMED_REPLY, service + " reply larger than " + MAX_REPLY_BYTES
                + " bytes; not a cone-search table", text);
    }

    private OkHttpClient client() {
        OkHttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = new OkHttpClient.Builder().connectTimeout(settings.connectTimeout())
                            .readTimeout(settings.readTimeout()).callTimeout(settings.callTimeout())
                            .retryOnConnectionFailure(false).build();
                    client = c;
                }
            }
        }
        return c;
    }

    /** A number for an ADQL literal: see {@link Adql#number}. */
    public static String adqlNumber(double v) {
        return Adql.number(v);
    }
}
