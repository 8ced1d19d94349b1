package io.chameleon.alert;

import com.sun.net.httpserver.HttpServer;
import io.chameleon.format.Json;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Stands in for Rollbar's item API: records each item posted, with the token of its header, and answers 200. */
final class RollbarStandIn implements AutoCloseable {
    /** One item as posted: the header's token, the raw body, and the body's "data" object. */
    record Item(String token, String body, Map<String, Object> data) {
        String level() {
            return (String) data.get("level");
        }

        String title() {
            return (String) data.get("title");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> custom() {
            return (Map<String, Object>) data.get("custom");
        }
    }

    private final HttpServer server;
    private final List<Item> items = new ArrayList<>();

    RollbarStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/1/item/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) Json.parse(body)).get("data");
            synchronized (items) {
                items.add(new Item(exchange.getRequestHeaders().getFirst("X-Rollbar-Access-Token"), body, data));
            }
            byte[] answer = "{\"err\":0,\"result\":{\"uuid\":\"x\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/1/item/";
    }

    List<Item> items() {
        synchronized (items) {
            return List.copyOf(items);
        }
    }

    /** Waits until an item matches; fails naming what arrived. */
    Item await(Predicate<Item> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Item i : items()) {
                if (wanted.test(i)) {
                    return i;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such item within " + timeout + "; arrived: "
                + items().stream().map(i -> i.level() + " " + i.title()).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
