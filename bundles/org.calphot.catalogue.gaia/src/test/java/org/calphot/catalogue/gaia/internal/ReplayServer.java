package org.calphot.catalogue.gaia.internal;

import java.io.IOException;
import java.io.OutputStream;
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
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on 127.0.0.1 for tests: each request's path and decoded query parameters go to a
 * handler that returns the status and body to send (recorded or hand-built replies). No network beyond
 * the loopback interface.
 */
public final class ReplayServer implements AutoCloseable {

    /** What to answer: status, body, and a delay before answering (to provoke timeouts). */
    public record Reply(int status, byte[] body, long delayMs) {
        public static Reply ok(String body) {
            return new Reply(200, body.getBytes(StandardCharsets.UTF_8), 0);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body.getBytes(StandardCharsets.UTF_8), 0);
        }
    }

    /** One request as received. */
    public record Request(String path, Map<String, String> params) {
    }

    private final HttpServer server;
    private final ExecutorService pool;
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public ReplayServer(Function<Request, Reply> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "replay-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            try {
                Map<String, String> params = new LinkedHashMap<>();
                String q = ex.getRequestURI().getRawQuery();
                if (q != null) {
                    for (String kv : q.split("&")) {
                        int eq = kv.indexOf('=');
                        String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
                        String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                        params.put(k, v);
                    }
                }
                Request req = new Request(ex.getRequestURI().getRawPath(), params);
                requests.add(req);
                Reply reply = handler.apply(req);
                if (reply.delayMs() > 0) {
                    try {
                        Thread.sleep(reply.delayMs());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                ex.getResponseHeaders().add("Content-Type", "application/x-votable+xml");
                ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(reply.body());
                }
            } catch (IOException | RuntimeException e) {
                // the client gave up (timeout tests): nothing to answer
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
