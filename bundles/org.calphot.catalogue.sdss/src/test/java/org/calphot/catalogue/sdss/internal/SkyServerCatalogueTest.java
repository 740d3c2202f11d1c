// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.sdss.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.calphot.catalogue.sdss.SdssSettings;
import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.CatalogueStar;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.MagnitudeKind;
import org.calphot.core.catalogue.QueryOptions;
import org.calphot.testing.RecordedHttpServer;
import org.calphot.testing.RecordedHttpServer.Reply;
import org.calphot.testing.ReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

/**
 * The SkyServer client against a JDK HTTP server on 127.0.0.1 replaying recorded SkyServer replies
 * and failures. Nothing here touches the network.
 */
class SkyServerCatalogueTest {

    private RecordedHttpServer server;
    private List<String> requests;

    @BeforeEach
    void start() {
        server = RecordedHttpServer.start();
        requests = server.requests();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String base() {
        return server.baseUrl();
    }

    /** Short timeouts and a 1 ms back-off keep the failure tests fast. */
    private SkyServerCatalogue client(int retries) {
        return new SkyServerCatalogue(SdssSettings.defaults().withBaseUrl(base())
                .withTimeouts(Duration.ofMillis(2000), Duration.ofMillis(1500), Duration.ofMillis(2500))
                .withRetries(retries, Duration.ofMillis(1)));
    }

    private static Reply ok(String body) {
        return RecordedHttpServer.ok(body);
    }

    private static Reply status(int code, String body) {
        return RecordedHttpServer.status(code, body);
    }

    private void serve(Reply... replies) {
        server.serve(replies);
    }

    /** A recorded reply: astroquery's (BSD-3) are committed, the SkyServerWS strings (unlicensed) are in ../shared. */
    private static String recorded(String name) throws IOException {
        Path p = name.startsWith("astroquery_") ? ReferenceData.committed("sdss/" + name)
                : ReferenceData.unlicensed("sdss/" + name);
        return Files.readString(p);
    }

    private String sqlOfFirstRequest() {
        String q = requests.get(0);
        for (String part : q.substring(q.indexOf('?') + 1).split("&")) {
            if (part.startsWith("cmd=")) {
                return URLDecoder.decode(part.substring(4), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no cmd in " + q);
    }

    // A reply in the layout of SkyServer's x_results.aspx CSV (literal #Table1 line, header, rows), as
    // recorded in astroquery's xid_im.txt, carrying the columns calphot's query selects. Values made up.
    private static final String SQL_REPLY = "#Table1\n"
            + "objID,ra,dec,type,clean,flags,psfMag_u,psfMagErr_u,psfMag_g,psfMagErr_g,psfMag_r,psfMagErr_r,"
            + "psfMag_i,psfMagErr_i,psfMag_z,psfMagErr_z,saturated_u,saturated_g,saturated_r,saturated_i,"
            + "saturated_z,distance\n"
            + "1237663783128253175,340.40400,0.98450,6,0,0,18.1,0.02,17.2,0.01,16.9,0.01,16.8,0.01,16.7,0.02,"
            + "0,0,0,0,0,0.0410\n"
            + "1237663783128253174,340.40350,0.98500,6,1,268435456,14.512,0.004,13.101,0.002,12.501,0.002,"
            + "12.301,0.002,-9999,-9999,0,0,262144,0,0,0.0053\n";

    @Test
    void sqlReplyGivesNearestStarWithFlagsAndOthersRecorded() throws Exception {
        serve(ok(SQL_REPLY));
        ConeQuery cone = ConeQuery.parse("340.40346 +0.98492", 3, Location.NONE);
        CatalogueResult r = client(0).query(cone, QueryOptions.DEFAULTS);
        assertEquals(List.of("u", "g", "r", "i", "z"), r.bands());
        assertEquals(2, r.stars().size());
        CatalogueStar s = r.nearest();
        assertEquals("1237663783128253174", s.id());
        // Expected separations from an independent Vincenty-formula computation (Python); 1e-6"
        // covers rounding only.
        assertEquals(0.3219842738940707, s.separationArcsec(), 1e-6);
        assertEquals(2.4625523047184026, r.others().get(0).separationArcsec(), 1e-6);
        assertEquals(14.512, s.mag(0), 0);
        assertEquals(0.002, s.magErr(2), 0);
        assertTrue(Double.isNaN(s.mag(4)), "-9999 means not measured");
        assertEquals(List.of("SATURATED_r"), s.flags());
        assertTrue(!s.usable(2, "r") && s.usable(1, "g"));
        assertEquals(List.of("NOT_CLEAN"), r.others().get(0).flags());
        assertEquals("268435456", s.extra().get("flags"));
        assertTrue(r.system().contains("DR17") && r.system().contains("PSF"), r.system());

        // The exact request: DR17 SQL endpoint, encoded SQL with the validated numbers, radius in arcmin.
        assertEquals(1, requests.size());
        assertTrue(requests.get(0).startsWith("/dr17/en/tools/search/x_results.aspx?searchtool=SQL&cmd="),
                requests.get(0));
        assertTrue(requests.get(0).endsWith("&format=csv"));
        String sql = sqlOfFirstRequest();
        assertTrue(sql.contains("dbo.fGetNearbyObjEq(340.40346000, 0.98492000, 0.05)"), sql);
        assertTrue(sql.contains("JOIN Star AS p") && sql.contains("p.psfMag_u, p.psfMagErr_u"), sql);
        assertTrue(sql.contains("dbo.fPhotoFlags('SATURATED')"), sql);
        assertTrue(r.queryText().startsWith("GET " + base() + "/dr17/"), r.queryText());
        assertEquals(r.queryText(), client(0).queryText(cone, QueryOptions.DEFAULTS));
    }

    @Test
    void releaseAndModelMagnitudesChangeTheQuery() throws Exception {
        ConeQuery cone = new ConeQuery(10, -5, 3);
        String q = client(0).queryText(cone, QueryOptions.DEFAULTS.withDataRelease(9)
                .withMagnitudes(MagnitudeKind.MODEL));
        assertTrue(q.contains("/dr9/en/tools/search/x_sql.asp?cmd="), q);
        assertTrue(q.contains("modelMag_r"), q);
        assertTrue(!q.contains("searchtool"), "searchtool only for DR>11");
        // A negative Dec and the plus sign of a positive one survive URL encoding.
        String sql = SdssQuery.sql(cone, MagnitudeKind.PSF);
        assertTrue(sql.contains("(10.00000000, -5.00000000, 0.05)"), sql);
    }

    @Test
    void replaysRecordedConeSearchReply() throws Exception {
        // Recorded SkyServerWS ConeSearch reply (see reference/sdss/README.md): 2 galaxies, 1 star.
        serve(ok(recorded("skyserverws_examples/conesearch_ra145_dec34_sr0.4.csv")));
        CatalogueResult r = client(0).query(new ConeQuery(145, 34, 1440), QueryOptions.DEFAULTS);
        assertEquals(1, r.stars().size());
        CatalogueStar s = r.nearest();
        assertEquals("1237664871898480896", s.id());
        // psfMag columns of the recorded row, read by hand.
        assertEquals(21.74096, s.mag(0), 0);
        assertEquals(21.7165, s.mag(1), 0);
        assertEquals(0.06162296, s.magErr(1), 0);
        assertEquals(20.45054, s.mag(4), 0);
        assertEquals(22.476176159067972, s.separationArcsec(), 1e-6); // Vincenty, Python
        assertEquals(List.of("CLEAN_UNKNOWN", "SATURATION_UNKNOWN"), s.flags());
        assertEquals("STAR", s.extra().get("type"));
    }

    @Test
    void replaysRecordedRectangularReplyWithModelMagnitudes() throws Exception {
        serve(ok(recorded("skyserverws_examples/rectangularsearch_ra258.2-258.3_dec64.1-64.2.csv")));
        CatalogueResult r = client(0).query(new ConeQuery(258.25, 64.14, 30),
                QueryOptions.DEFAULTS.withMagnitudes(MagnitudeKind.MODEL));
        CatalogueStar s = r.nearest();
        assertEquals("1237671768542609419", s.id());
        // u..z are SkyServer's modelMag aliases: values of the recorded row.
        assertEquals(14.06628, s.mag(0), 0);
        assertEquals(11.42715, s.mag(1), 0);
        assertEquals(0.01516947, s.magErr(4), 0);
        assertEquals(5.596992359561436, s.separationArcsec(), 1e-6);
        assertTrue(r.system().contains("model"));
    }

    @Test
    void recordedReplyWithOnlyAGalaxyIsNoStarFound() throws Exception {
        serve(ok(recorded("skyserverws_examples/radialsearch_ra258.2_dec64_r0.35.csv")));
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> client(0).query(new ConeQuery(258.2, 64, 21), QueryOptions.DEFAULTS.withMagnitudes(
                        MagnitudeKind.MODEL)));
        assertEquals(Kind.NO_STAR_FOUND, e.kind());
        assertTrue(e.getMessage().contains("1 non-star"), e.getMessage());
        assertTrue(e.query().startsWith("GET http://127.0.0.1:"));
    }

    @Test
    void emptyTableIsNoStarFound() {
        serve(ok("#Table1\nobjID,ra,dec,type,psfMag_u,psfMagErr_u\n"));
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> client(0).query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS));
        assertEquals(Kind.NO_STAR_FOUND, e.kind());
    }

    @Test
    void recordedTableWithoutMagnitudesIsMalformed() throws Exception {
        // astroquery's recorded x_results reply (#Table1 layout) carries positions only.
        serve(ok(recorded("astroquery_xid_im.txt")));
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> client(0).query(new ConeQuery(2.0234, 14.8398, 2), QueryOptions.DEFAULTS));
        assertEquals(Kind.MALFORMED_REPLY, e.kind());
        assertTrue(e.getMessage().contains("psfMag"), e.getMessage());
    }

