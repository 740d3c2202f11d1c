package org.calphot.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        return ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(code, b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        };
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
