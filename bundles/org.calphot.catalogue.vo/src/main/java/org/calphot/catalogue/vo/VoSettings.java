// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.vo;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one VO service.
 *
 * @param baseUrl        service root: a TAP service (queries go to {@code <baseUrl>/sync}) or a plain endpoint;
 *                       tests use a server on 127.0.0.1
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    longest silence while reading the reply
 * @param callTimeout    longest time for one whole request
 * @param retries        further attempts after a transient failure (unreachable, timed out, 5xx, 429)
 * @param backoff        wait before the first retry; doubled for each further retry
 */
public record VoSettings(String baseUrl, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
        int retries, Duration backoff) {

    public VoSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries < 0");
        }
    }

    /** Connect 10 s, read 60 s, whole call 120 s (TAP services are slower than SkyServer), 2 retries from 1 s. */
    public static VoSettings of(String baseUrl) {
        return new VoSettings(baseUrl, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(120), 2,
                Duration.ofSeconds(1));
    }

    public VoSettings withBaseUrl(String url) {
        return new VoSettings(url, connectTimeout, readTimeout, callTimeout, retries, backoff);
    }

    public VoSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new VoSettings(baseUrl, connect, read, call, retries, backoff);
    }

    public VoSettings withRetries(int n, Duration firstBackoff) {
        return new VoSettings(baseUrl, connectTimeout, readTimeout, callTimeout, n, firstBackoff);
    }
}
