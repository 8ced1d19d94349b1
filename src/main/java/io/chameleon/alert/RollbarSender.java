package io.chameleon.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts alerts to Rollbar from one daemon thread, so that reporting never holds up or fails the
 * work it reports on: alerts wait in a bounded queue (when it is full the newest are dropped and
 * counted, the first drop logged), each post gives up after {@link #CONNECT_TIMEOUT} to connect and
 * {@link #REQUEST_TIMEOUT} for the answer, and a Rollbar that cannot be reached is logged once, and
 * once more when it answers again. Log lines name the endpoint and the failure, never the key.
 */
final class RollbarSender {
    private static final Logger LOG = LoggerFactory.getLogger(RollbarSender.class);
    static final int CAPACITY = 100;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final RollbarSettings settings;
    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(CAPACITY);
    /** Queued or being posted: what a flush waits for. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final HttpClient client;
    private final Thread thread;
    /** Touched by the sender thread only. */
    private boolean failing;

    RollbarSender(RollbarSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.thread = new Thread(this::postUntilInterrupted, "rollbar-sender");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues the alert unless --rollbar-level leaves it out; returns at once. */
    void offer(Alert alert) {
        if (!alert.level().within(settings.most())) {
            return;
        }
        pending.incrementAndGet();
        if (!queue.offer(alert)) {
            pending.decrementAndGet();
            if (dropped.getAndIncrement() == 0) {
                LOG.warn("rollbar: {} alerts are waiting to be sent; newer ones are dropped (and counted) until"
                        + " they are: {}", CAPACITY, settings.secrets().mask(alert.title()));
            }
        }
    }

    /** Waits at most {@code wait} for the queued alerts to be posted, then stops the thread. */
    void close(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (pending.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        long lost = dropped.get() + pending.get();
        if (lost > 0) {
            LOG.warn("rollbar: {} alerts were not sent ({} dropped while the queue was full, {} still waiting at the"
                    + " end)", lost, dropped.get(), pending.get());
        }
    }

    private void postUntilInterrupted() {
        try {
            while (true) {
                Alert alert = queue.take();
                try {
                    post(alert);
                } finally {
                    pending.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void post(Alert alert) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint()).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Rollbar-Access-Token", settings.key())
                .POST(HttpRequest.BodyPublishers.ofString(RollbarItem.json(alert, settings, Instant.now())))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                answered();
            } else {
                failed("answers HTTP " + response.statusCode() + " (" + first(response.body()) + ")");
            }
        } catch (IOException e) {
            // an HttpClient exception names the URI at most, never the headers; masked all the same
            failed("is unreachable (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage()) + ")");
        }
    }

    private void answered() {
        if (failing) {
            failing = false;
            LOG.info("rollbar: {} answers again; alerts are sent", settings.endpoint());
        }
    }

    private void failed(String what) {
        if (!failing) {
            failing = true;
            LOG.warn("rollbar: {} {}; alerts are dropped until it answers (logged once, the replica goes on)",
                    settings.endpoint(), settings.secrets().mask(what));
        }
    }

    private static String first(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