    @Test
    void garbageIsMalformedAndNotRetried() {
        byte[] junk = new byte[512];
        new java.util.Random(42).nextBytes(junk);
        serve(ex -> {
            ex.sendResponseHeaders(200, junk.length);
            ex.getResponseBody().write(junk);
        });
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> client(3).query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS));
        assertEquals(Kind.MALFORMED_REPLY, e.kind());
        assertEquals(1, requests.size());

        requests.clear();
        serve(ok("<html><body>Service temporarily moved</body></html>"));
        assertEquals(Kind.MALFORMED_REPLY, assertThrows(CatalogueException.class,
                () -> client(0).query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS)).kind());
        serve(ok("#Table1\nobjID,ra,dec,psfMag_u\n123,abc,1,15\n"));
        CatalogueException bad = assertThrows(CatalogueException.class,
                () -> client(0).query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS));
        assertEquals(Kind.MALFORMED_REPLY, bad.kind());
        assertTrue(bad.getMessage().contains("line 3"), bad.getMessage());
    }

    @Test
    void serverErrorIsHttpErrorAfterRetries() {
        serve(status(500, "<html><body><h1>Server Error in '/' Application.</h1></body></html>"));
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> client(2).query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS));
        assertEquals(Kind.HTTP_ERROR, e.kind());
        assertEquals(500, e.httpStatus());
        assertTrue(e.getMessage().contains("Server Error"), e.getMessage());
        assertEquals(3, requests.size(), "1 attempt + 2 retries");
    }

    @Test
    void clientErrorIsNotRetried() {
        serve(status(404, "Not Found"));
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> client(2).query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS));
        assertEquals(Kind.HTTP_ERROR, e.kind());
        assertEquals(404, e.httpStatus());
        assertEquals(1, requests.size());
    }

    @Test
    void sqlErrorInsideA200ReplyIsHttpError() {
        serve(ok("{\"error_message\": \"Invalid column name 'psfMag_q'.\"}"));
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> client(0).query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS));
        assertEquals(Kind.HTTP_ERROR, e.kind());
        assertTrue(e.getMessage().contains("Invalid column name"), e.getMessage());
    }

    @Test
    void transientFailureThenSuccessIsRetried() throws Exception {
        serve(status(503, "busy"), ok(SQL_REPLY));
        CatalogueResult r = client(2).query(new ConeQuery(340.40346, 0.98492, 3), QueryOptions.DEFAULTS);
        assertEquals("1237663783128253174", r.nearest().id());
        assertEquals(2, requests.size());
    }

    @Test
    void slowReplyTimesOut() {
        serve(ex -> {
            try {
                Thread.sleep(3000); // beyond the 1.5 s read / 2.5 s call timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> client(1).query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS));
        assertEquals(Kind.TIMED_OUT, e.kind());
        assertEquals(2, requests.size(), "timeouts are retried");
    }

    @Test
    void replyStallingMidBodyTimesOut() {
        serve(ex -> {
            ex.sendResponseHeaders(200, 10_000);
            ex.getResponseBody().write("#Table1\nobjID,ra".getBytes(StandardCharsets.US_ASCII));
            ex.getResponseBody().flush();
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> client(0).query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS));
        assertEquals(Kind.TIMED_OUT, e.kind());
    }

    @Test
    void droppedConnectionIsUnreachable() {
        // Promise 10 000 bytes, send 16, close: the connection drops mid-reply.
        serve(ex -> {
            ex.sendResponseHeaders(200, 10_000);
            ex.getResponseBody().write("#Table1\nobjID,ra".getBytes(StandardCharsets.US_ASCII));
            ex.getResponseBody().flush();
            closeSocket(ex);
        });
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> client(1).query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS));
        assertEquals(Kind.UNREACHABLE, e.kind(), e.getMessage());
        assertEquals(2, requests.size(), "dropped connections are retried");
    }

    private static void closeSocket(HttpExchange ex) throws IOException {
        // Closing the body stream before all promised bytes makes the JDK server drop the connection.
        ex.getResponseBody().close();
    }

    @Test
    void closedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SkyServerCatalogue c = new SkyServerCatalogue(SdssSettings.defaults().withBaseUrl("http://127.0.0.1:" + port)
                .withTimeouts(Duration.ofMillis(2000), Duration.ofMillis(1500), Duration.ofMillis(2500))
                .withRetries(1, Duration.ofMillis(1)));
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> c.query(new ConeQuery(1, 1, 3), QueryOptions.DEFAULTS));
        assertEquals(Kind.UNREACHABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void coordinatesAreValidatedBeforeAnyQuery() throws Exception {
        assertThrows(BadInputException.class,
                () -> ConeQuery.parse("1 1) AS n; DROP TABLE Star --", 3, Location.of("a.coords", 4)));
        assertThrows(BadInputException.class, () -> ConeQuery.parse("12:00:00 +1:00:00; SELECT", 3, Location.NONE));
        ConeQuery q = ConeQuery.parse("22:41:36.83 +00:59:05.7", 3, Location.NONE);
        // 15 * (22 + 41/60 + 36.83/3600) and 59/60 + 5.7/3600, by hand.
        assertEquals(340.40345833333333, q.raDeg(), 1e-12);
        assertEquals(0.9849166666666667, q.decDeg(), 1e-12);
        assertEquals(-(2 / 60.0 + 56.3 / 3600), ConeQuery.parse("20:23:04.5 -00:02:56.3", 3, Location.NONE).decDeg(),
                1e-12);
        assertTrue(requests.isEmpty());
    }
}
