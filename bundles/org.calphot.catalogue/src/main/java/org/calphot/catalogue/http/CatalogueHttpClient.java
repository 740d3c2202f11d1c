// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * GETs for a remote catalogue over okhttp, shared by the SkyServer and VO clients so that both time out, retry
 * and report failures the same way. A failure is a {@link CatalogueException}: {@link Kind#UNREACHABLE} (no route,
 * refused, dropped), {@link Kind#TIMED_OUT}, {@link Kind#HTTP_ERROR} (an error status, with the service's own
 * message where {@link ErrorDetail} finds one) or {@link Kind#MALFORMED_REPLY} (a reply over the size cap).
 * Transient failures ({@link CatalogueException#transientFailure()}) are retried {@code retries} times, waiting
 * {@code backoff}, then twice as long each time. okhttp's own silent retry is off, so every attempt is counted.
 * The request text in every failure is {@code GET <url>}, the exact query the cache keys on.
 */
public final class CatalogueHttpClient {

    /** The part of an HTTP error message after the status: {@code ": <the service's message>"}, or "". */
    @FunctionalInterface
    public interface ErrorDetail {
        String of(byte[] body);
    }

    private final String service;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final int retries;
    private final Duration backoff;
    private final long maxReplyBytes;
    private final ErrorDetail errorDetail;
    private volatile OkHttpClient client;

    /**
     * @param service       the service's name in messages, e.g. "SDSS" or "Gaia archive TAP"
     * @param retries       further attempts after a transient failure
     * @param backoff       wait before the first retry; doubled for each further one
     * @param maxReplyBytes a larger reply is not a cone-search table (MALFORMED_REPLY)
     * @param errorDetail   what of an error reply's body to show after "answered HTTP <code>"
     */
    public CatalogueHttpClient(String service, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
            int retries, Duration backoff, long maxReplyBytes, ErrorDetail errorDetail) {
        this.service = Objects.requireNonNull(service, "service");
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.callTimeout = callTimeout;
        this.retries = retries;
        this.backoff = backoff;
        this.maxReplyBytes = maxReplyBytes;
        this.errorDetail = errorDetail;
    }

    /** The service's name as used in messages. */
    public String service() {
        return service;
    }

    /** GETs {@code url}, retrying transient failures, and returns the body of a successful (2xx) reply. */
    public byte[] get(HttpUrl url) throws CatalogueException {
        String text = "GET " + url;
        long wait = Math.max(0, backoff.toMillis());
        for (int attempt = 0;; attempt++) {
            try {
                return getOnce(url, text);
            } catch (CatalogueException e) {
                if (!e.transientFailure() || attempt >= retries) {
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

    private byte[] getOnce(HttpUrl url, String text) throws CatalogueException {
        Request request = new Request.Builder().url(url).header("User-Agent", "calphot/0.1 (catalogue client)").get()
                .build();
        try (Response response = client().newCall(request).execute()) {
            ResponseBody rb = response.body();
            byte[] body = rb == null ? new byte[0] : readCapped(rb, text);
            if (!response.isSuccessful()) {
                throw new CatalogueException(Kind.HTTP_ERROR, service + " answered HTTP " + response.code()
                        + errorDetail.of(body), text, response.code(), null);
            }
            return body;
        } catch (SocketTimeoutException e) {
            throw new CatalogueException(Kind.TIMED_OUT, service + " did not answer within the timeout ("
                    + e.getMessage() + ")", text, 0, e);
        } catch (InterruptedIOException e) {
            // okhttp's whole-call timeout surfaces as InterruptedIOException("timeout").
            throw new CatalogueException(Kind.TIMED_OUT, service + " did not answer within "
                    + callTimeout.toMillis() + " ms", text, 0, e);
        } catch (UnknownHostException | ConnectException | NoRouteToHostException e) {
            throw new CatalogueException(Kind.UNREACHABLE, "cannot reach " + service + " at " + url.host() + ":"
                    + url.port() + " (" + e.getMessage() + ")", text, 0, e);
        } catch (IOException e) {
            throw new CatalogueException(Kind.UNREACHABLE, "connection to " + service + " failed or was dropped ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", text, 0, e);
        }
    }

    private byte[] readCapped(ResponseBody rb, String text) throws IOException, CatalogueException {
        okio.BufferedSource src = rb.source();
        if (!src.request(maxReplyBytes + 1)) {
            return src.getBuffer().readByteArray();
        }
        throw new CatalogueException(Kind.MALFORMED_REPLY, service + " reply larger than " + maxReplyBytes
                + " bytes; not a cone-search table", text);
    }

    private OkHttpClient client() {
        OkHttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    // Retries are ours (counted, with back-off), so okhttp's silent one is off.
                    c = new OkHttpClient.Builder().connectTimeout(connectTimeout).readTimeout(readTimeout)
                            .callTimeout(callTimeout).retryOnConnectionFailure(false).build();
                    client = c;
                }
            }
        }
        return c;
    }
}
