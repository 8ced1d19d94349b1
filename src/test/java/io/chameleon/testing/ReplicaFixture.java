package io.chameleon.testing;

import io.chameleon.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One test's replica: its own MySQL schema, PostgreSQL database and configuration file, and a way
 * to run chameleon commands in-process and read what they printed.
 */
public final class ReplicaFixture {
    public final String mysqlSchema;
    public final String pgDatabase;
    public final String pgSchema;
    public final Path dir;
    public final Path configFile;
    public final String sourceName = "mysql";
    private final TestServers.Endpoint mysqlServer;
    private final TestServers.Endpoint pgServer;
    private final String extraSourceKeys;

    private ReplicaFixture(TestServers.Endpoint mysqlServer, TestServers.Endpoint pgServer, String mysqlSchema,
            String pgDatabase, Path dir, String extraSourceKeys) throws IOException {
        this.mysqlServer = mysqlServer;
        this.pgServer = pgServer;
        this.mysqlSchema = mysqlSchema;
        this.pgDatabase = pgDatabase;
        this.pgSchema = "dst_" + mysqlSchema;
        this.dir = dir;
        this.configFile = dir.resolve("test.yml");
        this.extraSourceKeys = extraSourceKeys;
        Files.writeString(configFile, yaml(extraSourceKeys));
    }

    public static ReplicaFixture create(String prefix) throws Exception {
        return create(prefix, "");
    }

    /** @param extraSourceKeys YAML lines added under the source, indented by four spaces */
    public static ReplicaFixture create(String prefix, String extraSourceKeys) throws Exception {
        return create(prefix, extraSourceKeys, TestServers.mysql(), TestServers.postgres());
    }

    /** On servers of the test's own (a {@link RestartableMariaDb} or {@link RestartablePostgres}). */
    public static ReplicaFixture create(String prefix, String extraSourceKeys, TestServers.Endpoint mysql,
            TestServers.Endpoint pg) throws Exception {
        return new ReplicaFixture(mysql, pg, TestServers.createMysqlDatabase(mysql, prefix),
                TestServers.createPgDatabase(pg, prefix), Files.createTempDirectory("chameleon-" + prefix), extraSourceKeys);
    }

    /**
     * This replica with its source moved to {@code other}, a server of the same replication topology
     * that holds the same schema (a failover): the configuration file is written again with db_conn
     * pointing at it, and this fixture's catalogue, target database and directory are the new one's.
     */
    public ReplicaFixture onServer(TestServers.Endpoint other) throws IOException {
        return new ReplicaFixture(other, pgServer, mysqlSchema, pgDatabase, dir, extraSourceKeys);
    }

    private String yaml(String extraSourceKeys) {
        TestServers.Endpoint my = mysqlServer;
        TestServers.Endpoint pg = pgServer;
        return "pid_dir: '" + dir.resolve("pid") + "'\n"
                + "log_dir: '" + dir.resolve("logs") + "'\n"
                + "log_dest: stdout\n"
                + "log_level: info\n"
                + "log_days_keep: 2\n"
                + "pg_conn:\n"
                + "  host: \"" + pg.host() + "\"\n"
                + "  port: \"" + pg.port() + "\"\n"
                + "  user: \"" + pg.user() + "\"\n"
                + "  password: \"" + pg.password() + "\"\n"
                + "  database: \"" + pgDatabase + "\"\n"
                + "  charset: \"utf8\"\n"
                + "sources:\n"
                + "  mysql:\n"
                + "    db_conn:\n"
                + "      host: \"" + my.host() + "\"\n"
                + "      port: \"" + my.port() + "\"\n"
                + "      user: \"" + my.user() + "\"\n"
                + "      password: \"" + my.password() + "\"\n"
                + "      charset: 'utf8'\n"
                + "      connect_timeout: 10\n"
                + "    schema_mappings:\n"
                + "      " + mysqlSchema + ": " + pgSchema + "\n"
                + "    lock_timeout: \"30s\"\n"
                + "    my_server_id: 100\n"
                + "    copy_max_memory: \"64M\"\n"
                + "    copy_mode: 'direct'\n"
                + "    out_dir: '" + dir.resolve("out") + "'\n"
                + "    type: mysql\n"
                + extraSourceKeys;
    }

    public String config() throws IOException {
        return Files.readString(configFile);
    }

