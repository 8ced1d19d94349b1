package io.chameleon.replica;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chameleon.config.SourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The replica's metrics for Prometheus at {@code GET /metrics} on the source's metrics_address and
 * metrics_port, served by the JDK's HTTP server; nothing is served when the source has no metrics_port.
 */
final class MetricsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);
    static final String PATH = "/metrics";

    private final HttpServer server;

    private MetricsEndpoint(HttpServer server) {
        this.server = server;
    }

    /**
     * Listens on the source's metrics port, if it has one.
     *
     * @param metrics the text a scrape returns, rendered afresh for each
     * @throws IOException naming the address and the key when the port cannot be listened on
     */
    static MetricsEndpoint start(SourceConfig source, Supplier<String> metrics) throws IOException {
        if (source.metricsPort() == null) {
            return new MetricsEndpoint(null);
        }
        String where = source.metricsAddress() + ":" + source.metricsPort();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(source.metricsAddress(), source.metricsPort()), 0);
        } catch (IOException e) {
            throw new IOException("source " + source.name() + ": cannot serve metrics on " + where + " (metrics_address,"
                    + " metrics_port): " + e.getMessage() + "; choose a free port, or remove metrics_port", e);
        }
        server.createContext("/", exchange -> respond(exchange, metrics));
        server.start();
        LOG.info("metrics of source {} at http://{}{}", source.name(), where, PATH);
        return new MetricsEndpoint(server);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void respond(HttpExchange exchange, Supplier<String> metrics) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found: the metrics are at " + PATH + "\n");
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", method + " is not allowed: use GET\n");
            } else {
                send(exchange, 200, PrometheusText.CONTENT_TYPE, metrics.get());
            }
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
