package io.chameleon.replica;

import io.chameleon.testing.ReplicaFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Random transactions on {@code items (id PK, name, price, changed)} and {@code order_lines (order_id,
 * line) PK, qty}: inserts, updates, primary-key changes and deletes, one to five per transaction.
 * Statements that match no row are part of the mix. Counts the row changes it commits, which is
 * what the binlog holds for these tables (each update changes the rows it matches). Not thread-safe.
 */
final class MixedWorkload {
    private final Random random;
    private final AtomicInteger nextId;
    private long committedRowChanges;

    MixedWorkload(long seed, AtomicInteger nextId) {
        this.random = new Random(seed);
        this.nextId = nextId;
    }

    static String schema() {
        return """
                CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) CHARACTER SET utf8mb4, price DECIMAL(10,2),
                  changed DATETIME(3)) ENGINE=InnoDB;
                CREATE TABLE order_lines (order_id INT, line INT, qty INT NOT NULL, PRIMARY KEY (order_id, line)) ENGINE=InnoDB""";
    }

    /**
     * A new fixture whose MySQL schema has the workload's tables with {@code items} rows, added to a
     * new catalogue as a source, before init_replica.
     *
     * @param sourceKeys YAML lines added under the source (see {@link ReplicaFixture#create(String, String)})
     */
    static ReplicaFixture addedSource(String prefix, String sourceKeys, long seed, int items, AtomicInteger nextId)
            throws Exception {
        ReplicaFixture fx = ReplicaFixture.create(prefix, sourceKeys);
        fx.mysqlExec(schema().split(";"));
        try (Connection my = fx.mysql()) {
            new MixedWorkload(seed, nextId).bigInsert(my, items);
        }
        fx.ok("create_replica_schema");
        fx.ok("add_source", "--source", fx.sourceName);
        return fx;
    }

    /** One transaction of random changes, committed. */
    void transaction(Connection c) throws SQLException {
        c.setAutoCommit(false);
        int statements = 1 + random.nextInt(5);
        int rows = 0;
        for (int i = 0; i < statements; i++) {
            rows += statement(c);
        }
        c.commit();
        committedRowChanges += rows;
    }

    /** {@code rows} inserts in one transaction. */
    void bigInsert(Connection c, int rows) throws SQLException {
        c.setAutoCommit(false);
        for (int i = 0; i < rows; i++) {
            insertItem(c);
        }
        c.commit();
        committedRowChanges += rows;
    }

    /** Rows inserted, updated and deleted by the committed transactions. */
    long committedRowChanges() {
        return committedRowChanges;
    }

    /** @return the rows it changed */
    private int statement(Connection c) throws SQLException {
        int existing = Math.max(1, nextId.get());
        return switch (random.nextInt(8)) {
            case 0, 1 -> insertItem(c);
            case 2 -> exec(c, "UPDATE items SET price = price + 1.25, name = CONCAT(name, 'ü'), changed = NOW(3) WHERE id = ?",
                    random.nextInt(existing));
            case 3 -> exec(c, "UPDATE items SET id = ? WHERE id = ?", nextId.getAndIncrement(), random.nextInt(existing));
            case 4 -> exec(c, "DELETE FROM items WHERE id = ?", random.nextInt(existing));
            case 5 -> exec(c, "INSERT INTO order_lines VALUES (?, ?, ?)", random.nextInt(20), nextId.getAndIncrement(),
                    random.nextInt(100));
            case 6 -> exec(c, "UPDATE order_lines SET line = ?, qty = qty + 1 WHERE order_id = ? ORDER BY line LIMIT 1",
                    nextId.getAndIncrement(), random.nextInt(20));
            default -> exec(c, "DELETE FROM order_lines WHERE order_id = ? ORDER BY line LIMIT 1", random.nextInt(20));
        };
    }

    private int insertItem(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO items VALUES (?, ?, ?, NOW(3))")) {
            int id = nextId.getAndIncrement();
            s.setInt(1, id);
            s.setString(2, random.nextBoolean() ? null : "item " + id + " 😀");
            s.setBigDecimal(3, java.math.BigDecimal.valueOf(random.nextInt(100_000), 2));
            return s.executeUpdate();
        }
    }

    private static int exec(Connection c, String sql, int... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setInt(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }
}
