package io.chameleon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a replica's Prometheus endpoint as Prometheus would: GET /metrics, one sample per line. */
public final class MetricsScrape {
    private static final int TIMEOUT_MILLIS = 5000;

    private MetricsScrape() {}

    /** A TCP port nothing listens on now, for a metrics_port. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the endpoint answered. */
    public record Response(int status, String contentType, String allow, String body) {}

    /** One request on a connection of its own, closed afterwards (a stopped endpoint then refuses the next). */
    public static Response request(String method, int port, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        try {
            c.setRequestMethod(method);
            c.setRequestProperty("Connection", "close");
            c.setConnectTimeout(TIMEOUT_MILLIS);
            c.setReadTimeout(TIMEOUT_MILLIS);
            int status = c.getResponseCode();
            InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(status, c.getContentType(), c.getHeaderField("Allow"), body);
        } finally {
            c.disconnect();
        }
    }

    /**
     * Every sample of a successful scrape, by its series ({@code name{labels}}), in the order served.
     *
     * @throws AssertionError when the endpoint does not answer 200 in the Prometheus text format
     */
    public static Map<String, Double> samples(int port) throws IOException {
        Response response = request("GET", port, "/metrics");
        if (response.status() != 200 || response.contentType() == null
                || !response.contentType().startsWith("text/plain; version=0.0.4")) {
            throw new AssertionError("GET /metrics answered " + response);
        }
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }
}
