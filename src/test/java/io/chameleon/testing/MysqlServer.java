package io.chameleon.testing;

import io.chameleon.testing.TestServers.Endpoint;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away Oracle MySQL server: Debian sid's mysqld, run in the minimal sid root that
 * {@code bin/provision-mysql} makes (Debian 12 has no MySQL, and sid's build needs sid's libc). A
 * chroot shares the network, so the server listens on 127.0.0.1 at a free port; its data
 * directory is a temporary directory inside the root, removed on {@link #close()}.
 *
 * <p>Configured as a replica source the way MySQL ships, apart from the binary log settings a
 * source needs: GTIDs on, {@code binlog_row_metadata} left at MySQL's MINIMAL,
 * {@code caching_sha2_password} accounts. Where the server cannot be had (not root, no
 * provisioning possible) the test asking for it is aborted, which counts it as skipped, with the
 * reason printed once.
 */
public final class MysqlServer implements RestartableSource {
    /** Where bin/provision-mysql puts the root unless CHAMELEON_MYSQL_ROOT says otherwise. */
    private static final Path DEFAULT_ROOT = Path.of("/var/cache/chameleon/mysql-root");
    private static final Duration START_WAIT = Duration.ofMinutes(3);
    private static String unavailable;
    private static boolean warned;

    private final Path root;
    /** The data directory's path as the chrooted server sees it. */
    private final String inside;
    private final int port;
    private final List<String> extraArgs;
    private final Endpoint endpoint;
    private Process process;

    private MysqlServer(Path root, String inside, int port, List<String> extraArgs) {
        this.root = root;
        this.inside = inside;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
        this.endpoint = new Endpoint("127.0.0.1", port, TestServers.ADMIN_USER, TestServers.ADMIN_PASSWORD);
    }

    /**
     * Initialises and starts a new server.
     *
     * @param serverId the server's server_id (unique within a replication topology)
     * @param extraArgs more mysqld options, for example {@code --binlog-transaction-compression=ON}
     * @throws TestAbortedException when no MySQL server can be had on this machine
     */
    public static MysqlServer start(int serverId, String... extraArgs) throws Exception {
        Path root = root();
        Path dir = Files.createTempDirectory(root.resolve("tmp"), "chameleon-mysql");
        String inside = "/tmp/" + dir.getFileName();
        Files.writeString(dir.resolve("init.sql"), "CREATE USER IF NOT EXISTS '" + TestServers.ADMIN_USER + "'@'%'"
                + " IDENTIFIED BY '" + TestServers.ADMIN_PASSWORD + "';\nGRANT ALL ON *.* TO '" + TestServers.ADMIN_USER
                + "'@'%' WITH GRANT OPTION;\n");
        run(root, List.of("/usr/sbin/mysqld", "--no-defaults", "--initialize-insecure", "--user=root",
                "--datadir=" + inside + "/data", "--log-error=" + inside + "/initialize.log"), dir.resolve("initialize.out"));
        List<String> args = new ArrayList<>(List.of("--server-id=" + serverId));
        args.addAll(List.of(extraArgs));
        MysqlServer server = new MysqlServer(root, inside, freePort(), args);
        server.launch();
        Runtime.getRuntime().addShutdownHook(new Thread(server::closeQuietly));
        return server;
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    /** {@code mysqlbinlog}, {@code mysql} and the like, run in the server's root: what they print. */
    public String runClient(String... command) throws IOException, InterruptedException {
        Path out = dataDirectory().resolve("client.out");
        run(root, List.of(command), out);
        return Files.readString(out);
    }

    /** Stops the server with MySQL's clean shutdown (SIGTERM): the binary log is closed. */
    @Override
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        }
        process = null;
    }

    /** Starts the stopped server again: same port, same data. */
    @Override
    public synchronized void restart() throws Exception {
        stop();
        launch();
    }

    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(dataDirectory())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception ignored) {
            // the shutdown hook does its best
        }
    }

    private Path dataDirectory() {
        return root.resolve(inside.substring(1));
    }

    private synchronized void launch() throws Exception {
        List<String> command = new ArrayList<>(List.of("chroot", root.toString(), "/usr/sbin/mysqld", "--no-defaults",
                "--user=root", "--datadir=" + inside + "/data", "--socket=" + inside + "/mysql.sock",
                "--pid-file=" + inside + "/mysqld.pid", "--log-error=" + inside + "/error.log", "--port=" + port,
                "--bind-address=127.0.0.1", "--mysqlx=OFF", "--secure-file-priv=", "--skip-name-resolve",
                "--init-file=" + inside + "/init.sql", "--log-bin=mysql-bin", "--gtid-mode=ON",
                "--enforce-gtid-consistency=ON", "--max-connections=500", "--innodb-buffer-pool-size=256M",
                "--innodb-flush-log-at-trx-commit=2", "--sync-binlog=0"));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDirectory().resolve("mysqld.out").toFile()).start();
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mysqld exited with " + process.exitValue() + " at start:\n" + errorLog());
            }
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?allowPublicKeyRetrieval=true",
                    endpoint.user(), endpoint.password())) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("mysqld did not accept connections within " + START_WAIT.toSeconds() + " s: "
                + (last == null ? "" : last.getMessage()) + "\n" + errorLog());
    }

    private String errorLog() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory().resolve("error.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no error log: " + e.getMessage() + ")";
        }
    }

    /**
     * The provisioned root, provisioned now by bin/provision-mysql when missing and this is root.
     *
     * @throws TestAbortedException when there is none
     */
    static synchronized Path root() {
        String configured = System.getenv("CHAMELEON_MYSQL_ROOT");
        Path root = configured == null || configured.isBlank() ? DEFAULT_ROOT : Path.of(configured);
        if (unavailable == null && !Files.isExecutable(root.resolve("usr/sbin/mysqld"))) {
            unavailable = provision(root);
        }
        if (unavailable != null) {
            if (!warned) {
                warned = true;
                System.err.println("\n*** MySQL tests SKIPPED: " + unavailable + " ***\n");
            }
            throw new TestAbortedException("no MySQL server: " + unavailable);
        }
        return root;
    }

    /** Runs bin/provision-mysql; the reason there is no server, or null when there is one now. */
    private static String provision(Path root) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the MySQL server runs in a chroot, which needs root; as root, bin/provision-mysql makes " + root;
        }
        Path script = Path.of("bin", "provision-mysql").toAbsolutePath();
        try {
            System.err.println("no MySQL server at " + root + ": running " + script + " (about a minute)");
            Process p = new ProcessBuilder(script.toString()).inheritIO().start();
            int code = p.waitFor();
            return code == 0 && Files.isExecutable(root.resolve("usr/sbin/mysqld")) ? null
                    : script + " failed (exit " + code + "); run it by hand to see why";
        } catch (IOException e) {
            return "could not run " + script + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while provisioning";
        }
    }

    private static void run(Path root, List<String> command, Path output) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("chroot", root.toString()));
        argv.addAll(command);
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ":\n"
                    + Files.readString(output));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
