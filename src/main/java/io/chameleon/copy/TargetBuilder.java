package io.chameleon.copy;

import io.chameleon.config.SourceConfig;
import io.chameleon.pg.Grants;
import io.chameleon.pg.PgConnector;
import io.chameleon.pg.Sql;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableName;
import io.chameleon.types.PgType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the PostgreSQL side of a load: the loading schema and its tables before the data; keys
 * and indexes of each table once its data is in ({@link KeyBuilder}), identities after all of it; then the swap into place in one transaction
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
    private final LoadScope scope;
    /** Per table, the PostgreSQL name each MySQL index was given. */
    private final Map<TableName, Map<String, String>> indexNames = new ConcurrentHashMap<>();

    TargetBuilder(PgConnector pg, SourceConfig source, TargetDdl ddl, List<String> warnings, LoadScope scope) {
        this.scope = scope;
        this.pg = pg;
        this.source = source;
        this.ddl = ddl;
        this.warnings = warnings;
    }

    void prepare(List<TablePlan> plans) throws SQLException {
        try (Connection c = pg.open(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            if (source.keepExistingSchema()) {
                for (String target : plans.stream().map(TablePlan::targetSchema).distinct().toList()) {
                    s.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.ident(target)); // none yet: the tables are created
                }
                existing.prepare(c, plans, this::createTable);
            } else {
                for (String target : scope.whole() ? source.schemaMappings().values()
                        : plans.stream().map(TablePlan::targetSchema).distinct().toList()) {
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
            // autovacuum would scan the table while it fills, and an ALTER TABLE after the copy (a
            // primary key, an identity) then waits deadlock_timeout (1 s) for it to be cancelled;
            // the swap turns it back on. Not for keep_existing_schema, whose tables load in place:
            // a failed load would leave them without autovacuum, and the next load takes them as existing
            if (!source.keepExistingSchema()) {
                s.execute("ALTER TABLE " + p.loadTableSql() + " SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)");
            }
        }
    }

    /** In the swap: autovacuum, off while the tables filled in the loading schema, runs on them again. */
    private void resumeAutovacuum(Connection c, List<TablePlan> plans) throws SQLException {
        if (source.keepExistingSchema()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (TablePlan p : plans) {
                s.execute("ALTER TABLE " + p.loadTableSql() + " RESET (autovacuum_enabled, toast.autovacuum_enabled)");
            }
        }
    }

    /** Keys, indexes and identities, built by {@code workers} connections at once, with no data to wait for. */
    void finish(List<TablePlan> plans, int workers) throws Exception {
        try (KeyBuilder keys = startKeys(plans, workers)) {
            plans.forEach(keys::tableLoaded);
            finish(plans, keys, workers);
        }
    }

    /**
     * Starts {@code workers} connections building keys and indexes, each table's once
     * {@link KeyBuilder#tableLoaded} says its data is in (with keep_existing_schema, of the tables
     * the load created; the existing ones' are rebuilt by {@link #finish} after the whole load).
     */
    KeyBuilder startKeys(List<TablePlan> plans, int workers) throws SQLException {
        List<TablePlan> built = builtHere(plans);
        IndexNamer namer = new IndexNamer(takenNames(built));
        Map<TablePlan, List<TargetDdl.IndexStatement>> statements = new HashMap<>();
        for (TablePlan p : built) {
            Map<String, String> names = indexNames.computeIfAbsent(p.source().name(), t -> new ConcurrentHashMap<>());
            List<TargetDdl.IndexStatement> ofTable = new ArrayList<>();
            p.source().indexes().stream().map(i -> ddl.index(p.target(), i, namer)).forEach(st -> {
                if (st.sql() == null) {
                    warn("index " + st.index().name() + " of " + p.source().name() + " not built: " + st.skipReason());
                } else {
                    names.put(st.index().name(), st.name());
                    ofTable.add(st);
                }
            });
            statements.put(p, ofTable);
        }
        return new KeyBuilder(pg, workers, statements, this::warn);
    }

    /** Waits for the keys and indexes {@code keys} builds, rebuilds keep_existing_schema's, then sets the identities. */
    void finish(List<TablePlan> plans, KeyBuilder keys, int workers) throws Exception {
        keys.awaitAll();
        if (source.keepExistingSchema()) {
            existing.rebuild(pg, workers, warnings);
        }
        try (Connection c = pg.open()) {
            for (TablePlan p : builtHere(plans)) {
                identities(c, p);
            }
        }
    }

    /** The tables whose keys, indexes and identities the load builds: with keep_existing_schema, those that did not exist. */
    private List<TablePlan> builtHere(List<TablePlan> plans) {
        return source.keepExistingSchema() ? plans.stream().filter(existing::created).toList() : plans;
    }

    /** The PostgreSQL names {@link #finish} gave a table's MySQL indexes; empty with keep_existing_schema. */
    Map<String, String> indexNames(TableName table) {
        return indexNames.getOrDefault(table, Map.of());
    }

    /**
     * The names the loaded tables' indexes must not take: the tables' own names, and when the
     * tables join others in their destination schemas (only some replaced, or keep_existing_schema),
     * every other name there.
     */
    private List<String> takenNames(List<TablePlan> plans) throws SQLException {
        List<String> taken = new ArrayList<>(plans.stream().map(TablePlan::pgTable).toList());
        if (scope.whole() && !source.keepExistingSchema() || plans.isEmpty()) {
            return taken;
        }
        try (Connection c = pg.open(); PreparedStatement s = c.prepareStatement("SELECT n.nspname, r.relname,"
                + " coalesce(t.relname, r.relname) FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " LEFT JOIN pg_index i ON i.indexrelid = r.oid LEFT JOIN pg_class t ON t.oid = i.indrelid"
                + " WHERE n.nspname = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", plans.stream().map(TablePlan::targetSchema).distinct().toArray()));
            Set<List<String>> replaced = new HashSet<>();
            plans.forEach(p -> replaced.add(List.of(p.targetSchema(), p.pgTable())));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!replaced.contains(List.of(rs.getString(1), rs.getString(3)))) {
                        taken.add(rs.getString(2));
                    }
                }
            }
        }
        return taken;
    }

    private void identities(Connection c, TablePlan p) throws SQLException {
        List<ColumnDef> cols = p.source().columns();
        for (int i = 0; i < cols.size(); i++) {
            ColumnDef col = cols.get(i);
            if (!col.autoIncrement()) {
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
                resumeAutovacuum(c, plans);
                if (source.keepExistingSchema()) {
                    existing.restoreForeignKeys(c, warnings);
                } else if (!scope.whole()) {
                    replaceTables(c, plans);
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
                            + " lock_timeout, then run " + (scope.whole() ? "init_replica" : "sync_tables or refresh_schema")
                            + " again", e.getSQLState(), e);
                }
                throw e;
            }
        }
    }

    /**
     * sync_tables, refresh_schema: each loaded table and its enum types replace their namesakes in
     * the destination schema (dropped with CASCADE, as init_replica drops the whole schema); the
     * other tables stay as they are.
     */
    private void replaceTables(Connection c, List<TablePlan> plans) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String target : plans.stream().map(TablePlan::targetSchema).distinct().toList()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.ident(target)); // a schema mapped since init_replica
            }
            for (TablePlan p : plans) {
                String target = Sql.ident(p.targetSchema());
                List<String> oldTypes = enumTypesOf(c, p.targetSchema(), p.pgTable());
                s.execute("DROP TABLE IF EXISTS " + Sql.qualified(p.targetSchema(), p.pgTable()) + " CASCADE");
                // without CASCADE: a type another table still uses stops the swap instead of taking that column
                for (String name : oldTypes) {
                    s.execute("DROP TYPE " + Sql.qualified(p.targetSchema(), name));
                }
                for (PgType t : p.pgTypes()) {
                    if (t.enumType().isPresent()) {
                        String name = t.enumType().get().name();
                        s.execute("DROP TYPE IF EXISTS " + Sql.qualified(p.targetSchema(), name));
                        s.execute("ALTER TYPE " + Sql.qualified(p.loadSchema(), name) + " SET SCHEMA " + target);
                    }
                }
                s.execute("ALTER TABLE " + p.loadTableSql() + " SET SCHEMA " + target);
                for (String role : source.grantSelectTo()) {
                    grant(c, "GRANT USAGE ON SCHEMA " + target + " TO " + Sql.ident(role) + "; GRANT SELECT ON "
                            + Sql.qualified(p.targetSchema(), p.pgTable()) + " TO " + Sql.ident(role),
                            "table " + p.targetSchema() + "." + p.pgTable(), role);
                }
            }
            for (String load : plans.stream().map(TablePlan::loadSchema).distinct().toList()) {
                s.execute("DROP SCHEMA " + Sql.ident(load) + " CASCADE");
            }
        }
    }

    /** The enum types of the schema that the table's columns use, which go with the table it replaces. */
    private static List<String> enumTypesOf(Connection c, String schema, String table) throws SQLException {
        List<String> types = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT t.typname FROM pg_attribute a"
                + " JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND t.typtype = 'e' AND n.nspname = ?")) {
            s.setString(1, Sql.qualified(schema, table));
            s.setString(2, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }

    private void grants(Connection c, String schema) throws SQLException {
        for (String role : source.grantSelectTo()) {
            grant(c, Grants.onSchema(schema, role), "schema " + schema, role);
        }
    }

    /** A grant_select_to grant; one PostgreSQL refuses (no such role) is a warning, not a failed load. */
    private void grant(Connection c, String sql, String what, String role) throws SQLException {
        Grants.run(c, sql).ifPresent(refusal -> warn("grant_select_to: cannot grant SELECT on " + what + " to " + role
                + ": " + refusal));
    }

    private void warn(String message) {
        LOG.warn(message);
        warnings.add(message);
    }
}
