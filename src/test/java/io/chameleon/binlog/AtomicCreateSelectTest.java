package io.chameleon.binlog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicCreateSelectTest {
    @Test
    void theCreateTableOfMysqlsAtomicFormIsFollowed() {
        // as MySQL 9.7 logs CREATE TABLE t_0 SELECT ... with GTIDs on
        assertThat(AtomicCreateSelect.createTable("CREATE TABLE `t_0` (\n  `id` int NOT NULL,\n  PRIMARY KEY (`id`)\n)"
                + " START TRANSACTION")).isEqualTo("CREATE TABLE `t_0` (\n  `id` int NOT NULL,\n  PRIMARY KEY (`id`)\n)");
    }

    @Test
    void otherStatementsAreLeftAsTheyAre() {
        assertThat(AtomicCreateSelect.createTable("ALTER TABLE t ADD c int")).isEqualTo("ALTER TABLE t ADD c int");
        assertThat(AtomicCreateSelect.createTable("CREATE TABLE `start transaction` (id int)"))
                .isEqualTo("CREATE TABLE `start transaction` (id int)");
    }
}
