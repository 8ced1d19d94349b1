package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.testing.MetricsScrape;
import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's filters through start_replica (its own process): skip_events per table and per
 * schema, and tables of the schema that limit_tables or skip_tables leave out, whether from the
 * start or since init_replica copied them. One MySQL transaction changes every table.
 */
class SkipEventsIT {
    private static final String[] TABLES = {"no_ins", "no_upd", "plain", "later", "outside", "skipped"};

    @Test
    void skippedKindsAndExcludedTablesAreNotReplayedAndTheRestIs() throws Exception {
        int metricsPort = MetricsScrape.freePort();
        ReplicaFixture fx = ReplicaFixture.create("skip_events", "    sleep_loop: 1\n"
                + "    metrics_port: " + metricsPort + "\n"
                + "    limit_tables:\n      - SCHEMA.no_ins\n      - SCHEMA.no_upd\n      - SCHEMA.plain\n"
                + "      - SCHEMA.later\n      - SCHEMA.skipped\n"
                + "    skip_tables:\n      - SCHEMA.skipped\n"
                + "    skip_events:\n      insert:\n        - SCHEMA.no_ins\n      update:\n        - SCHEMA.no_upd\n"
                + "      delete:\n        - SCHEMA\n");
        fx.useConfig(fx.config().replace("SCHEMA", fx.mysqlSchema));
        for (String table : TABLES) {
            fx.mysqlExec("CREATE TABLE " + table + " (id INT PRIMARY KEY, v VARCHAR(20))",
                    "INSERT INTO " + table + " VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        }
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "mysql");
        fx.ok("init_replica", "--source", "mysql", "--debug");
        // left out after its copy: its changes are ignored from now on
        fx.useConfig(fx.config().replace("      - " + fx.mysqlSchema + ".skipped\n    skip_events",
                "      - " + fx.mysqlSchema + ".skipped\n      - " + fx.mysqlSchema + ".later\n    skip_events"));
        assertThat(fx.config()).contains("- " + fx.mysqlSchema + ".later\n    skip_events");

        Process replica = startReplica(fx);
        try {
            List<String> changes = new ArrayList<>(List.of("START TRANSACTION"));
            for (String table : TABLES) {
                changes.addAll(List.of("INSERT INTO " + table + " VALUES (4, 'new')",
                        "UPDATE " + table + " SET v = 'changed' WHERE id = 1", "DELETE FROM " + table + " WHERE id = 2"));
            }
            changes.add("COMMIT");
            fx.mysqlExec(changes.toArray(String[]::new));
            // one row event of three rows, and a change that is replayed
            fx.mysqlExec("INSERT INTO no_ins VALUES (10, 'x'), (11, 'y'), (12, 'z')", "UPDATE no_ins SET v = 'again' WHERE id = 3");
            try (Connection my = fx.mysql()) {
                ReplicaCatchUp.awaitApplied(fx::pg, fx.sourceName, ReplicaCatchUp.sourcePosition(my),
                        () -> replica.isAlive() ? null : new AssertionError("start_replica ended: " + output(fx)),
                        Duration.ofSeconds(60));
            }

            assertThat(fx.diff("no_ins")).containsExactlyInAnyOrder("no_ins: MySQL has 6 rows, PostgreSQL 3",
                    "no_ins: only in PostgreSQL: id=2 | v=b", "no_ins: only in MySQL: id=4 | v=new",
                    "no_ins: only in MySQL: id=10 | v=x", "no_ins: only in MySQL: id=11 | v=y",
                    "no_ins: only in MySQL: id=12 | v=z");
            assertThat(fx.diff("no_upd")).containsExactlyInAnyOrder("no_upd: MySQL has 3 rows, PostgreSQL 4",
                    "no_upd: only in MySQL: id=1 | v=changed", "no_upd: only in PostgreSQL: id=1 | v=a",
                    "no_upd: only in PostgreSQL: id=2 | v=b");
            assertThat(fx.diff("plain")).containsExactlyInAnyOrder("plain: MySQL has 3 rows, PostgreSQL 4",
                    "plain: only in PostgreSQL: id=2 | v=b");
            assertThat(fx.pgStrings("SELECT id || ':' || v FROM " + fx.pgSchema + ".later ORDER BY id"))
                    .containsExactly("1:a", "2:b", "3:c");
            assertThat(fx.pgStrings("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + fx.pgSchema
                    + "' ORDER BY table_name")).containsExactly("later", "no_ins", "no_upd", "plain");
            assertThat(fx.pgStrings("SELECT count(*) FROM sch_chameleon.error_log")).containsExactly("0");
            assertThat(status(fx)).isEqualTo(SourceStatus.RUNNING);

            Map<String, Double> metrics = MetricsScrape.samples(metricsPort);
            // no_ins: 1 + 3 inserts; no_upd: 1 update; deletes of no_ins, no_upd, plain; later is not followed
            assertThat(metrics).containsEntry("chameleon_skipped_row_changes_total{source=\"mysql\",reason=\"skip_events\"}", 8.0)
                    .containsEntry("chameleon_errors_total{source=\"mysql\"}", 0.0)
                    .containsEntry("chameleon_disabled_tables{source=\"mysql\"}", 1.0);
        } finally {
            replica.destroy(); // SIGTERM
        }
        assertThat(replica.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(replica.exitValue()).as(output(fx)).isZero();
        assertThat(output(fx)).contains("table " + fx.mysqlSchema + ".later was copied by init_replica but limit_tables"
                + " or skip_tables of source mysql now leave it out");
    }

    private static Process startReplica(ReplicaFixture fx) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "chameleon.jar").toString(), "start_replica", "--config", fx.configFile.toString(),
                "--source", "mysql", "--debug")
                .redirectErrorStream(true).redirectOutput(fx.dir.resolve("start_replica.out").toFile()).start();
    }

    private static String output(ReplicaFixture fx) {
        try {
            return Files.readString(fx.dir.resolve("start_replica.out"));
        } catch (java.io.IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static SourceStatus status(ReplicaFixture fx) throws SQLException {
        try (Connection pg = fx.pg()) {
            return Catalog.open(pg).sources().get(fx.sourceName).status();
        }
    }
}
