// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.testing.RecordedHttpServer;
import org.junit.jupiter.api.Test;

import okhttp3.HttpUrl;

/**
 * The HTTP layer shared by the SkyServer and VO clients, against a server on 127.0.0.1. The expected messages are
 * the texts both clients built before they shared this class (SkyServerCatalogue and VoClient, each with its
 * service's name), so the move changed no message a user sees.
 */
class CatalogueHttpClientTest {

    /** 10-byte cap, short timeouts, 1 ms back-off; the error detail is the body after ": ", as SkyServer's is. */
    private static CatalogueHttpClient client(int retries) {
        return new CatalogueHttpClient("svc", Duration.ofMillis(2000), Duration.ofMillis(1500), Duration.ofMillis(2500),
                retries, Duration.ofMillis(1), 10, body -> ": " + new String(body, StandardCharsets.UTF_8));
    }

    private static HttpUrl url(RecordedHttpServer s) {
        return HttpUrl.get(s.baseUrl() + "/q?x=1");
    }

    @Test
    void aReplyUpToTheCapIsReturnedWhole() throws Exception {
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.ok("0123456789"))) {
            assertArrayEquals("0123456789".getBytes(StandardCharsets.UTF_8), client(0).get(url(s)));
            assertEquals(1, s.requests().size());
            assertEquals("/q?x=1", s.requests().get(0));
        }
    }

    @Test
    void aReplyOverTheCapIsMalformedAndNotRetried() {
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.ok("0123456789A"))) {
            CatalogueException e = assertThrows(CatalogueException.class, () -> client(2).get(url(s)));
            assertEquals(Kind.MALFORMED_REPLY, e.kind());
            assertEquals("svc reply larger than 10 bytes; not a cone-search table", e.getMessage());
            assertEquals("GET " + url(s), e.query());
            assertEquals(1, s.requests().size());
        }
    }

    @Test
    void serverErrorsAreRetriedThenReportedWithTheServicesDetail() {
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.status(503, "busy"))) {
            CatalogueException e = assertThrows(CatalogueException.class, () -> client(2).get(url(s)));
            assertEquals(Kind.HTTP_ERROR, e.kind());
            assertEquals("svc answered HTTP 503: busy", e.getMessage());
            assertEquals(503, e.httpStatus());
            assertEquals(3, s.requests().size(), "1 try + 2 retries");
        }
    }

    @Test
    void aClientErrorIsNotRetriedAndASuccessAfterARetryIsReturned() throws Exception {
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.status(404, "gone"))) {
            CatalogueException e = assertThrows(CatalogueException.class, () -> client(2).get(url(s)));
            assertEquals("svc answered HTTP 404: gone", e.getMessage());
            assertEquals(1, s.requests().size());
        }
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.status(429, "slow down"),
                RecordedHttpServer.ok("ok"))) {
            assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), client(1).get(url(s)));
            assertEquals(2, s.requests().size(), "429 is transient");
        }
    }

    @Test
    void timeoutsAreRetriedAndTyped() {
        try (RecordedHttpServer s = RecordedHttpServer.start()
                .serve(RecordedHttpServer.delayed(3000, RecordedHttpServer.ok("late")))) {
            CatalogueException e = assertThrows(CatalogueException.class, () -> client(1).get(url(s)));
            assertEquals(Kind.TIMED_OUT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith("svc did not answer within "), e.getMessage());
            assertEquals(2, s.requests().size(), "a timeout is retried");
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        HttpUrl u = HttpUrl.get("http://127.0.0.1:" + port + "/q");
        CatalogueException e = assertThrows(CatalogueException.class, () -> client(0).get(u));
        assertEquals(Kind.UNREACHABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot reach svc at 127.0.0.1:" + port + " ("), e.getMessage());
    }
}
