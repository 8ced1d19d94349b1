package io.chameleon.cli;

import io.chameleon.catalog.BuildVersion;
import io.chameleon.catalog.CatalogMigrations;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.ReplicaFixture.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue and configuration commands as a user runs them, against the embedded servers:
 * what each prints, its exit code, and what it leaves in the catalogue. Each test has its own
 * MySQL schema, PostgreSQL database and configuration file.
 */
class CliIT {
    private static final String[] COMMANDS = {"set_configuration_files", "show_config", "show_sources", "show_status",
        "show_errors", "create_replica_schema", "upgrade_replica_schema", "drop_replica_schema", "add_source",
        "drop_source", "enable_replica", "check", "init_replica", "run_maintenance"};
    private static final String SOURCE_COLUMNS = "SELECT source_name || ':' || status FROM sch_chameleon.sources ORDER BY 1";

    @TempDir
    Path tmp;

    // ---- create / upgrade / drop the catalogue ---------------------------------------------------

    @Test
    void createReplicaSchemaTwiceSecondHasNothingToDo() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_create");

        Run first = fx.ok("create_replica_schema");
        Run second = fx.ok("create_replica_schema");

        assertThat(first.out()).startsWith("created the replica catalogue sch_chameleon (version ")
                .contains(fx.pgDatabase);
        assertThat(second.out()).contains("already at version").contains("nothing to do");
        assertThat(second.err()).isEmpty();
        assertThat(strings(fx, "SELECT count(*) FROM sch_chameleon.chameleon_migrations"))
                .containsExactly(String.valueOf(CatalogMigrations.latestVersion()));
    }

    @Test
    void upgradeReplicaSchemaNeedsACatalogueAndIsANoOpOnACurrentOne() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_upgrade");

        Run none = fx.run("upgrade_replica_schema");
        assertRefused(none, ExitCode.REFUSED, "has no replica catalogue", "create_replica_schema");

        fx.ok("create_replica_schema");
        Run current = fx.ok("upgrade_replica_schema");
        assertThat(current.out()).contains("already at version").contains("nothing to do");
    }

    @Test
    void dropReplicaSchemaAsksForConfirmationThenDrops() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_dropcat");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);

        Run refused = fx.runTyping("", "drop_replica_schema");
        assertRefused(refused, ExitCode.REFUSED, "not confirmed", "nothing dropped");
        assertThat(refused.out()).contains("Type YES");
        assertThat(strings(fx, SOURCE_COLUMNS)).containsExactly("mysql:ready");

        Run dropped = fx.ok("drop_replica_schema", "--yes");
        assertThat(dropped.out()).contains("dropped the replica catalogue sch_chameleon");
        assertThat(strings(fx, "SELECT count(*) FROM pg_namespace WHERE nspname = 'sch_chameleon'")).containsExactly("0");

        Run again = fx.ok("drop_replica_schema", "--yes");
        assertThat(again.out()).contains("no replica catalogue").contains("nothing to do");
    }

    // ---- sources -----------------------------------------------------------------------------

    @Test
    void addSourceTwiceSecondSaysAlreadyPresent() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_add");
        fx.ok("create_replica_schema");

        Run first = fx.ok("add_source", "--source", fx.sourceName);
        Run second = fx.ok("add_source", "--source", fx.sourceName);

        assertThat(first.out()).startsWith("added source mysql (id ").contains(fx.mysqlSchema).contains(fx.pgSchema);
        assertThat(second.out()).contains("source mysql is already in the catalogue; nothing changed");
        assertThat(strings(fx, SOURCE_COLUMNS)).containsExactly("mysql:ready");
    }

    @Test
    void addSourceWithoutACatalogueSaysToCreateIt() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_nocat");

        assertRefused(fx.run("add_source", "--source", fx.sourceName), ExitCode.REFUSED, "has no replica catalogue",
                "run create_replica_schema");
        assertRefused(fx.run("show_status"), ExitCode.REFUSED, "has no replica catalogue");
    }

    @Test
    void dropSourceIsRefusedUnlessConfirmed() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_dropsrc");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);

        for (String answer : new String[] {"", "\n", "no\n", "yes\n"}) {
            Run r = fx.runTyping(answer, "drop_source", "--source", fx.sourceName);
            assertRefused(r, ExitCode.REFUSED, "not confirmed; source mysql kept");
            assertThat(r.out()).contains("Type YES");
            assertThat(strings(fx, SOURCE_COLUMNS)).as("after answering %s", answer).containsExactly("mysql:ready");
        }

        Run typed = fx.runTyping("YES\n", "drop_source", "--source", fx.sourceName);
        assertThat(typed.exitCode()).as(typed.all()).isZero();
        assertThat(typed.out()).contains("dropped source mysql");
        assertThat(strings(fx, SOURCE_COLUMNS)).isEmpty();

        fx.ok("add_source", "--source", fx.sourceName);
        Run yes = fx.runTyping("", "drop_source", "--source", fx.sourceName, "--yes");
        assertThat(yes.exitCode()).as(yes.all()).isZero();
        assertThat(yes.out()).doesNotContain("Type YES").contains("dropped source mysql");
        assertThat(strings(fx, SOURCE_COLUMNS)).isEmpty();
        assertThat(strings(fx, "SELECT count(*) FROM sch_chameleon.schema_mappings")).containsExactly("0");
    }

    @Test
    void dropSourceOfASourceNotInTheCatalogueIsRefused() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_dropnone");
        fx.ok("create_replica_schema");

        assertRefused(fx.run("drop_source", "--source", fx.sourceName, "--yes"), ExitCode.REFUSED,
                "source 'mysql' is not in the replica catalogue", "add_source");
    }

    @Test
    void sourceOmittedWithOneConfiguredSourceUsesIt() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_onesrc");
        fx.ok("create_replica_schema");

        assertThat(fx.ok("add_source").out()).startsWith("added source mysql");
        assertThat(fx.ok("enable_replica").out()).contains("source mysql is ready, not in error; nothing changed");
        assertThat(fx.ok("drop_source", "--yes").out()).contains("dropped source mysql");
        assertThat(strings(fx, SOURCE_COLUMNS)).isEmpty();
    }

    @Test
    void unknownOrMissingSourceIsAUsageErrorNamingTheConfiguredSources() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_twosrc");
        withSecondSource(fx);
        fx.ok("create_replica_schema");

        for (String command : new String[] {"add_source", "show_sources", "show_status", "check", "init_replica"}) {
            Run unknown = fx.run(command, "--source", "nope");
            assertRefused(unknown, ExitCode.USAGE, "--source", "'nope'", "mysql, other");
        }
        for (String command : new String[] {"add_source", "drop_source", "enable_replica", "init_replica"}) {
            Run missing = fx.run(command);
            assertRefused(missing, ExitCode.USAGE, "--source", "mysql, other");
        }
        assertThat(strings(fx, SOURCE_COLUMNS)).isEmpty();
    }

    // ---- show_status and show_errors ---------------------------------------------------------

    @Test
    void showStatusListsTheSourcesWithPgChameleonsColumns() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_status");
        withSecondSource(fx);
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "mysql");
        fx.ok("add_source", "--source", "other");

        List<String> lines = fx.ok("show_status").out().lines().toList();

        assertThat(lines.get(0)).containsSubsequence("Source id", "Source name", "Type", "Status", "Consistent",
                "Read lag", "Last read", "Replay lag", "Last replay");
        assertThat(lines.get(1)).matches("[- ]+");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2).split("\\s+")).containsExactly("1", "mysql", "mysql", "ready", "No", "N/A", "N/A", "N/A",
                "N/A");
        assertThat(lines.get(3).split("\\s+")).startsWith("2", "other", "mysql", "ready", "No");
    }

    @Test
    void showStatusJsonParses() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_statusjs");
        fx.ok("create_replica_schema");
        assertThat(JsonCheck.array(fx.ok("show_status", "--json").out())).isEmpty();
        fx.ok("add_source", "--source", fx.sourceName);

        List<Object> sources = JsonCheck.array(fx.ok("show_status", "--json").out());

        assertThat(sources).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) sources.get(0);
        assertThat(s).containsEntry("source_id", 1L).containsEntry("source_name", "mysql").containsEntry("type", "mysql")
                .containsEntry("status", "ready").containsEntry("consistent", false)
                .containsKeys("read_lag_seconds", "last_read", "replay_lag_seconds", "last_replay");
    }

    @Test
    void showStatusOfOneSourceHasItsMappingsAndCounters() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_detail");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);

        String text = fx.ok("show_status", "--source", fx.sourceName).out();

        assertThat(text).contains("Source name", "mysql", "ready");
        assertThat(text).containsSubsequence("Schema mappings", fx.mysqlSchema, fx.pgSchema, "Replica status",
                "Tables replicated", "Tables not replicated", "All tables", "Replayed rows", "Replayed DDL",
                "Skipped rows", "Adjusted values", "Last maintenance", "Next maintenance");
        String counters = text.lines().dropWhile(l -> !l.startsWith("Tables replicated")).skip(2).findFirst().orElseThrow();
        assertThat(counters.trim().split("\\s+")).containsExactly("0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
                "N/A", "disabled");
        assertThat(text).containsSubsequence("Replay", "Batches", "Transactions", "Row changes", "Skipped rows", "DDL",
                "Discarded rows", "Errors", "Adjusted values", "Avg replay lag", "Max replay lag");
        assertThat(text.lines().filter(l -> l.startsWith("last "))
                .map(l -> l.replaceAll("\\s+", " ")).toList())
                .containsExactly("last hour 0 0 0 0 0 0 0 0 N/A N/A", "last day 0 0 0 0 0 0 0 0 N/A N/A");

        Map<String, Object> json = JsonCheck.object(fx.ok("show_status", "--source", fx.sourceName, "--json").out());
        assertThat(json).containsEntry("source_name", "mysql").containsEntry("status", "ready")
                .containsEntry("schema_mappings", List.of(Map.of("mysql", fx.mysqlSchema, "pg", fx.pgSchema)))
                .containsEntry("tables_replicated", 0L).containsEntry("tables_not_replicated", 0L)
                .containsEntry("tables_all", 0L).containsEntry("rows_copied", 0L).containsEntry("discarded_rows", 0L)
                .containsEntry("replayed_rows", 0L).containsEntry("replayed_ddl", 0L)
                .containsEntry("skipped_rows", 0L).containsEntry("adjusted_values", 0L).containsEntry("last_maintenance", null)
                .containsEntry("next_maintenance", null).containsEntry("not_replicated", List.of())
                .containsEntry("adjusted", List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> replay = (Map<String, Object>) json.get("replay");
        assertThat(replay).containsOnlyKeys("last_hour", "last_day");
        assertThat(replay.get("last_day")).isEqualTo(JsonCheck.object("{\"batches\":0,\"transactions\":0,"
                + "\"row_changes\":0,\"skipped_rows\":0,\"ddl\":0,\"discarded_rows\":0,\"errors\":0,"
                + "\"adjusted_values\":0,\"avg_replay_lag_seconds\":null,\"max_replay_lag_seconds\":null}"));
    }

    @Test
    void showErrorsWithNoErrors() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_errors");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);

        assertThat(fx.ok("show_errors").out()).isEqualTo("no errors logged\n");
        assertThat(JsonCheck.array(fx.ok("show_errors", "--json").out())).isEmpty();
        assertRefused(fx.run("show_errors", "--logid", "42"), ExitCode.REFUSED, "no error with log id 42");
    }

    // ---- a catalogue that is not ours ----------------------------------------------------------

    @Test
    void aForeignCatalogueIsRefusedAndLeftUntouched() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_foreign");
        try (Connection c = fx.pg(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA sch_chameleon;"
                    + " CREATE TABLE sch_chameleon.t_version (t_version text);"
                    + " CREATE TABLE sch_chameleon.t_sources (i_id_source serial PRIMARY KEY, t_source text,"
                    + "   enm_status text, b_consistent boolean);"
                    + " CREATE TABLE sch_chameleon.t_replica_tables (i_id_table serial, i_id_source integer,"
                    + "   v_table_name text, v_schema_name text);"
                    + " CREATE TABLE sch_chameleon.t_replica_batch (i_id_batch serial, i_id_source integer);"
                    + " CREATE TABLE sch_chameleon.t_log_replica (i_id_event bigserial, i_id_batch bigint);"
                    + " INSERT INTO sch_chameleon.t_version VALUES ('2.0.21');"
                    + " INSERT INTO sch_chameleon.t_sources (t_source, enm_status, b_consistent)"
                    + "   VALUES ('mysql', 'running', true)");
        }
        String contents = "SELECT c.relname || ':' || c.relnatts FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'sch_chameleon'"
                + " UNION ALL SELECT 'source ' || t_source || ' ' || enm_status FROM sch_chameleon.t_sources ORDER BY 1";
        List<String> before = strings(fx, contents);

        List<String[]> commands = List.of(new String[] {"create_replica_schema"}, new String[] {"upgrade_replica_schema"},
                new String[] {"add_source", "--source", "mysql"}, new String[] {"show_status"},
                new String[] {"show_status", "--source", "mysql"}, new String[] {"show_errors"},
                new String[] {"drop_source", "--source", "mysql", "--yes"}, new String[] {"enable_replica"},
                new String[] {"drop_replica_schema", "--yes"});
        for (String[] command : commands) {
            Run r = fx.run(command[0], java.util.Arrays.copyOfRange(command, 1, command.length));
            assertRefused(r, ExitCode.REFUSED, "pg_chameleon's replica catalogue", "will not drop or alter it");
            assertThat(r.out()).as(String.join(" ", command)).isEmpty();
        }
        assertThat(strings(fx, contents)).isEqualTo(before);
    }

    // ---- check and init_replica ----------------------------------------------------------------

    @Test
    void checkPassesForTheAdminUser() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_check");

        Run text = fx.run("check", "--source", fx.sourceName);
        assertThat(text.exitCode()).as(text.all()).isZero();
        assertThat(text.out()).isNotBlank();

        Map<String, Object> json = JsonCheck.object(fx.ok("check", "--source", fx.sourceName, "--json").out());
        assertThat(json).containsEntry("source", "mysql").containsKeys("verdict", "checks");
        assertThat((List<?>) json.get("checks")).isNotEmpty();
    }

    @Test
    void initReplicaOfASourceNotAddedSaysToAddIt() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_initnoadd");
        fx.mysqlExec("CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1)");

        assertRefused(fx.run("init_replica", "--source", fx.sourceName), ExitCode.REFUSED, "has no replica catalogue",
                "create_replica_schema");
        fx.ok("create_replica_schema");
        assertRefused(fx.run("init_replica", "--source", fx.sourceName), ExitCode.REFUSED,
                "source 'mysql' is not in the replica catalogue", "add_source --source mysql");

        assertThat(strings(fx, SOURCE_COLUMNS)).isEmpty();
        assertThat(strings(fx, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE '%" + fx.pgSchema + "%'"))
                .containsExactly("0");
    }

    @Test
    void initReplicaWaitsForALiveLoadButRestartsOneWhoseProcessIsGone() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("cli_initstale");
        fx.mysqlExec("CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1), (2)");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        String host = java.net.InetAddress.getLocalHost().getHostName();

        // a load in progress: this JVM stands for the process doing it
        markInitialising(fx, ProcessHandle.current().pid(), host);
        Run busy = fx.run("init_replica", "--source", fx.sourceName);
        assertRefused(busy, ExitCode.REFUSED, "source mysql is initialising, held by " + host + ":"
                + ProcessHandle.current().pid(), "init_replica refused: one process per source: wait for the copy to end");
        assertThat(strings(fx, SOURCE_COLUMNS)).containsExactly("mysql:initialising");

        // a load that was killed: the process recorded no longer exists, its lease is taken over at once
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        markInitialising(fx, gone.pid(), host);
        Run again = fx.run("init_replica", "--source", fx.sourceName, "--debug");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(strings(fx, SOURCE_COLUMNS)).containsExactly("mysql:initialised");
        assertThat(fx.diff("t")).isEmpty();
    }

    // ---- configuration -------------------------------------------------------------------------

    @Test
    void aBadConfigurationIsAUsageErrorNamingTheKeyAndNeverThePassword() throws Exception {
        String good = standaloneConfig("127.0.0.1", 1);
        Map<String, String> broken = Map.of(
                "pg_conn.passwd", good.replace("  password: \"s3cr3t-pw\"", "  passwd: \"s3cr3t-pw\""),
                "sources.mysql.db_conn.pasword", good.replace("      password: \"my-s3cr3t\"", "      pasword: \"my-s3cr3t\""),
                "pg_conn.password", good.replace("  password: \"s3cr3t-pw\"", "  password: [\"s3cr3t-pw\"]"),
                "log_days_keep", good.replace("log_days_keep: 2", "log_days_keep: two"),
                "sources.mysql.copy_workers", good.replace("    type: mysql", "    type: mysql\n    copy_workers: many"));
        for (Map.Entry<String, String> e : broken.entrySet()) {
            Path file = Files.writeString(tmp.resolve("broken.yml"), e.getValue());
            for (String command : new String[] {"show_config", "show_sources", "show_status", "add_source", "init_replica"}) {
                Run r = main(command, "--config", file.toString());
                assertRefused(r, ExitCode.USAGE, "configuration: " + e.getKey() + ": ");
                assertThat(r.all()).as(e.getKey()).doesNotContain("s3cr3t");
            }
        }
    }

    @Test
    void aMissingConfigurationNamesWhereItLooked() {
        Run r = main("show_config", "--config", tmp.resolve("nowhere.yml").toString());
        assertRefused(r, ExitCode.USAGE, "--config", "nowhere.yml");
    }

    @Test
    void showConfigAndShowSourcesMaskPasswordsAndDoNotConnect() throws Exception {
        Path file = Files.writeString(tmp.resolve("secrets.yml"), standaloneConfig("db.invalid", 1));

        for (String[] command : List.of(new String[] {"show_config"}, new String[] {"show_config", "--json"},
                new String[] {"show_sources"}, new String[] {"show_sources", "--json"},
                new String[] {"show_sources", "--source", "mysql"}, new String[] {"show_sources", "--source", "mysql", "--json"})) {
            List<String> argv = new ArrayList<>(List.of(command));
            argv.addAll(List.of("--config", file.toString()));
            Run r = main(argv.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.all()).as(String.join(" ", command)).doesNotContain("s3cr3t").contains("mysql");
            if (argv.contains("--json")) {
                JsonCheck.parse(r.out());
            }
        }
        String text = main("show_config", "--config", file.toString()).out();
        assertThat(text).containsPattern("pg_conn\\.password +\\*\\*\\*")
                .containsPattern("sources\\.mysql\\.db_conn\\.password +\\*\\*\\*").contains("db.invalid");
    }

    @Test
    void aConnectionFailureIsOneLineWithoutThePassword() throws Exception {
        Path file = Files.writeString(tmp.resolve("unreachable.yml"), standaloneConfig("127.0.0.1", 1));

        for (String command : new String[] {"create_replica_schema", "show_status", "add_source"}) {
            Run r = main(command, "--config", file.toString());
            assertRefused(r, ExitCode.FAILED, "cannot connect to PostgreSQL at 127.0.0.1:1");
            assertThat(r.all()).doesNotContain("s3cr3t");
        }
    }

    @Test
    void setConfigurationFilesWritesAnExampleThatShowConfigAccepts() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"));
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            Run first = main("set_configuration_files");
            assertThat(first.exitCode()).as(first.all()).isZero();
            Path base = home.resolve(".pg_chameleon");
            Path example = base.resolve("configuration").resolve("config-example.yml");
            for (Path dir : List.of(base, base.resolve("configuration"), base.resolve("pid"), base.resolve("logs"))) {
                assertThat(dir).isDirectory();
                assertThat(first.out()).contains("created directory " + dir);
            }
            assertThat(example).isRegularFile();
            assertThat(first.out()).contains("wrote " + example);

            Run second = main("set_configuration_files");
            assertThat(second.exitCode()).as(second.all()).isZero();
            assertThat(second.out()).contains("already exists").contains("is already this version's example");

            Run byPath = main("show_config", "--config", example.toString());
            assertThat(byPath.exitCode()).as(byPath.all()).isZero();
            assertThat(byPath.out()).contains("pg_conn.password").contains("***").contains(base.resolve("logs").toString());
            Run byName = main("show_config", "--config", "config-example");
            assertThat(byName.exitCode()).as(byName.all()).isZero();
            assertThat(byName.out()).isEqualTo(byPath.out());
            assertThat(main("show_sources", "--config", example.toString()).exitCode()).isZero();
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    // ---- the command line itself ---------------------------------------------------------------

    @Test
    void versionPrintsTheVersion() {
        Run r = main("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("chameleon " + BuildVersion.current() + "\n");
        assertThat(BuildVersion.current()).isNotBlank();
    }

    @Test
    void helpListsEveryCommand() {
        Run r = main("--help");
        assertThat(r.exitCode()).isZero();
        for (String command : COMMANDS) {
            assertThat(r.out()).containsPattern("(?m)^ +" + command + " ");
        }
    }

    @Test
    void everyCommandAcceptsPgChameleonsOptions() throws Exception {
        Path file = Files.writeString(tmp.resolve("opts.yml"), standaloneConfig("db.invalid", 1));
        for (String command : COMMANDS) {
            Run help = main(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("--config", "--source", "--schema", "--tables", "--logid", "--debug",
                    "--rollbar-level", "--full", "--json", "--yes");
        }
        Run all = main("show_config", "--config", file.toString(), "--source", "mysql", "--schema", "s", "--tables", "s.t",
                "--logid", "1", "--debug", "--rollbar-level", "error", "--full");
        assertThat(all.exitCode()).as(all.all()).isZero();
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        Run none = main();
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE.code);
        assertThat(none.err()).contains("name a command").contains("Usage: chameleon");
        Run unknown = main("start_everything");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code);
        assertThat(unknown.err()).contains("start_everything");
        Run option = main("show_config", "--bogus");
        assertThat(option.exitCode()).isEqualTo(ExitCode.USAGE.code);
        assertThat(option.err()).contains("--bogus");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The command failed with this exit code and one line on stderr holding every fragment. */
    private static void assertRefused(Run r, ExitCode code, String... fragments) {
        assertThat(r.exitCode()).as(r.all()).isEqualTo(code.code);
        assertThat(r.err()).as(r.all()).startsWith("chameleon: ").endsWith("\n");
        assertThat(r.err().strip()).as("one line: " + r.err()).doesNotContain("\n");
        assertThat(r.err()).contains(fragments);
    }

    /** Runs {@code chameleon args...} in this JVM, as a user types it. */
    private static Run main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a command with what the user types on standard input (the test JVM's own is left alone). */

    /** A second source mapping another MySQL schema, with its own server id. */
    private static void withSecondSource(ReplicaFixture fx) throws Exception {
        String config = fx.config();
        String source = config.substring(config.indexOf("  mysql:\n"));
        fx.useConfig(config + source.replace("  mysql:\n", "  other:\n")
                .replace(fx.mysqlSchema + ": " + fx.pgSchema, fx.mysqlSchema + "_other: " + fx.pgSchema + "_other")
                .replace("my_server_id: 100", "my_server_id: 101"));
    }

    /** A configuration with distinctive passwords, pointing at hosts the commands under test must not need. */
    private String standaloneConfig(String host, int port) {
        return "pid_dir: '" + tmp.resolve("pid") + "'\n"
                + "log_dir: '" + tmp.resolve("logs") + "'\n"
                + "log_dest: stdout\n"
                + "log_level: info\n"
                + "log_days_keep: 2\n"
                + "pg_conn:\n"
                + "  host: \"" + host + "\"\n"
                + "  port: \"" + port + "\"\n"
                + "  user: \"usr_replica\"\n"
                + "  password: \"s3cr3t-pw\"\n"
                + "  database: \"db_replica\"\n"
                + "  charset: \"utf8\"\n"
                + "sources:\n"
                + "  mysql:\n"
                + "    db_conn:\n"
                + "      host: \"" + host + "\"\n"
                + "      port: \"" + port + "\"\n"
                + "      user: \"usr_replica\"\n"
                + "      password: \"my-s3cr3t\"\n"
                + "      charset: 'utf8'\n"
                + "      connect_timeout: 10\n"
                + "    schema_mappings:\n"
                + "      sakila: sch_sakila\n"
                + "    lock_timeout: \"30s\"\n"
                + "    my_server_id: 100\n"
                + "    type: mysql\n";
    }

    /** The catalogue as an init_replica run by process {@code pid} on {@code host} leaves it while loading. */
    private static void markInitialising(ReplicaFixture fx, long pid, String host) throws SQLException {
        try (Connection c = fx.pg(); java.sql.PreparedStatement s = c.prepareStatement("UPDATE sch_chameleon.sources"
                + " SET status = 'initialising', process_pid = ?, process_host = ?, process_started_at = now(),"
                + " lease_token = gen_random_uuid(), lease_expires_at = now() + interval '1 hour'")) {
            s.setLong(1, pid);
            s.setString(2, host);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static List<String> strings(ReplicaFixture fx, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = fx.pg(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
