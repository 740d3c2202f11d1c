// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.vo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.catalogue.vo.VoClient;
import org.calphot.catalogue.vo.VoSettings;
import org.calphot.catalogue.vo.VoTable;
import org.calphot.testing.RecordedHttpServer;
import org.calphot.testing.VoTables;
import org.junit.jupiter.api.Test;

import okhttp3.HttpUrl;

/**
 * The VO client against replies replayed on 127.0.0.1: a real Gaia archive TAP reply (astroquery's test data,
 * BSD-3, see NOTICE.md) read through STIL, and hand-built error documents and broken replies for the failure
 * kinds. Nothing here touches the network.
 */
class VoClientTest {

    static byte[] resource(String name) throws Exception {
        try (InputStream in = VoClientTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, "test resource missing: " + name);
            return in.readAllBytes();
        }
    }

    static VoClient client(String url, int retries) {
        return new VoClient("test TAP", VoSettings.of(url).withTimeouts(Duration.ofMillis(2000), Duration.ofMillis(1500),
                Duration.ofMillis(2500)).withRetries(retries, Duration.ofMillis(1)));
    }

    /**
     * The Gaia archive's reply to "SELECT TOP 20 * FROM gaiadr3.gaia_source where source_id = 4583627001381815936 or
     * source_id = 5348723816842275584" (TABLEDATA): the expected numbers are the text of its first row's TDs.
     */
    @Test
    void readsARealGaiaArchiveReply() throws Exception {
        byte[] body = resource("astroquery-gaia-dr3-1710099405832VAL-result.vot");
        try (RecordedHttpServer s = RecordedHttpServer.start()) {
            s.serve(RecordedHttpServer.bytes(200, "application/x-votable+xml", body));
            VoClient c = client(s.baseUrl() + "/tap", 0);
            HttpUrl url = c.tapSyncUrl("SELECT TOP 20 * FROM gaiadr3.gaia_source WHERE source_id = 4583627001381815936");
            VoTable t = c.fetch(url);
            assertEquals(2, t.rowCount());
            assertEquals("OK", t.infos().get("QUERY_STATUS"));
            assertEquals("4583627001381815936", t.text(0, "source_id"));
            assertEquals("5348723816842275584", t.text(1, "SOURCE_ID")); // ADQL names are case-insensitive
            assertEquals(268.0676646661466, t.number(0, "ra"), 0.0);
            assertEquals(26.50748605871529, t.number(0, "dec"), 0.0);
            assertEquals("Gaia DR3 4583627001381815936", t.text(0, "designation"));
            // the request is TAP sync with the documented parameters
            String req = s.requests().get(0);
            assertEquals("/tap/sync", RecordedHttpServer.path(req));
            assertEquals("doQuery", RecordedHttpServer.params(req).get("REQUEST"));
            assertEquals("ADQL", RecordedHttpServer.params(req).get("LANG"));
            assertEquals("votable", RecordedHttpServer.params(req).get("FORMAT"));
            assertEquals("SELECT TOP 20 * FROM gaiadr3.gaia_source WHERE source_id = 4583627001381815936",
                    RecordedHttpServer.params(req).get("QUERY"));
        }
    }

    @Test
    void serviceErrorDocumentIsAnHttpErrorWithTheServiceMessage() throws Exception {
        String doc = VoTables.error("Cannot parse query: unknown table gaiadr3.nope");
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.votable(doc))) {
            CatalogueException e = assertThrows(CatalogueException.class,
                    () -> client(s.baseUrl(), 2).fetch(client(s.baseUrl(), 2).tapSyncUrl("SELECT * FROM gaiadr3.nope")));
            assertEquals(Kind.HTTP_ERROR, e.kind());
            assertTrue(e.getMessage().contains("test TAP reported an error: Cannot parse query: unknown table"),
                    e.getMessage());
            assertTrue(e.query().startsWith("GET " + s.baseUrl() + "/sync?REQUEST=doQuery"), e.query());
            assertEquals(1, s.requests().size(), "a service error is not retried");
        }
        // the same document with HTTP 400 (how most TAP services send it): status and message
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.status(400, doc))) {
            CatalogueException e = assertThrows(CatalogueException.class,
                    () -> client(s.baseUrl(), 2).fetch(client(s.baseUrl(), 2).tapSyncUrl("SELECT 1")));
            assertEquals(Kind.HTTP_ERROR, e.kind());
            assertEquals(400, e.httpStatus());
            assertTrue(e.getMessage().contains("HTTP 400: Cannot parse query"), e.getMessage());
            assertEquals(1, s.requests().size());
        }
    }

    @Test
    void serverErrorsAreRetriedThenReported() throws Exception {
        String ok = VoTables.table(List.of("x:double"), List.<Object[]>of(new Object[] {1.5}));
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(
                RecordedHttpServer.status(503, "<html><body>Service Unavailable</body></html>"),
                RecordedHttpServer.votable(ok))) {
            VoTable t = client(s.baseUrl(), 2).fetch(client(s.baseUrl(), 2).tapSyncUrl("SELECT 1"));
            assertEquals(1.5, t.number(0, "x"), 0.0);
            assertEquals(2, s.requests().size());
        }
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(
                RecordedHttpServer.status(502, "<html>Bad gateway</html>"))) {
            CatalogueException e = assertThrows(CatalogueException.class,
                    () -> client(s.baseUrl(), 2).fetch(client(s.baseUrl(), 2).tapSyncUrl("SELECT 1")));
            assertEquals(Kind.HTTP_ERROR, e.kind());
            assertEquals(502, e.httpStatus());
            assertTrue(e.getMessage().contains("HTTP 502: Bad gateway"), e.getMessage());
            assertEquals(3, s.requests().size(), "1 try + 2 retries");
        }
    }

    @Test
    void malformedRepliesAreTyped() throws Exception {
        for (String body : List.of("<html><body>Maintenance until 14:00</body></html>",
                "<?xml version=\"1.0\"?><VOTABLE><RESOURCE><TABLE><FIELD name=\"x\" datatype=\"double\"/><DATA><TABLEDATA><TR>",
                "<?xml version=\"1.0\"?><VOTABLE version=\"1.4\"><RESOURCE type=\"results\">"
                        + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/></RESOURCE></VOTABLE>",
                "<?xml version=\"1.0\"?><!DOCTYPE v [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><VOTABLE>&x;</VOTABLE>",
                "")) {
            try (RecordedHttpServer s = RecordedHttpServer.start().serve(RecordedHttpServer.ok(body))) {
                CatalogueException e = assertThrows(CatalogueException.class,
                        () -> client(s.baseUrl(), 2).fetch(client(s.baseUrl(), 2).tapSyncUrl("SELECT 1")), body);
                assertEquals(Kind.MALFORMED_REPLY, e.kind(), body + " -> " + e.getMessage());
                assertTrue(e.getMessage().startsWith("test TAP reply could not be read: "), e.getMessage());
                assertEquals(1, s.requests().size(), "a malformed reply is not retried");
            }
        }
    }

    @Test
    void timeoutAndUnreachableAreTyped() throws Exception {
        try (RecordedHttpServer s = RecordedHttpServer.start().serve(
                RecordedHttpServer.delayed(3000, RecordedHttpServer.bytes(200, "text/plain", new byte[0])))) {
            CatalogueException e = assertThrows(CatalogueException.class,
                    () -> client(s.baseUrl(), 1).fetch(client(s.baseUrl(), 1).tapSyncUrl("SELECT 1")));
            assertEquals(Kind.TIMED_OUT, e.kind(), e.getMessage());
            assertEquals(2, s.requests().size(), "a timeout is retried");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> client("http://127.0.0.1:" + port, 0).fetch(client("http://127.0.0.1:" + port, 0)
                        .tapSyncUrl("SELECT 1")));
        assertEquals(Kind.UNREACHABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot reach test TAP at 127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void adqlNumbersAreFixedNotation() {
        assertEquals("169.316625", VoClient.adqlNumber(169.316625));
        assertEquals("-37", VoClient.adqlNumber(-37.0));
        assertEquals("0.000833333", VoClient.adqlNumber(3.0 / 3600)); // 9 decimals: 0.0036 mas, far below any radius
        assertEquals("0.00000001", VoClient.adqlNumber(1e-8));
        assertThrows(IllegalArgumentException.class, () -> VoClient.adqlNumber(Double.NaN));
    }
}
