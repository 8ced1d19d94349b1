package io.chameleon.alert;

import io.chameleon.alert.RollbarStandIn.Item;
import io.chameleon.testing.BackgroundProcess;
import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The events of docs/rollbar.md reach a stand-in for Rollbar's item API, each with its level, and no secret. */
class RollbarIT {
    static final String KEY = "rbk_3f9d2c7a41e84b0b9d6e";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void loadsAndMaintenanceReportHowTheyEnded() throws Exception {
        try (RollbarStandIn rollbar = new RollbarStandIn()) {
            ReplicaFixture fx = ReplicaFixture.create("rollbar_load");
            useRollbar(fx, rollbar.endpoint());
            fx.mysqlExec("CREATE TABLE t (id int PRIMARY KEY, flag tinyint(1), v varchar(20))",
                    "INSERT INTO t VALUES (1, 1, 'a'), (2, 0, 'b')");
            fx.initReplica();
            assertThat(rollbar.await(i -> i.title().equals("init_replica of source mysql finished"), WAIT).level())
                    .isEqualTo("info");

            fx.ok("sync_tables", "--source", "mysql", "--tables", fx.mysqlSchema + ".t");
            assertThat(rollbar.await(i -> i.title().equals("sync_tables of source mysql finished"), WAIT).level())
                    .isEqualTo("info");
            fx.ok("refresh_schema", "--source", "mysql", "--schema", fx.mysqlSchema);
            assertThat(rollbar.await(i -> i.title().equals("refresh_schema of source mysql finished"), WAIT).level())
                    .isEqualTo("info");

            // a lock held on the table for longer than lock_timeout: run_maintenance leaves it out
            fx.useConfig(fx.config().replace("lock_timeout: \"30s\"", "lock_timeout: \"1s\""));
            try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
                pg.setAutoCommit(false);
                s.execute("LOCK TABLE " + fx.pgSchema + ".t IN ACCESS EXCLUSIVE MODE");
                assertThat(fx.run("run_maintenance", "--source", "mysql").exitCode()).isEqualTo(1);
                pg.rollback();
            }
            Item maintenance = rollbar.await(i -> i.title().startsWith("maintenance of source mysql left out"), WAIT);
            assertThat(maintenance.level()).isEqualTo("error");
            assertThat(maintenance.body()).contains(fx.pgSchema + ".t", "lock_timeout");

            // a type PostgreSQL does not have: the copy fails once it has started
            fx.useConfig("type_override:\n  \"tinyint(1)\":\n    override_to: no_such_type\n" + fx.config());
            assertThat(fx.run("init_replica", "--source", "mysql").exitCode()).isNotZero();
            Item failed = rollbar.await(i -> i.title().startsWith("init_replica of source mysql failed"), WAIT);
            assertThat(failed.level()).isEqualTo("critical");
            assertThat(failed.body()).contains("trace_chain", "no_such_type");

            assertThat(rollbar.items()).allSatisfy(i -> wellFormed(i, fx));
        }
    }

    @Test
    void theReplicaReportsTablesLeftOutAndItsStop() throws Exception {
        try (RollbarStandIn rollbar = new RollbarStandIn()) {
            ReplicaFixture fx = prepared("rollbar_replica", "    on_error_replay: continue\n", rollbar.endpoint());
            Process replica = fx.startReplicaProcess();
            try {
                fx.mysqlExec("INSERT INTO good VALUES (1, 1)", "INSERT INTO bad VALUES (1, 500)");
                Item left = rollbar.await(i -> i.title().contains("table " + fx.mysqlSchema + ".bad left out of replay at "),
                        WAIT);
                assertThat(left.level()).isEqualTo("error");
                assertThat(left.body()).contains("small");
            } finally {
                replica.destroy();
                assertThat(replica.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }

            fx.useConfig(fx.config().replace("on_error_replay: continue", "on_error_replay: exit"));
            pgExec(fx, "ALTER TABLE " + fx.pgSchema + ".good ADD CONSTRAINT small_good CHECK (v < 100)");
            fx.mysqlExec("INSERT INTO good VALUES (2, 500)");
            assertThat(fx.run("start_replica", "--source", "mysql", "--debug").exitCode()).isEqualTo(1);
            Item stopped = rollbar.await(i -> i.title().startsWith("replica of source mysql stopped by an error at "),
                    WAIT);
            assertThat(stopped.level()).isEqualTo("critical");
            assertThat(stopped.body()).contains("trace_chain", "small_good");

            assertThat(rollbar.items()).allSatisfy(i -> wellFormed(i, fx));
        }
    }

    /** The background replica keeps --rollbar-level: only the critical item of its end arrives. */
    @Test
    void rollbarLevelCriticalSendsOnlyCriticalItemsAlsoFromTheBackgroundReplica() throws Exception {
        try (RollbarStandIn rollbar = new RollbarStandIn()) {
            ReplicaFixture fx = prepared("rollbar_level", "    on_error_replay: continue\n    on_error_read: exit\n",
                    rollbar.endpoint(), "--rollbar-level", "critical");
            assertThat(rollbar.items()).as("init_replica's info item, left out").isEmpty();

            fx.useConfig(fx.config().replace("log_dest: stdout", "log_dest: file"));
            ReplicaFixture.Run started = fx.ok("start_replica", "--source", "mysql", "--rollbar-level", "critical");
            BackgroundProcess daemon = BackgroundProcess.of(started, fx.dir.resolve("logs"), "test_mysql_replica");
            try {
                fx.mysqlExec("INSERT INTO good VALUES (1, 1), (2, 2)", "INSERT INTO bad VALUES (1, 500)");
                assertThat(daemon.awaitWhileAlive(() -> fx.pgStrings("SELECT replicated::text FROM"
                        + " sch_chameleon.replicated_tables WHERE mysql_table = 'bad'").equals(List.of("false"))
                        && fx.diff("good").isEmpty(), WAIT)).isTrue();

                // the replica's PostgreSQL connections go: on_error_read exit gives up
                pgExec(fx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid()");
                fx.mysqlExec("INSERT INTO good VALUES (3, 3)");
                Item gaveUp = rollbar.await(i -> i.title().startsWith("replica of source mysql gave up on an outage"),
                        WAIT);
                assertThat(gaveUp.level()).isEqualTo("critical");
                assertThat(daemon.awaitExit(WAIT)).isTrue();
            } finally {
                if (daemon.isAlive()) {
                    daemon.kill();
                }
            }
            assertThat(rollbar.items()).as("the table left out (error) is not sent").singleElement()
                    .satisfies(i -> assertThat(i.level()).isEqualTo("critical"));
            wellFormed(rollbar.items().get(0), fx);
        }
    }

    @Test
    void anInvalidLevelIsRefusedWithTheAllowedValues() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("rollbar_usage");
        ReplicaFixture.Run run = fx.run("show_config", "--rollbar-level", "debug");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--rollbar-level: found 'debug'; allowed: critical, error, warning, info");
    }

    /** Two tables, good and bad; a check constraint in PostgreSQL refuses bad's rows with v of 100 or more. */
    static ReplicaFixture prepared(String name, String sourceKeys, String endpoint, String... initArgs)
            throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(name, "    sleep_loop: 1\n" + sourceKeys);
        useRollbar(fx, endpoint);
        fx.mysqlExec("CREATE TABLE good (id int PRIMARY KEY, v int)", "CREATE TABLE bad (id int PRIMARY KEY, v int)");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "mysql");
        List<String> init = new java.util.ArrayList<>(List.of("--source", "mysql"));
        init.addAll(List.of(initArgs));
        fx.ok("init_replica", init.toArray(String[]::new));
        pgExec(fx, "ALTER TABLE " + fx.pgSchema + ".bad ADD CONSTRAINT small CHECK (v < 100)");
        return fx;
    }

    static void useRollbar(ReplicaFixture fx, String endpoint) throws Exception {
        fx.useConfig("rollbar_key: '" + KEY + "'\nrollbar_env: 'chameleon-test'\nrollbar_endpoint: '" + endpoint + "'\n"
                + fx.config());
    }

    static void pgExec(ReplicaFixture fx, String sql) throws Exception {
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute(sql);
        }
    }

    /** The key in the header only; environment, configuration, host and version in the item; no password. */
    @SuppressWarnings("unchecked")
    static void wellFormed(Item item, ReplicaFixture fx) {
        assertThat(item.token()).isEqualTo(KEY);
        assertThat(item.body()).doesNotContain(KEY, TestServers.mysql().password());
        TestServers.Endpoint pg = TestServers.postgres();
        if (!pg.password().equals(pg.user())) {
            // a password equal to its user name is printed anyway (config/Secrets)
            assertThat(item.body()).doesNotContainPattern("\\b" + java.util.regex.Pattern.quote(pg.password()) + "\\b");
        }
        assertThat(item.data()).containsEntry("environment", "chameleon-test").containsEntry("language", "java");
        assertThat(item.custom()).containsEntry("config", "test").containsEntry("source", "mysql");
        assertThat((Map<String, Object>) item.data().get("server")).extractingByKey("host").asString().isNotBlank();
        assertThat((Map<String, Object>) item.data().get("notifier")).containsEntry("name", "chameleon")
                .extractingByKey("version").asString().isNotBlank();
        assertThat(item.data().get("timestamp")).isInstanceOf(Long.class);
    }
}
