package io.chameleon.copy;

import io.chameleon.pg.PgConnector;
import io.chameleon.pg.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * keep_existing_schema: the tables already in PostgreSQL are kept. Their primary keys, unique
 * constraints and indexes are saved and dropped, the tables truncated and reloaded, and the
 * definitions rebuilt after the data; foreign keys come back last, NOT VALID then validated.
 */
final class ExistingTables {
    private static final Logger LOG = LoggerFactory.getLogger(ExistingTables.class);

    /** Creates a table that does not exist yet. */
    interface Creator {
        void create(Connection c, TablePlan p) throws SQLException;
    }

    private final List<String> rebuild = new ArrayList<>();
    private final List<TablePlan> created = new ArrayList<>();
    private final List<String[]> foreignKeys = new ArrayList<>();

    void prepare(Connection c, List<TablePlan> plans, Creator creator) throws SQLException {
        List<TablePlan> kept = new ArrayList<>();
        List<Long> oids = new ArrayList<>();
        for (TablePlan p : plans) {
            Long oid = oid(c, p);
            if (oid == null) {
                LOG.info("keep_existing_schema: {} does not exist in PostgreSQL; creating it", p.loadTableSql());
                creator.create(c, p);
                created.add(p);
            } else {
                kept.add(p);
                oids.add(oid);
                saveForeignKeys(c, oid);
            }
        }
        // foreign keys first: they depend on the keys dropped next
        try (Statement s = c.createStatement()) {
            for (String[] fk : foreignKeys) {
                s.execute("ALTER TABLE " + fk[0] + " DROP CONSTRAINT IF EXISTS " + Sql.ident(fk[1]));
            }
        }
        for (int i = 0; i < kept.size(); i++) {
            saveKeysAndIndexes(c, oids.get(i), kept.get(i));
        }
        try (Statement s = c.createStatement()) {
            for (TablePlan p : kept) {
                s.execute("TRUNCATE " + p.loadTableSql());
            }
        }
    }

    private static Long oid(Connection c, TablePlan p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?)::oid")) {
            ps.setString(1, p.loadTableSql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    private void saveForeignKeys(Connection c, long oid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
                + " FROM pg_constraint WHERE contype = 'f' AND (conrelid = ? OR confrelid = ?)")) {
            ps.setLong(1, oid);
            ps.setLong(2, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] fk = {rs.getString(1), rs.getString(2), rs.getString(3)};
                    if (foreignKeys.stream().noneMatch(f -> f[0].equals(fk[0]) && f[1].equals(fk[1]))) {
                        foreignKeys.add(fk);
                    }
                }
            }
        }
    }

    private void saveKeysAndIndexes(Connection c, long oid, TablePlan p) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = ? AND contype IN ('p', 'u')")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rebuild.add("ALTER TABLE " + p.loadTableSql() + " ADD CONSTRAINT " + Sql.ident(rs.getString(1)) + " "
                            + rs.getString(2));
                    drops.add("ALTER TABLE " + p.loadTableSql() + " DROP CONSTRAINT " + Sql.ident(rs.getString(1)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
                + " FROM pg_index i WHERE i.indrelid = ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rebuild.add(rs.getString(2));
                    drops.add("DROP INDEX " + rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String d : drops) {
                s.execute(d);
            }
        }
    }

    /** Whether {@link #prepare} created the table, which then needs its keys, indexes and identities built. */
    boolean created(TablePlan p) {
        return created.contains(p);
    }

    void rebuild(PgConnector pg, int workers, List<String> warnings) throws Exception {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(rebuild);
        Parallel.run(workers, "rebuild", (index, parallel) -> {
            try (Connection c = pg.open(); Statement s = c.createStatement()) {
                String sql;
                while (!parallel.failed() && (sql = queue.poll()) != null) {
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        String w = "keep_existing_schema: could not rebuild (" + sql + "): " + e.getMessage();
                        LOG.warn(w);
                        warnings.add(w);
                    }
                }
            }
        });
    }

    void restoreForeignKeys(Connection c, List<String> warnings) throws SQLException {
        for (String[] fk : foreignKeys) {
            String add = "ALTER TABLE " + fk[0] + " ADD CONSTRAINT " + Sql.ident(fk[1]) + " " + fk[2] + " NOT VALID";
            if (underSavepoint(c, add, warnings, "not restored")) {
                // a foreign key the data breaks stays NOT VALID: enforced for new rows, reported here
                underSavepoint(c, "ALTER TABLE " + fk[0] + " VALIDATE CONSTRAINT " + Sql.ident(fk[1]), warnings,
                        "restored but left NOT VALID");
            }
        }
    }

    private static boolean underSavepoint(Connection c, String sql, List<String> warnings, String outcome)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT fk");
            try {
                s.execute(sql);
                s.execute("RELEASE SAVEPOINT fk");
                return true;
            } catch (SQLException e) {
                s.execute("ROLLBACK TO SAVEPOINT fk");
                String w = "keep_existing_schema: foreign key " + outcome + " (" + sql + "): " + e.getMessage();
                LOG.warn(w);
                warnings.add(w);
                return false;
            }
        }
    }
}
