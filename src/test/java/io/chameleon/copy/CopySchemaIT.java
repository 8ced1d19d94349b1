package io.chameleon.copy;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * copy_schema builds the tables init_replica would build (same shape), empty, with MySQL's
 * foreign keys and identities starting at MySQL's counters, and leaves the catalogue alone.
 */
class CopySchemaIT {

    @Test
    void buildsTheTablesWithoutRowsAndWithTheForeignKeys() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("copy_schema");
        fx.mysqlExec("CREATE TABLE customer (id int AUTO_INCREMENT PRIMARY KEY, kind enum('a','b') NOT NULL DEFAULT 'a',"
                        + " email varchar(40), UNIQUE KEY email (email))",
                "CREATE TABLE orders (id int AUTO_INCREMENT PRIMARY KEY, customer_id int, KEY by_customer (customer_id),"
                        + " CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE SET NULL)",
                "INSERT INTO customer (email) VALUES ('a@x'), ('b@x')", "DELETE FROM customer WHERE id = 2");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", "mysql");

        assertThat(fx.ok("copy_schema", "--source", "mysql").out())
                .contains("copy_schema of source mysql done: 2 tables and 1 foreign keys built in [" + fx.pgSchema + "]");
        assertThat(fx.pgStrings("SELECT (SELECT count(*) FROM " + fx.pgSchema + ".customer) + (SELECT count(*) FROM "
                + fx.pgSchema + ".orders)")).containsExactly("0");
        assertThat(fx.pgStrings("SELECT conname || ' ' || convalidated || ' ' || confdeltype::text FROM pg_constraint"
                + " WHERE contype = 'f' AND connamespace = '" + fx.pgSchema + "'::regnamespace"))
                .containsExactly("fk_customer true n");
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("INSERT INTO " + fx.pgSchema + ".customer (email) VALUES ('c@x')");
        }
        assertThat(fx.pgStrings("SELECT id FROM " + fx.pgSchema + ".customer")).as("MySQL's next AUTO_INCREMENT")
                .containsExactly("3");
        assertThat(fx.pgStrings("SELECT status || ' ' || (SELECT count(*) FROM sch_chameleon.replicated_tables)"
                + " FROM sch_chameleon.sources")).containsExactly("ready 0");
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("TRUNCATE " + fx.pgSchema + ".customer CASCADE");
        }
        assertThat(fx.shape(fx.pgDatabase)).as("the tables copy_schema built vs the ones init_replica builds")
                .isEqualTo(fx.shape(fx.initReplicaElsewhere("copy_schema_init")));

        fx.ok("init_replica", "--source", "mysql");
        ReplicaFixture.Run refused = fx.run("copy_schema", "--source", "mysql");
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.all()).contains("is initialised: copy_schema replaces");
    }
}
