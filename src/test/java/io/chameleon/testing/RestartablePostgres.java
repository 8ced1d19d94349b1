package io.chameleon.testing;

import io.chameleon.testing.TestServers.Endpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private PostgreSQL, configured as the shared test server, that a test stops and starts again
 * on the same port and data directory. Stopping is a fast shutdown: open sessions are ended
 * (SQLSTATE 57P01) and committed data stays.
 */
public final class RestartablePostgres implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private final Endpoint endpoint;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) throws Exception {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.server = launch();
        this.endpoint = TestServers.setPassword(server);
    }

    public static RestartablePostgres start() throws Exception {
        return new RestartablePostgres(Files.createTempDirectory("chameleon-pg-private"), freePort());
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the stopped server again: same port, same data. */
    public synchronized void restart() throws IOException {
        stop();
        server = launch();
    }

    @Override
    public void close() throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private EmbeddedPostgres launch() throws IOException {
        return TestServers.postgresConfig().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofMinutes(3)).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
