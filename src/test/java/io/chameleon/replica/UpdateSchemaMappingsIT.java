package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;
import io.chameleon.testing.TableComparator;
import io.chameleon.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * update_schema_mappings after the configuration's schema_mappings changed: the replicated schema
 * is renamed with its tables and the replica follows it there; a newly mapped MySQL schema is
 * copied by refresh_schema and followed too; a schema no longer mapped leaves the catalogue.
 */
class UpdateSchemaMappingsIT {

    @Test
    void theReplicaFollowsTheMappingsOfTheConfiguration() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("mappings", "    sleep_loop: 1\n");
        fx.mysqlExec("CREATE TABLE t (id int PRIMARY KEY, v varchar(10))", "INSERT INTO t VALUES (1, 'a')");
        fx.initReplica();
        String second = TestServers.createMysqlDatabase("mappings_second");
        try (Connection my = TestServers.mysqlConnection(second); Statement s = my.createStatement()) {
            s.execute("CREATE TABLE u (id int PRIMARY KEY, v int)");
            s.execute("INSERT INTO u VALUES (1, 1), (2, 2)");
        }
        String moved = fx.pgSchema + "_moved";
        String config = fx.config();
        fx.useConfig(config.replace("      " + fx.mysqlSchema + ": " + fx.pgSchema + "\n", "      " + fx.mysqlSchema + ": "
                + moved + "\n      " + second + ": dst_" + second + "\n"));

        ReplicaFixture.Run update = fx.ok("update_schema_mappings", "--source", "mysql");
        assertThat(update.out()).contains("moved: MySQL schema " + fx.mysqlSchema + " from PostgreSQL schema "
                + fx.pgSchema + " to " + moved, "added: MySQL schema " + second, "refresh_schema --source mysql --schema "
                + second);
        assertThat(fx.pgStrings("SELECT count(*) FROM " + moved + ".t")).containsExactly("1");
        assertThat(fx.pgStrings("SELECT count(*) FROM pg_namespace WHERE nspname = 'dst_" + second + "'"))
                .as("the new destination is created, empty").containsExactly("1");
        assertThat(fx.pgStrings("SELECT DISTINCT pg_schema FROM sch_chameleon.replicated_tables")).containsExactly(moved);
        assertThat(fx.ok("update_schema_mappings", "--source", "mysql").out()).contains("nothing to do");
        fx.ok("refresh_schema", "--source", "mysql", "--schema", second);

        fx.mysqlExec("INSERT INTO t VALUES (2, 'b')", "UPDATE t SET v = 'c' WHERE id = 1");
        try (Connection my = TestServers.mysqlConnection(second); Statement s = my.createStatement()) {
            s.execute("INSERT INTO u VALUES (3, 3)");
            s.execute("DELETE FROM u WHERE id = 1");
        }
        RunningReplica.catchUpOnce(fx);
        try (Connection my = fx.mysql(); Connection pg = fx.pg()) {
            assertThat(TableComparator.compare(my, fx.mysqlSchema, "t", pg, moved, 20)).isEmpty();
            assertThat(TableComparator.compare(my, second, "u", pg, "dst_" + second, 20)).isEmpty();
        }

        // the two schemas swap their destinations: the PostgreSQL schemas swap names, their tables with them
        String swapped = fx.config().replace("      " + fx.mysqlSchema + ": " + moved + "\n      " + second + ": dst_" + second
                + "\n", "      " + fx.mysqlSchema + ": dst_" + second + "\n      " + second + ": " + moved + "\n");
        fx.useConfig(swapped);
        assertThat(fx.ok("update_schema_mappings", "--source", "mysql").out()).contains("from PostgreSQL schema " + moved
                + " to dst_" + second, "from PostgreSQL schema dst_" + second + " to " + moved);
        try (Connection my = fx.mysql(); Connection pg = fx.pg()) {
            assertThat(TableComparator.compare(my, fx.mysqlSchema, "t", pg, "dst_" + second, 20)).isEmpty();
            assertThat(TableComparator.compare(my, second, "u", pg, moved, 20)).isEmpty();
        }

        // the second schema unmapped again: it leaves the catalogue, its PostgreSQL schema stays
        fx.useConfig(fx.config().replace("      " + second + ": " + moved + "\n", ""));
        assertThat(fx.ok("update_schema_mappings", "--source", "mysql").out())
                .contains("removed: MySQL schema " + second, moved + " stays");
        assertThat(fx.pgStrings("SELECT count(*) FROM sch_chameleon.replicated_tables WHERE mysql_schema = '" + second
                + "'")).containsExactly("0");
        assertThat(fx.pgStrings("SELECT count(*) FROM " + moved + ".u")).containsExactly("2");
    }
}
