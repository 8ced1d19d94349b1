package io.chameleon.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the target database holds under the name {@code sch_chameleon}: nothing, our catalogue at
 * some version, or someone else's schema (pg_chameleon's own catalogue, most likely). Every entry
 * point reads it first and refuses to touch a schema that is not ours or is newer than this build.
 */
record CatalogState(String database, Kind kind, List<String> tables, int version, String appliedBy) {
    static final String SCHEMA = "sch_chameleon";
    /** Our marker: a schema of that name without this table is not ours. */
    static final String VERSION_TABLE = "chameleon_migrations";

    private static final List<String> PG_CHAMELEON_TABLES =
            List.of("t_sources", "t_replica_tables", "t_replica_batch", "t_log_replica");

    enum Kind { ABSENT, OURS, FOREIGN }

    CatalogState {
        tables = List.copyOf(tables);
    }

    static CatalogState read(Connection c) throws SQLException {
        String database;
        try (PreparedStatement s = c.prepareStatement("SELECT current_database()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            database = rs.getString(1);
        }
        if (!schemaExists(c)) {
            return new CatalogState(database, Kind.ABSENT, List.of(), 0, null);
        }
        List<String> tables = tables(c);
        if (!tables.contains(VERSION_TABLE)) {
            return new CatalogState(database, Kind.FOREIGN, tables, 0, null);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT version, chameleon_version FROM " + SCHEMA + "."
                + VERSION_TABLE + " ORDER BY version DESC LIMIT 1"); ResultSet rs = s.executeQuery()) {
            return rs.next()
                    ? new CatalogState(database, Kind.OURS, tables, rs.getInt(1), rs.getString(2))
                    : new CatalogState(database, Kind.OURS, tables, 0, null);
        }
    }

    private static boolean schemaExists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, SCHEMA);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname")) {
            s.setString(1, SCHEMA);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    /** The guard of every entry point: never drop or alter a schema that is not ours, or is newer. */
    void refuseForeignOrNewer(int latest) {
        if (kind == Kind.FOREIGN) {
            throw new CatalogException(describeForeign() + ": Chameleon will not drop or alter it; use another"
                    + " target database, or drop it yourself (DROP SCHEMA " + SCHEMA + " CASCADE) once nothing"
                    + " needs it any more" + (isPgChameleon() ? " (after migrating off pg_chameleon)" : ""));
        }
        if (kind == Kind.OURS && version > latest) {
            throw new CatalogException(SCHEMA + " in database '" + database + "' is at catalogue version " + version
                    + ", applied by chameleon " + appliedBy + ", newer than the version " + latest + " this build ("
                    + BuildVersion.current() + ") knows: Chameleon will not drop or alter it; use chameleon "
                    + appliedBy + " or newer");
        }
    }

    /** The guard of the stages that read and write catalogue data: it must exist at our version. */
    void requireCurrent(int latest) {
        refuseForeignOrNewer(latest);
        if (kind == Kind.ABSENT) {
            throw new CatalogException("database '" + database + "' has no replica catalogue (schema " + SCHEMA
                    + "): run create_replica_schema");
        }
        if (version < latest) {
            throw new CatalogException(SCHEMA + " in database '" + database + "' is at catalogue version " + version
                    + " but this build needs version " + latest + ": run upgrade_replica_schema");
        }
    }

    private boolean isPgChameleon() {
        return tables.contains(PG_CHAMELEON_TABLES.get(0));
    }

    private String describeForeign() {
        // pg_chameleon's best-known tables first, so the user recognises it
        List<String> shown = new ArrayList<>(PG_CHAMELEON_TABLES.stream().filter(tables::contains).toList());
        tables.stream().filter(t -> !shown.contains(t)).forEach(shown::add);
        String listed = shown.size() <= 6 ? String.join(", ", shown)
                : String.join(", ", shown.subList(0, 6)) + " and " + (shown.size() - 6) + " more";
        String what = isPgChameleon() ? "pg_chameleon's replica catalogue"
                : "not a Chameleon catalogue (it has no table " + VERSION_TABLE + ")";
        return "database '" + database + "' already has a schema " + SCHEMA + " that is " + what
                + (tables.isEmpty() ? ", and is empty" : ", with tables " + listed);
    }
}
