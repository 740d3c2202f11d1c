// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.sdss;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach SkyServer.
 *
 * @param baseUrl        SkyServer root, default {@code https://skyserver.sdss.org} (tests use a local server)
 * @param dataRelease    default data release when a query does not name one
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    longest silence while reading the reply
 * @param callTimeout    longest time for one whole request
 * @param retries        further attempts after a transient failure (unreachable, timed out, 5xx, 429)
 * @param backoff        wait before the first retry; doubled for each further retry
 */
public record SdssSettings(String baseUrl, int dataRelease, Duration connectTimeout, Duration readTimeout,
        Duration callTimeout, int retries, Duration backoff) {

    /**
     * DR17 (2021), the last SDSS-IV release and astroquery's default. The SDSS imaging catalogue has
     * not changed since the DR13 recalibration, so newer releases (DR18+, spectroscopy only) add no
     * photometry; pick another with {@code --release}.
     */
    public static final int DEFAULT_RELEASE = 17;

    public static final String DEFAULT_BASE_URL = "https://skyserver.sdss.org";

    public SdssSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (dataRelease < 1 || retries < 0) {
            throw new IllegalArgumentException("bad SDSS settings: release " + dataRelease + ", retries " + retries);
        }
    }

    /** Public SkyServer, DR17, connect 10 s, read 30 s, whole call 60 s, 2 retries from 1 s back-off. */
    public static SdssSettings defaults() {
        return new SdssSettings(DEFAULT_BASE_URL, DEFAULT_RELEASE, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 2, Duration.ofSeconds(1));
    }

    public SdssSettings withBaseUrl(String url) {
        return new SdssSettings(url, dataRelease, connectTimeout, readTimeout, callTimeout, retries, backoff);
    }

    public SdssSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new SdssSettings(baseUrl, dataRelease, connect, read, call, retries, backoff);
    }

    public SdssSettings withRetries(int n, Duration firstBackoff) {
        return new SdssSettings(baseUrl, dataRelease, connectTimeout, readTimeout, callTimeout, n, firstBackoff);
    }
}
