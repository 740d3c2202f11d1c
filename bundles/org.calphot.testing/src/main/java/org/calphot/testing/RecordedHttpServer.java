// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on 127.0.0.1 (a free port) that replays recorded replies in order (the last one repeats), so
 * remote services are tested without the network. Records every request's path and query.
 */
public final class RecordedHttpServer implements AutoCloseable {

    /** What the server does with one request. */
    @FunctionalInterface
    public interface Reply {
        void send(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger served = new AtomicInteger();
    private volatile List<Reply> script = List.of(status(404, "no reply recorded"));

    private RecordedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "recorded-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            requests.add(ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery());
            List<Reply> s = script;
            try {
                s.get(Math.min(served.getAndIncrement(), s.size() - 1)).send(ex);
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    /** Starts a server on a free loopback port. */
    public static RecordedHttpServer start() {
        try {
            return new RecordedHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The replies for the next requests, in order; the last one answers every further request. */
    public RecordedHttpServer serve(Reply... replies) {
        script = List.of(replies);
        served.set(0);
        return this;
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Path and query of every request so far (the live list: a test may clear it). */
    public List<String> requests() {
        return requests;
    }

    /** 200 with a text body. */
    public static Reply ok(String body) {
        return status(200, body);
    }

    /** Any status with a text body. */
    public static Reply status(int code, String body) {
        return bytes(code, "text/plain", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Any status with a body of the given content type (e.g. a recorded VOTable); an empty body sends no content. */
    public static Reply bytes(int code, String contentType, byte[] body) {
        return ex -> {
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        };
    }

    /** 200 with a VOTable document ({@code application/x-votable+xml}, as TAP services send it). */
    public static Reply votable(String document) {
        return bytes(200, "application/x-votable+xml", document.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code reply} after {@code millis} ms (to provoke a client's timeout). A client that gave up meanwhile is
     * not an error of the test: the late answer is dropped.
     */
    public static Reply delayed(long millis, Reply reply) {
        return ex -> {
            try {
                Thread.sleep(millis);
                reply.send(ex);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client closed the connection: nothing to answer
            }
        };
    }

    /** The path of a request as recorded by {@link #requests()}. */
    public static String path(String request) {
        int q = request.indexOf('?');
        return q < 0 ? request : request.substring(0, q);
    }

    /** The decoded query parameters of a request as recorded by {@link #requests()}, in order (last one wins). */
    public static Map<String, String> params(String request) {
        Map<String, String> params = new LinkedHashMap<>();
        int q = request.indexOf('?');
        String query = q < 0 ? "" : request.substring(q + 1);
        if (query.isEmpty() || query.equals("null")) {
            return params;
        }
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            params.put(k, eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
