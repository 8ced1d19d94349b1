package io.chameleon.testing;

import io.chameleon.testing.TestServers.Endpoint;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL primary and its streaming hot standby, from the machine's PostgreSQL 15
 * (the embedded PostgreSQL has no pg_basebackup). Both listen on 127.0.0.1 at free ports, with
 * their unix sockets in their temporary directory. initdb and postgres refuse root: as root,
 * they run as the {@code postgres} user (or {@code nobody}) through runuser, which owns the directory.
 */
public final class PgStandbyPair implements AutoCloseable {
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String PASSWORD = "postgres";

    private final Path dir;
    private final List<String> runAs;
    private final int primaryPort;
    private final int standbyPort;
    private final List<Path> started = new ArrayList<>();

    private PgStandbyPair(Path dir, List<String> runAs, int primaryPort, int standbyPort) {
        this.dir = dir;
        this.runAs = runAs;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** Skips the calling test when the PostgreSQL 15 binaries are not installed. */
    public static PgStandbyPair start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BIN.resolve("pg_basebackup")), "no PostgreSQL 15 binaries in " + BIN
                + " (Debian/Ubuntu: apt-get install postgresql-15): the hot standby test needs initdb, pg_ctl and"
                + " pg_basebackup");
        Path dir = Files.createTempDirectory("chameleon-pgstandby");
        List<String> runAs = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            String user = userExists("postgres") ? "postgres" : "nobody";
            run(List.of("chown", user, dir.toString()), dir, dir.resolve("chown.log"));
            runAs = List.of("runuser", "-u", user, "--");
        }
        int primaryPort = freePort();
        int standbyPort = freePort();
        while (standbyPort == primaryPort) {
            standbyPort = freePort();
        }
        PgStandbyPair pair = new PgStandbyPair(dir, runAs, primaryPort, standbyPort);
        try {
            pair.startPrimary();
            pair.startStandby();
            return pair;
        } catch (Exception | Error e) {
            pair.close();
            throw e;
        }
    }

    public Endpoint primary() {
        return new Endpoint("127.0.0.1", primaryPort, "postgres", PASSWORD);
    }

    public Endpoint standby() {
        return new Endpoint("127.0.0.1", standbyPort, "postgres", PASSWORD);
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    public void awaitReplay() throws Exception {
        String lsn;
        try (Connection p = TestServers.pgConnection(primary(), "postgres"); Statement s = p.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            lsn = rs.getString(1);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        try (Connection c = TestServers.pgConnection(standby(), "postgres");
                PreparedStatement s = c.prepareStatement("SELECT pg_is_in_recovery() AND pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            s.setString(1, lsn);
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the standby has not replayed the primary's WAL up to " + lsn
                            + " in 60 s; see " + dir.resolve("standby.log"));
                }
                Thread.sleep(50);
            }
        }
    }

    private void startPrimary() throws Exception {
        Path data = dir.resolve("primary");
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n");
        pg(dir.resolve("initdb.log"), "initdb", "-D", data.toString(), "-U", "postgres", "--pwfile=" + pwfile,
                "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256");
        Files.writeString(data.resolve("pg_hba.conf"), "local all all trust\nlocal replication all trust\n"
                + "host all all 127.0.0.1/32 scram-sha-256\nhost replication all 127.0.0.1/32 scram-sha-256\n");
        Files.writeString(data.resolve("postgresql.conf"), "\nlisten_addresses = '127.0.0.1'\n"
                + "unix_socket_directories = '" + dir + "'\nport = " + primaryPort + "\nwal_level = replica\n"
                + "max_wal_senders = 5\nhot_standby = on\nfsync = off\nsynchronous_commit = off\n"
                + "shared_buffers = 16MB\nmax_connections = 50\n", StandardOpenOption.APPEND);
        serverStart(data, "primary");
    }

    private void startStandby() throws Exception {
        Path data = dir.resolve("standby");
        pg(dir.resolve("basebackup.log"), "pg_basebackup", "-D", data.toString(), "-h", dir.toString(), "-p",
                Integer.toString(primaryPort), "-U", "postgres", "-R", "-X", "stream", "-c", "fast");
        // the copied postgresql.conf names the primary's port: the last setting wins
        Files.writeString(data.resolve("postgresql.conf"), "\nport = " + standbyPort + "\n",
                StandardOpenOption.APPEND);
        serverStart(data, "standby");
    }

    private void serverStart(Path data, String name) throws Exception {
        started.add(data);
        pg(dir.resolve(name + "-ctl.log"), "pg_ctl", "-D", data.toString(), "-l", dir.resolve(name + ".log").toString(),
                "-w", "-t", "120", "start");
    }

    private void pg(Path output, String program, String... args) throws Exception {
        List<String> argv = new ArrayList<>(runAs);
        argv.add(BIN.resolve(program).toString());
        argv.addAll(List.of(args));
        run(argv, dir, output);
    }

    private static void run(List<String> argv, Path cwd, Path output) throws Exception {
        Process p = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + p.exitValue() + ":\n"
                    + Files.readString(output));
        }
    }

    private static boolean userExists(String user) throws Exception {
        return new ProcessBuilder("id", user).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor() == 0;
    }

    /** Stops both servers at once (nothing of theirs is kept) and removes the directory. */
    @Override
    public void close() throws IOException {
        for (int i = started.size() - 1; i >= 0; i--) {
            Path data = started.get(i);
            try {
                pg(dir.resolve("stop.log"), "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            } catch (Exception e) {
                System.err.println("could not stop the PostgreSQL in " + data + ": " + e.getMessage());
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
