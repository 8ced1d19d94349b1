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

    private ReplicaFixture(String mysqlSchema, String pgDatabase, Path dir, String extraSourceKeys) throws IOException {
        this.mysqlSchema = mysqlSchema;
        this.pgDatabase = pgDatabase;
        this.pgSchema = "dst_" + mysqlSchema;
        this.dir = dir;
        this.configFile = dir.resolve("test.yml");
        Files.writeString(configFile, yaml(extraSourceKeys));
    }

    public static ReplicaFixture create(String prefix) throws Exception {
        return create(prefix, "");
    }

    /** @param extraSourceKeys YAML lines added under the source, indented by four spaces */
    public static ReplicaFixture create(String prefix, String extraSourceKeys) throws Exception {
        return new ReplicaFixture(TestServers.createMysqlDatabase(prefix), TestServers.createPgDatabase(prefix),
                Files.createTempDirectory("chameleon-" + prefix), extraSourceKeys);
    }

    private String yaml(String extraSourceKeys) {
        TestServers.Endpoint my = TestServers.mysql();
        TestServers.Endpoint pg = TestServers.postgres();
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

    /** Runs a command that must succeed. */
    public Run ok(String command, String... args) {
        Run r = run(command, args);
        if (r.exitCode() != 0) {
            throw new AssertionError(command + " exited " + r.exitCode() + ":\n" + r.all());
        }
        return r;
    }

    /** The source's count of applied row changes, which the applier adds to in each batch's transaction. */
    public long replayedRows() throws SQLException {
        try (Connection c = pg(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT replayed_rows FROM sch_chameleon.sources WHERE source_name = '" + sourceName + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public Connection mysql() throws SQLException {
        return TestServers.mysqlConnection(mysqlSchema);
    }

    public Connection pg() throws SQLException {
        return TestServers.pgConnection(pgDatabase);
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
        List<String> values = new ArrayList<>();
        try (Connection c = pg(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
