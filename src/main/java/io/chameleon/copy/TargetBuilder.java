package io.chameleon.copy;

import io.chameleon.config.SourceConfig;
import io.chameleon.pg.PgConnector;
import io.chameleon.pg.Sql;
import io.chameleon.schema.ColumnDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Builds the PostgreSQL side of a load: the loading schema and its tables before the data; keys,
 * indexes and identities after it (in parallel); then the swap into place in one transaction
 * under {@code lock_timeout}. With keep_existing_schema the existing tables are emptied and their
 * indexes and constraints dropped and rebuilt around the load instead.
 */
final class TargetBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(TargetBuilder.class);

    /** Runs inside the swap transaction. */
    interface InSwap {
        void run(Connection tx) throws SQLException;
    }

    private final PgConnector pg;
    private final SourceConfig source;
    private final TargetDdl ddl;
    private final List<String> warnings;
    private final ExistingTables existing = new ExistingTables();

    TargetBuilder(PgConnector pg, SourceConfig source, TargetDdl ddl, List<String> warnings) {
        this.pg = pg;
        this.source = source;
        this.ddl = ddl;
        this.warnings = warnings;
    }

    void prepare(List<TablePlan> plans) throws SQLException {
        try (Connection c = pg.open(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            if (source.keepExistingSchema()) {
                existing.prepare(c, plans, this::createTable);
            } else {
                for (String target : source.schemaMappings().values()) {
                    String load = IndexNamer.fit("_" + target + "_tmp");
                    s.execute("DROP SCHEMA IF EXISTS " + Sql.ident(load) + " CASCADE");
                    s.execute("CREATE SCHEMA " + Sql.ident(load));
                }
                for (TablePlan p : plans) {
                    createTable(c, p);
                }
            }
            c.commit();
        }
    }

    private void createTable(Connection c, TablePlan p) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : ddl.enumTypes(p.target())) {
                s.execute(sql);
            }
            TargetDdl.Statement create = ddl.createTable(p.target());
            create.warnings().forEach(this::warn);
            s.execute(create.sql());
        }
    }

    /** Keys, indexes and identities, built by {@code workers} connections at once. */
    void finish(List<TablePlan> plans, int workers) throws Exception {
        if (source.keepExistingSchema()) {
            existing.rebuild(pg, workers, warnings);
        } else {
            IndexNamer namer = new IndexNamer(plans.stream().map(TablePlan::pgTable).toList());
            ConcurrentLinkedQueue<TargetDdl.IndexStatement> queue = new ConcurrentLinkedQueue<>();
            for (TablePlan p : plans) {
                p.source().indexes().stream().map(i -> ddl.index(p.target(), i, namer)).forEach(st -> {
                    if (st.sql() == null) {
                        warn("index " + st.index().name() + " of " + p.source().name() + " not built: " + st.skipReason());
                    } else {
                        queue.add(st);
                    }
                });
            }
            runParallel(workers, queue);
        }
        try (Connection c = pg.open()) {
            for (TablePlan p : plans) {
                identities(c, p);
            }
        }
    }

    private void runParallel(int workers, ConcurrentLinkedQueue<TargetDdl.IndexStatement> queue) throws Exception {
        Parallel.run(workers, "index", (index, parallel) -> {
            try (Connection c = pg.open(); Statement s = c.createStatement()) {
                TargetDdl.IndexStatement st;
                while (!parallel.failed() && (st = queue.poll()) != null) {
                    try {
                        s.execute(st.sql());
                    } catch (SQLException e) {
                        warn("PostgreSQL could not build index " + st.index().name() + " (" + st.sql() + "): "
                                + e.getMessage());
                    }
                }
            }
        });
    }

    private void identities(Connection c, TablePlan p) throws SQLException {
        List<ColumnDef> cols = p.source().columns();
        for (int i = 0; i < cols.size(); i++) {
            ColumnDef col = cols.get(i);
            if (!col.autoIncrement() || source.keepExistingSchema()) {
                continue;
            }
            long start = Math.max(1, p.autoIncrementNext() == null ? 1 : p.autoIncrementNext());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(" + Sql.ident(col.name())
                    + ")::text FROM " + p.loadTableSql())) {
                rs.next();
                if (rs.getString(1) != null) {
                    start = Math.max(start, new java.math.BigDecimal(rs.getString(1)).longValue() + 1);
                }
            }
            try (Statement s = c.createStatement()) {
                for (String sql : ddl.autoIncrement(p.target(), col, p.pgTypes().get(i), start)) {
                    s.execute(sql);
                }
            } catch (SQLException e) {
                warn("auto_increment of " + p.source().name() + "." + col.name() + " not carried over: " + e.getMessage());
            }
        }
    }

    /**
     * Replaces each destination schema by its loading schema in one transaction, grants
     * {@code grant_select_to}, and lets the catalogue record the load in the same transaction.
     */
    void swap(List<TablePlan> plans, InSwap inSwap) throws SQLException {
        try (Connection c = pg.open(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL lock_timeout = " + Sql.literal(source.lockTimeout()));
            try {
                if (source.keepExistingSchema()) {
                    existing.restoreForeignKeys(c, warnings);
                } else {
                    for (String target : source.schemaMappings().values()) {
                        String load = IndexNamer.fit("_" + target + "_tmp");
                        s.execute("DROP SCHEMA IF EXISTS " + Sql.ident(target) + " CASCADE");
                        s.execute("ALTER SCHEMA " + Sql.ident(load) + " RENAME TO " + Sql.ident(target));
                        grants(c, target);
                    }
                }
                inSwap.run(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if ("55P03".equals(e.getSQLState())) {
                    throw new SQLException("the swap of the loaded tables into " + source.schemaMappings().values()
                            + " waited longer than lock_timeout (" + source.lockTimeout() + ") for a lock held by another"
                            + " session; the loaded data stays in the loading schema. Stop what holds the lock or raise"
                            + " lock_timeout, then run init_replica again", e.getSQLState(), e);
                }
                throw e;
            }
        }
    }

    private void grants(Connection c, String schema) throws SQLException {
        for (String role : source.grantSelectTo()) {
            try (Statement s = c.createStatement()) {
                s.execute("SAVEPOINT grant_role");
                s.execute("GRANT USAGE ON SCHEMA " + Sql.ident(schema) + " TO " + Sql.ident(role));
                s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + Sql.ident(schema) + " TO " + Sql.ident(role));
                s.execute("RELEASE SAVEPOINT grant_role");
            } catch (SQLException e) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK TO SAVEPOINT grant_role");
                }
                warn("grant_select_to: cannot grant SELECT on schema " + schema + " to " + role + ": " + e.getMessage());
            }
        }
    }

    private void warn(String message) {
        LOG.warn(message);
        warnings.add(message);
    }
}
