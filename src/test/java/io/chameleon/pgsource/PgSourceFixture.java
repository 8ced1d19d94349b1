package io.chameleon.pgsource;

import io.chameleon.cli.Main;
import io.chameleon.testing.TestServers;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A pgsql source database and a target database (on the test PostgreSQL unless told), with the configuration. */
final class PgSourceFixture {
    final String sourceDb;
    final String targetDb;
    final Path config;
    private final TestServers.Endpoint sourceServer;
    private final TestServers.Endpoint targetServer;

    record Run(int exitCode, String out) {}

    private PgSourceFixture(TestServers.Endpoint sourceServer, String sourceDb, String targetDb, String extraKeys)
            throws Exception {
        this.sourceServer = sourceServer;
        this.targetServer = TestServers.postgres();
        this.sourceDb = sourceDb;
        this.targetDb = targetDb;
        Path dir = Files.createTempDirectory("chameleon-pgsrc");
        this.config = dir.resolve("pg.yml");
        TestServers.Endpoint pg = targetServer;
        TestServers.Endpoint src = sourceServer;
        Files.writeString(config, "pid_dir: '" + dir.resolve("pid") + "'\nlog_dir: '" + dir.resolve("logs") + "'\n"
                + "log_dest: stdout\nlog_level: info\nlog_days_keep: 2\n"
                + "pg_conn:\n  host: \"" + pg.host() + "\"\n  port: \"" + pg.port() + "\"\n  user: \"" + pg.user()
                + "\"\n  password: \"" + pg.password() + "\"\n  database: \"" + targetDb + "\"\n  charset: \"utf8\"\n"
                + "sources:\n  pg1:\n    db_conn:\n      host: \"" + src.host() + "\"\n      port: \"" + src.port()
                + "\"\n      user: \"" + src.user() + "\"\n      password: \"" + src.password() + "\"\n      database: \""
                + sourceDb + "\"\n      charset: 'utf8'\n      connect_timeout: 10\n"
                + "    schema_mappings:\n      src: dst\n    lock_timeout: \"30s\"\n    copy_mode: 'direct'\n"
                + "    out_dir: '" + dir.resolve("out") + "'\n    type: pgsql\n" + extraKeys);
    }

    static PgSourceFixture create(String extraKeys) throws Exception {
        return new PgSourceFixture(TestServers.postgres(), TestServers.createPgDatabase("pgsrc"),
                TestServers.createPgDatabase("pgdst"), extraKeys);
    }

    /** With the source database on another server (a standby), named as on that server. */
    static PgSourceFixture onSource(TestServers.Endpoint server, String sourceDb, String extraKeys) throws Exception {
        return new PgSourceFixture(server, sourceDb, TestServers.createPgDatabase("pgdst"), extraKeys);
    }

    /** With a target database created by {@code createDatabase} ("%s" is its name), e.g. in another encoding. */
    static PgSourceFixture withTargetDatabase(String createDatabase) throws Exception {
        String name = TestServers.uniqueName("pgdst");
        try (Connection c = TestServers.pgConnection("postgres"); Statement s = c.createStatement()) {
            s.execute(createDatabase.replace("%s", "\"" + name + "\""));
        }
        return new PgSourceFixture(TestServers.postgres(), TestServers.createPgDatabase("pgsrc"), name, "");
    }

    Connection source() throws SQLException {
        return TestServers.pgConnection(sourceServer, sourceDb);
    }

    Connection target() throws SQLException {
        return TestServers.pgConnection(targetServer, targetDb);
    }

    void sourceExec(String... sql) throws SQLException {
        try (Connection c = source(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    Run run(String command, String... args) {
        List<String> argv = new ArrayList<>(List.of(command, "--config", config.toString()));
        argv.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Main.run(argv.toArray(String[]::new), p, p);
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    Run ok(String command, String... args) {
        Run r = run(command, args);
        if (r.exitCode() != 0) {
            throw new AssertionError(command + " exited " + r.exitCode() + ":\n" + r.out());
        }
        return r;
    }

    /** create_replica_schema, add_source, init_replica: the summary of the last. */
    Run initReplica() {
        ok("create_replica_schema");
        ok("add_source", "--source", "pg1");
        return ok("init_replica", "--source", "pg1");
    }
}
