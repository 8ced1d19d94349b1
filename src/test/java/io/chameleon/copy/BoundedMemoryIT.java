package io.chameleon.copy;

import io.chameleon.testing.ReplicaFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * init_replica in a JVM whose heap is smaller than the table: the copy must stream. 120 rows of
 * 1 MiB blobs (120 MiB, 240 MiB as COPY text) go through a 96 MiB heap with copy_max_memory 32M.
 */
class BoundedMemoryIT {

    @Test
    void aTableLargerThanTheHeapIsCopiedWithinCopyMaxMemory() throws Exception {
        ReplicaFixture fx = ReplicaFixture.create("memory");
        fx.useConfig(fx.config().replace("copy_max_memory: \"64M\"", "copy_max_memory: \"32M\"") + "    copy_workers: 2\n");
        fx.mysqlExec("CREATE TABLE blobs (id INT PRIMARY KEY, b MEDIUMBLOB NOT NULL)",
                "INSERT INTO blobs SELECT seq, RANDOM_BYTES(1024) FROM seq_1_to_120",
                "UPDATE blobs SET b = REPEAT(CONCAT(b, UNHEX(HEX(id))), 1024)");
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);

        Path log = fx.dir.resolve("child.log");
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx96m",
                "-cp", System.getProperty("java.class.path"), "io.chameleon.cli.Main", "init_replica",
                "--config", fx.configFile.toString(), "--source", fx.sourceName, "--debug")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("init_replica finished").isTrue();
        assertThat(p.exitValue()).as(java.nio.file.Files.readString(log)).isZero();

        assertThat(digests(fx.pg(), "SELECT id, md5(b) FROM " + fx.pgSchema + ".blobs ORDER BY id"))
                .hasSize(120)
                .isEqualTo(digests(fx.mysql(), "SELECT id, LOWER(MD5(b)) FROM blobs ORDER BY id"));
    }

    private static List<String> digests(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1) + ":" + rs.getString(2));
            }
        }
        return out;
    }
}