    /** Replaces the configuration file's text (to add keys the defaults do not have). */
    public void useConfig(String yaml) throws IOException {
        Files.writeString(configFile, yaml);
    }

    /** What a command printed and how it ended. */
    public record Run(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    /** Runs {@code chameleon <command> --config <file> [args]} in this JVM. */
    public Run run(String command, String... args) {
        List<String> argv = new ArrayList<>(List.of(command, "--config", configFile.toString()));
        argv.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@link #run} with {@code typed} as what the user types on standard input (answers to confirmations). */
    public Run runTyping(String typed, String command, String... args) {
        java.io.InputStream saved = System.in;
        System.setIn(new java.io.ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(command, args);
        } finally {
            System.setIn(saved);
        }
    }

    /** Runs a command that must succeed. */
    public Run ok(String command, String... args) {
        Run r = run(command, args);
        if (r.exitCode() != 0) {
            throw new AssertionError(command + " exited " + r.exitCode() + ":\n" + r.all());
        }
        return r;
    }

    /** create_replica_schema, add_source and init_replica of the fixture's source, each of which must succeed. */
    public void initReplica() {
        ok("create_replica_schema");
        ok("add_source", "--source", sourceName);
        ok("init_replica", "--source", sourceName);
    }

    /**
     * init_replica of the same MySQL schema into a new PostgreSQL database: what init_replica builds
     * from MySQL's definitions now, to compare a replica's tables with. Returns the database's name.
     */
    public String initReplicaElsewhere(String prefix) throws Exception {
        String database = TestServers.createPgDatabase(pgServer, prefix);
        Path config = dir.resolve(prefix + ".yml");
        Files.writeString(config, config().replace("database: \"" + pgDatabase + "\"", "database: \"" + database + "\""));
        for (String[] command : List.of(new String[] {"create_replica_schema"}, new String[] {"add_source", "--source",
                sourceName}, new String[] {"init_replica", "--source", sourceName})) {
            List<String> argv = new ArrayList<>(List.of(command));
            argv.addAll(1, List.of("--config", config.toString()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            if (code != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + code + ": "
                        + out.toString(StandardCharsets.UTF_8));
            }
        }
        return database;
    }

    /** The shape ({@link PgSchemaShape}) of the replica's schema in a database of this fixture's PostgreSQL. */
    public List<String> shape(String database) throws SQLException {
        try (Connection c = TestServers.pgConnection(pgServer, database); Statement s = c.createStatement()) {
            return PgSchemaShape.describe(s, pgSchema);
        }
    }

    /** The source's count of applied row changes, which the applier adds to in each batch's transaction. */
    public long replayedRows() throws SQLException {
        try (Connection c = pg(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT replayed_rows FROM sch_chameleon.sources WHERE source_name = '" + sourceName + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * {@code start_replica --debug} of the source in a process of its own, from the built jar, as a
     * user runs it; SIGTERM ({@link Process#destroy()}) stops it. Its output: {@link #startReplicaOutput()}.
     */
    public Process startReplicaProcess() throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "chameleon.jar").toString(), "start_replica", "--config", configFile.toString(),
                "--source", sourceName, "--debug")
                .redirectErrorStream(true).redirectOutput(dir.resolve("start_replica.out").toFile()).start();
    }

    /** What the process of {@link #startReplicaProcess()} printed so far. */
    public String startReplicaOutput() {
        try {
            return Files.readString(dir.resolve("start_replica.out"));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    public Connection mysql() throws SQLException {
        return TestServers.mysqlConnection(mysqlServer, mysqlSchema);
    }

    public Connection pg() throws SQLException {
        return TestServers.pgConnection(pgServer, pgDatabase);
    }

    public void mysqlExec(String... statements) throws SQLException {
        try (Connection c = mysql(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The first column of every row of a query on the target database, as text. */
    public List<String> pgStrings(String sql) throws SQLException {
        return pgStrings(pgDatabase, sql);
    }

    /** The same on another database of the fixture's PostgreSQL (one of {@link #initReplicaElsewhere}). */
    public List<String> pgStrings(String database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestServers.pgConnection(pgServer, database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Every difference between the MySQL table and its PostgreSQL copy (empty when equal). */
    public List<String> diff(String table) throws SQLException {
        try (Connection m = mysql(); Connection p = pg()) {
            return TableComparator.compare(m, mysqlSchema, table, p, pgSchema, 20);
        }
    }
}
