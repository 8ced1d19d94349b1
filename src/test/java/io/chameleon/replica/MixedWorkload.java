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
 * Statements that match no row are part of the mix. With foreign keys, also three levels of
 * tables whose rows InnoDB deletes or changes by referential actions ({@link #foreignKeySchema()}):
 * parents inserted, deleted and given new keys, children and grandchildren inserted under them.
 * Counts the row changes it commits, which is what the binlog holds for these tables (each update
 * changes the rows it matches; the cascaded rows only where the server logs them). Not thread-safe.
 */
final class MixedWorkload {
    private final Random random;
    private final AtomicInteger nextId;
    private final boolean foreignKeys;
    private Boolean serverLogsCascades;
    private long committedRowChanges;

    MixedWorkload(long seed, AtomicInteger nextId) {
        this(seed, nextId, false);
    }

    /** @param foreignKeys whether the mix includes the tables of {@link #foreignKeySchema()}, which must exist */
    MixedWorkload(long seed, AtomicInteger nextId, boolean foreignKeys) {
        this.random = new Random(seed);
        this.nextId = nextId;
        this.foreignKeys = foreignKeys;
    }

    /** Parents, their CASCADE children and SET NULL ones, and the children's CASCADE children. */
    static String foreignKeySchema() {
        return """
                CREATE TABLE parents (id INT PRIMARY KEY, v INT) ENGINE=InnoDB;
                CREATE TABLE children (id INT PRIMARY KEY, pid INT NOT NULL,
                  FOREIGN KEY (pid) REFERENCES parents (id) ON DELETE CASCADE ON UPDATE CASCADE) ENGINE=InnoDB;
                CREATE TABLE nulled (id INT PRIMARY KEY, pid INT,
                  FOREIGN KEY (pid) REFERENCES parents (id) ON DELETE SET NULL ON UPDATE SET NULL) ENGINE=InnoDB;
                CREATE TABLE toys (id INT PRIMARY KEY, cid INT NOT NULL,
                  FOREIGN KEY (cid) REFERENCES children (id) ON DELETE CASCADE) ENGINE=InnoDB""";
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
        return addedSource(ReplicaFixture.create(prefix, sourceKeys), seed, items, nextId);
    }

    /** The same with a fixture made by the test, on servers of its own. */
    static ReplicaFixture addedSource(ReplicaFixture fx, long seed, int items, AtomicInteger nextId) throws Exception {
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
        return switch (random.nextInt(foreignKeys ? 13 : 8)) {
            case 0, 1 -> insertItem(c);
            case 2 -> exec(c, "UPDATE items SET price = price + 1.25, name = CONCAT(name, 'ü'), changed = NOW(3) WHERE id = ?",
                    random.nextInt(existing));
            case 3 -> exec(c, "UPDATE items SET id = ? WHERE id = ?", nextId.getAndIncrement(), random.nextInt(existing));
            case 4 -> exec(c, "DELETE FROM items WHERE id = ?", random.nextInt(existing));
            case 5 -> exec(c, "INSERT INTO order_lines VALUES (?, ?, ?)", random.nextInt(20), nextId.getAndIncrement(),
                    random.nextInt(100));
            case 6 -> exec(c, "UPDATE order_lines SET line = ?, qty = qty + 1 WHERE order_id = ? ORDER BY line LIMIT 1",
                    nextId.getAndIncrement(), random.nextInt(20));
            case 7 -> exec(c, "DELETE FROM order_lines WHERE order_id = ? ORDER BY line LIMIT 1", random.nextInt(20));
            case 8 -> exec(c, "INSERT INTO parents VALUES (?, 0)", nextId.getAndIncrement());
            case 9 -> under(c, random.nextBoolean() ? "children" : "nulled", "parents", existing);
            case 10 -> under(c, "toys", "children", existing);
            case 11 -> {
                int parent = random.nextInt(existing);
                yield cascaded(c, parent, true) + exec(c, "DELETE FROM parents WHERE id = ?", parent);
            }
            default -> {
                int parent = random.nextInt(existing);
                int rows = exec(c, "UPDATE parents SET v = v + 1 WHERE id = ?", parent); // no key change: no action
                yield rows + cascaded(c, parent, false) + exec(c, "UPDATE parents SET id = ? WHERE id = ?",
                        nextId.getAndIncrement(), parent);
            }
        };
    }

    /** A new row under the first parent from a random id on, if there is one. */
    private int under(Connection c, String table, String parent, int existing) throws SQLException {
        return exec(c, "INSERT INTO " + table + " SELECT ?, id FROM " + parent + " WHERE id >= ? ORDER BY id LIMIT 1",
                nextId.getAndIncrement(), random.nextInt(existing));
    }

    /**
     * The child rows a delete (or key change) of {@code parent} makes InnoDB change, where the server
     * logs them (MySQL 9 with SQL-layer foreign keys); 0 where the binlog holds the parent only.
     */
    private int cascaded(Connection c, int parent, boolean delete) throws SQLException {
        if (!logsCascades(c)) {
            return 0;
        }
        String children = "SELECT count(*) FROM children WHERE pid = " + parent;
        String toys = "SELECT count(*) FROM toys t JOIN children k ON k.id = t.cid WHERE k.pid = " + parent;
        String nulled = "SELECT count(*) FROM nulled WHERE pid = " + parent;
        return count(c, children) + count(c, nulled) + (delete ? count(c, toys) : 0);
    }

    private boolean logsCascades(Connection c) throws SQLException {
        if (serverLogsCascades == null) {
            try (java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet r = s.executeQuery("SHOW VARIABLES LIKE 'innodb_native_foreign_keys'")) {
                serverLogsCascades = r.next() && r.getString(2).equalsIgnoreCase("OFF");
            }
        }
        return serverLogsCascades;
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
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
