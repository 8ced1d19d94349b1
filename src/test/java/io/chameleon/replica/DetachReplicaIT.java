package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * detach_replica ends a migration: after the replica has caught up, the PostgreSQL schema works on
 * its own. New rows take keys past MySQL's (its AUTO_INCREMENT counter included, which deleted rows
 * leave ahead of the highest key), MySQL's foreign keys hold with their actions, and the source is
 * gone from the catalogue.
 */
class DetachReplicaIT {

    @Test
    void theDetachedSchemaWorksOnItsOwn() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("detach", "    sleep_loop: 1\n");
        fx.mysqlExec("CREATE TABLE customer (id int AUTO_INCREMENT PRIMARY KEY, name varchar(20))",
                "CREATE TABLE orders (id bigint AUTO_INCREMENT PRIMARY KEY, customer_id int NOT NULL, note varchar(20),"
                        + " CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE)",
                "CREATE TABLE tag (name varchar(10) PRIMARY KEY)",
                "CREATE TABLE order_tag (order_id bigint NOT NULL, tag varchar(10) NOT NULL, PRIMARY KEY (order_id, tag),"
                        + " CONSTRAINT fk_order FOREIGN KEY (order_id) REFERENCES orders (id),"
                        + " CONSTRAINT fk_tag FOREIGN KEY (tag) REFERENCES tag (name) ON UPDATE CASCADE)",
                "INSERT INTO customer (name) VALUES ('ann'), ('bob')", "INSERT INTO tag VALUES ('red')");
        fx.initReplica();
        RunningReplica replica = RunningReplica.start(fx);
        try {
            // rows the replica brings with their keys; the last customer is deleted, so MySQL's counter is ahead
            fx.mysqlExec("INSERT INTO customer (name) VALUES ('cy'), ('dee'), ('eve')", "DELETE FROM customer WHERE id = 5",
                    "INSERT INTO orders (customer_id, note) VALUES (1, 'a'), (3, 'b'), (3, 'c')",
                    "INSERT INTO order_tag VALUES (1, 'red')");
            replica.awaitCaughtUp(Duration.ofSeconds(60));
        } finally {
            replica.stop();
        }
        assertThat(replica.failure()).isNull();
        assertThat(fx.diff("customer")).isEmpty();

        ReplicaFixture.Run detached = fx.run("detach_replica", "--source", "mysql", "--yes");
        assertThat(detached.exitCode()).as(detached.all()).isZero();
        assertThat(detached.out()).contains("detached source mysql: 2 sequences set, 3 foreign keys created, 0 warnings");
        assertThat(fx.pgStrings("SELECT count(*) FROM sch_chameleon.sources")).containsExactly("0");
        assertThat(fx.pgStrings("SELECT conname || ' ' || convalidated || ' ' || confdeltype::text || confupdtype::text"
                + " FROM pg_constraint WHERE contype = 'f' AND connamespace = '" + fx.pgSchema + "'::regnamespace ORDER BY 1"))
                .as("MariaDB reports RESTRICT where no action is given")
                .containsExactly("fk_customer true cr", "fk_order true rr", "fk_tag true rc");

        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            String t = fx.pgSchema + ".";
            s.execute("INSERT INTO " + t + "customer (name) VALUES ('new')");
            s.execute("INSERT INTO " + t + "orders (customer_id, note) VALUES (2, 'new')");
        }
        assertThat(fx.pgStrings("SELECT id || ' ' || name FROM " + fx.pgSchema + ".customer WHERE name = 'new'"))
                .as("MySQL's next AUTO_INCREMENT (6), not the highest key + 1 (5)").containsExactly("6 new");
        assertThat(fx.pgStrings("SELECT id || ' ' || note FROM " + fx.pgSchema + ".orders WHERE note = 'new'"))
                .containsExactly("4 new");
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("DELETE FROM " + fx.pgSchema + ".order_tag");
            s.execute("DELETE FROM " + fx.pgSchema + ".customer WHERE id = 3"); // ON DELETE CASCADE takes its orders
            s.execute("UPDATE " + fx.pgSchema + ".tag SET name = 'blue'");
        }
        assertThat(fx.pgStrings("SELECT count(*) FROM " + fx.pgSchema + ".orders WHERE customer_id = 3")).containsExactly("0");
        assertThat(fx.run("start_replica", "--source", "mysql").exitCode()).as("no source left to start").isNotZero();
    }

    @Test
    void rowsThatBreakAForeignKeyLeaveItNotValidWithTheFix() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("detach_orphans");
        fx.mysqlExec("CREATE TABLE parent (id int PRIMARY KEY)", "CREATE TABLE child (id int PRIMARY KEY, parent_id int,"
                + " CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id))",
                "INSERT INTO parent VALUES (1)", "INSERT INTO child VALUES (1, 1)");
        fx.initReplica();
        try (Connection pg = fx.pg(); Statement s = pg.createStatement()) {
            s.execute("INSERT INTO " + fx.pgSchema + ".child VALUES (2, 99)"); // an orphan PostgreSQL alone has
        }
        ReplicaFixture.Run unconfirmed = fx.runTyping("no\n", "detach_replica", "--source", "mysql");
        assertThat(unconfirmed.exitCode()).as("not confirmed").isEqualTo(4);
        assertThat(unconfirmed.out()).contains("Type YES to go on");
        assertThat(fx.pgStrings("SELECT count(*) FROM sch_chameleon.sources")).containsExactly("1");

        ReplicaFixture.Run detached = fx.run("detach_replica", "--source", "mysql", "--yes");
        assertThat(detached.exitCode()).isZero();
        assertThat(detached.out()).contains("stays NOT VALID", "VALIDATE CONSTRAINT", "1 foreign keys created, 1 warnings");
        assertThat(fx.pgStrings("SELECT convalidated::text FROM pg_constraint WHERE conname = 'fk_parent'"))
                .containsExactly("false");
    }
}
