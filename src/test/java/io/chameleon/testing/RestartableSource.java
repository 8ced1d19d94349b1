package io.chameleon.testing;

/**
 * A private source server of the run's flavour ({@link TestServers#flavour()}) that a test stops
 * and starts again on the same port and data, as an administrator restarts a source.
 */
public interface RestartableSource extends AutoCloseable {
    /** A new server of the run's flavour, configured as the shared one. */
    static RestartableSource start() throws Exception {
        return TestServers.flavour() == SourceFlavour.MYSQL ? MysqlServer.start(1) : RestartableMariaDb.start();
    }

    TestServers.Endpoint endpoint();

    /** A clean shutdown: the binary log is closed and the next start opens a new file. */
    void stop() throws Exception;

    /** Starts the stopped server again: same port, same data. */
    void restart() throws Exception;
}
