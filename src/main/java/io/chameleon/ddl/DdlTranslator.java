package io.chameleon.ddl;

import io.chameleon.config.Fillfactor;
import io.chameleon.config.SourceConfig;
import io.chameleon.config.TypeOverride;
import io.chameleon.copy.IndexNamer;
import io.chameleon.copy.TargetDdl;
import io.chameleon.copy.TargetTable;
import io.chameleon.ddl.AlterAction.RenameTo;
import io.chameleon.ddl.DdlStatement.AlterTable;
import io.chameleon.ddl.DdlStatement.CreateTable;
import io.chameleon.ddl.DdlStatement.CreateTableLike;
import io.chameleon.ddl.DdlStatement.DatabaseCharset;
import io.chameleon.ddl.DdlStatement.DropTables;
import io.chameleon.ddl.DdlStatement.RenameTables;
import io.chameleon.ddl.DdlStatement.TruncateTable;
import io.chameleon.ddl.DdlStatement.Unsupported;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.mysql.SessionSettings;
import io.chameleon.schema.IndexDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.types.DefaultTranslator;
import io.chameleon.types.TypeMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a source's DDL: {@link #translate} parses a statement from the binlog with the source's
 * grammar, resolves its tables through the schema mappings (qualified names and the event's
 * default database alike) and limit/skip tables, and translates it into PostgreSQL statements
 * with the type map, type_override, defaults and index names init_replica uses. A statement it
 * does not follow (views, grants, routines, text it cannot parse...) comes back skipped with the
 * reason; it never throws.
 */
public final class DdlTranslator {
    private final DdlParser parser;
    private final StatementReader reader;
    private final DdlTarget target;
    private final TableTranslator tables;
    private final AlterTranslator alters;
    private final ServerInfo server;
    private final ImplicitTimestamps timestamps;
    private final boolean explicitDefaultsForTimestamp;

    /**
     * A translator for a server with explicit_defaults_for_timestamp ON (MariaDB 10.10+, MySQL 8.0).
     *
     * @param postgis whether PostGIS is installed in the target database (spatial columns and indexes)
     * @param server the source server: its flavour picks the grammar, its version the types it reports
     */
    public DdlTranslator(SourceConfig source, TypeOverride.Rules overrides, Fillfactor fillfactor, boolean postgis,
            ServerInfo server) {
        this(source, overrides, fillfactor, postgis, server, true);
    }

    /**
     * @param explicitDefaultsForTimestamp the server's global explicit_defaults_for_timestamp: how
     *     TIMESTAMP columns are read when the binlog does not say how the writing session had it (MariaDB)
     */
    public DdlTranslator(SourceConfig source, TypeOverride.Rules overrides, Fillfactor fillfactor, boolean postgis,
            ServerInfo server, boolean explicitDefaultsForTimestamp) {
        this.server = server;
        this.explicitDefaultsForTimestamp = explicitDefaultsForTimestamp;
        this.parser = new DdlParser(server.flavour());
        this.reader = new StatementReader(server);
        this.target = new DdlTarget(source, new TypeMapper(overrides, postgis),
                new TargetDdl(postgis, new DefaultTranslator(source.zeroDates())), fillfactor);
        ColumnFactory columns = new ColumnFactory(server);
        ForeignKeys foreignKeys = new ForeignKeys(server);
        this.tables = new TableTranslator(target, columns, foreignKeys);
        this.alters = new AlterTranslator(target, columns, server, foreignKeys);
        this.timestamps = new ImplicitTimestamps(columns);
    }

    /**
     * @param sql one statement as the binlog's QUERY event carries it
     * @param defaultDatabase the event's default database (the session's {@code USE}), null when none
     * @param tracked the tracked tables before the statement
     */
    public DdlOutcome translate(String sql, String defaultDatabase, TrackedTables tracked) {
        return translate(sql, defaultDatabase, tracked, SessionSettings.DEFAULT);
    }

    /**
     * @param session the writing session's settings: a statement written under ANSI_QUOTES or
     *     NO_BACKSLASH_ESCAPES is read as that session meant it, and its TIMESTAMP columns as its
     *     explicit_defaults_for_timestamp has them (the server's global value when the event does not carry it)
     */
    public DdlOutcome translate(String sql, String defaultDatabase, TrackedTables tracked, SessionSettings session) {
        if (sql == null || sql.isBlank()) {
            return DdlOutcome.skipped(tracked, "empty statement", List.of(), List.of());
        }
        Workspace w = new Workspace(tracked, target);
        try {
            DdlParser.Parsed parsed = parser.parse(SessionText.inDefaultMode(sql, session));
            if (parsed.error() != null) {
                return DdlOutcome.skipped(tracked, "not understood by the " + server.flavour().name().toLowerCase()
                        + " grammar: " + parsed.error(), List.of(), List.of());
            }
            if (parsed.statements().size() != 1) {
                return DdlOutcome.skipped(tracked, parsed.statements().isEmpty() ? "no statement"
                        : "several statements in one event (CREATE TABLE ... SELECT logged as a statement cannot be"
                        + " followed)", List.of(), List.of());
            }
            boolean explicitTimestamps = session.explicitDefaultsForTimestamp() != null
                    ? session.explicitDefaultsForTimestamp() : explicitDefaultsForTimestamp;
            String reason = follow(w, reader.read(parsed.statements().get(0)), defaultDatabase, explicitTimestamps);
            if (reason != null) {
                return DdlOutcome.skipped(tracked, reason, List.of(), w.warnings);
            }
        } catch (DdlSkip e) {
            return e.table() != null && tracked.get(e.table()).isPresent() ? stale(tracked, e)
                    : DdlOutcome.skipped(tracked, e.getMessage(), List.of(), w.warnings);
        } catch (RuntimeException e) {
            // whatever the statement, the stream goes on: this one is skipped with the reason
            return DdlOutcome.skipped(tracked, "could not be translated: " + e, List.of(), w.warnings);
        }
        keyChanges(w, tracked);
        return new DdlOutcome(w.statements, w.result(), w.changes, w.warnings, null);
    }

    /** Follows the statement in {@code w}; returns why it is skipped, or null. */
    private String follow(Workspace w, DdlStatement s, String db, boolean explicitTimestamps) {
        if (s instanceof Unsupported u) {
            return u.reason();
        }
        if (s instanceof CreateTable declared) {
            CreateTable c = explicitTimestamps ? declared : timestamps.inCreate(declared);
            return create(w, c.table().resolve(db), c.ifNotExists(), c.orReplace(), name -> {
                String charset = c.charset() != null ? Charsets.normalise(c.charset(), server)
                        : Charsets.normalise(w.schemaCharset(name.schema()), server);
                tables.build(w, tables.define(w, name, c, charset), charset, c.autoIncrement() == null ? 1 : c.autoIncrement());
                return null;
            });
        }
        if (s instanceof CreateTableLike c) {
            return create(w, c.table().resolve(db), c.ifNotExists(), c.orReplace(),
                    name -> like(w, name, c.like().resolve(db)));
        }
        if (s instanceof DropTables d) {
            return drop(w, d, db);
        }
        if (s instanceof RenameTables r) {
            boolean any = false;
            for (int i = 0; i < r.from().size(); i++) {
                any |= move(w, required(r.from().get(i), db), required(r.to().get(i), db));
            }
            return any ? null : "none of the tables is replicated";
        }
        if (s instanceof TruncateTable t) {
            TableName name = t.table().resolve(db);
            String reason = untracked(w, name);
            if (reason == null) {
                tables.truncate(w, name);
            }
            return reason;
        }
        if (s instanceof AlterTable a) {
            return alter(w, a, db, explicitTimestamps);
        }
        DatabaseCharset d = (DatabaseCharset) s;
        String schema = d.database() != null ? d.database() : db;
        if (schema == null || !target.mapped(schema)) {
            return "schema " + schema + " is not in schema_mappings";
        }
        w.charsets.put(schema, Charsets.normalise(d.charset(), server));
        return null;
    }

    private interface Creation {
        String create(TableName name);
    }

    private String create(Workspace w, TableName name, boolean ifNotExists, boolean orReplace, Creation creation) {
        String reason = excluded(name);
        if (reason != null) {
            return reason;
        }
        if (w.tables.containsKey(name)) {
            if (ifNotExists) {
                return "table " + name + " exists already (IF NOT EXISTS)";
            }
            if (!orReplace) {
                w.warn("CREATE TABLE " + name + " when the table is tracked already: MySQL had dropped it without"
                        + " the replica seeing it; it is built again");
            }
            tables.drop(w, name);
        }
        return creation.create(name);
    }

    private String like(Workspace w, TableName name, TableName like) {
        TrackedTable source = like == null ? null : w.tables.get(like);
        if (source == null) {
            throw new DdlSkip("CREATE TABLE " + name + " LIKE " + like + ": the definition of " + like + " is unknown to"
                    + " the replica (not replicated); run sync_tables for " + name);
        }
        TableDef d = source.definition();
        // MySQL copies the indexes but not the foreign keys
        tables.build(w, new TableDef(name, d.engine(), d.columns(), d.indexes(), 0, 0, 0), source.defaultCharset(), 1);
        return null;
    }

    private String drop(Workspace w, DropTables d, String db) {
        boolean any = false;
        for (TableRef ref : d.tables()) {
            TableName name = ref.resolve(db);
            if (name != null && w.tables.containsKey(name)) {
                tables.drop(w, name);
                any = true;
            }
        }
        return any ? null : "none of the tables is replicated";
    }

    /** RENAME TABLE from TO to: followed, dropped from PostgreSQL, or flagged when it enters the replica unknown. */
    private boolean move(Workspace w, TableName from, TableName to) {
        // InnoDB points the keys referencing the table at its new name, tracked or not
        ForeignKeys.referencesMoved(w.tables, from, to);
        boolean tracked = w.tables.containsKey(from);
        if (tracked && target.included(to)) {
            tables.rename(w, from, to);
        } else if (tracked) {
            w.warn(from + " was renamed to " + to + ", which is not replicated: it is dropped from PostgreSQL");
            tables.drop(w, from);
        } else if (target.included(to)) {
            w.warn(to + " was renamed from " + from + ", which is not replicated: its definition and rows are unknown"
                    + " to the replica; run sync_tables for " + to);
            return true;
        }
        return tracked;
    }

    private String alter(Workspace w, AlterTable a, String db, boolean explicitTimestamps) {
        TableName name = a.table().resolve(db);
        String reason = untracked(w, name);
        if (reason != null) {
            return reason;
        }
        TrackedTable before = w.tables.get(name);
        TableEdit e = new TableEdit(before);
        List<RenameTo> renames;
        try {
            renames = alters.apply(w, e, explicitTimestamps ? a.actions() : timestamps.inAlter(e, a.actions()));
        } catch (DdlSkip skip) {
            throw new DdlSkip(skip.getMessage(), name);
        }
        TrackedTable after = e.tracked();
        if (!after.equals(before)) {
            w.tables.put(name, after);
            w.change(TableChange.Kind.ALTERED, name);
        }
        TableName current = name;
        for (RenameTo r : renames) {
            // as in RENAME TABLE, an unqualified new name is in the default database (checked on MariaDB 11.4)
            TableName to = r.to().resolve(db != null ? db : current.schema());
            if (!to.equals(current)) {
                move(w, current, to);
                current = to;
            }
        }
        return null;
    }

    private TableName required(TableRef ref, String db) {
        TableName name = ref.resolve(db);
        if (name == null) {
            throw new DdlSkip("table " + ref + " is named without a database and the statement has no default database");
        }
        return name;
    }

    /** Why a statement on {@code name} is not followed: not included, or not tracked; null when it is. */
    private String untracked(Workspace w, TableName name) {
        String reason = excluded(name);
        if (reason == null && !w.tables.containsKey(name)) {
            reason = "table " + name + " is not tracked by the replica (created while it could not be followed?);"
                    + " run sync_tables for it";
        }
        return reason;
    }

    private String excluded(TableName name) {
        if (name == null) {
            return "no database selected for an unqualified table name";
        }
        if (!target.mapped(name.schema())) {
            return "schema " + name.schema() + " is not in schema_mappings";
        }
        return target.included(name) ? null : "table " + name + " is left out by limit_tables or skip_tables";
    }

    /**
     * MySQL changed a tracked table in a way that cannot be followed: its tracked definition no
     * longer decodes its rows, so it stops replicating and is no longer tracked.
     */
    private static DdlOutcome stale(TrackedTables tracked, DdlSkip e) {
        Map<TableName, TrackedTable> rest = new HashMap<>(tracked.tables());
        rest.remove(e.table());
        String reason = e.table() + " stops replicating: " + e.getMessage() + "; run sync_tables for it";
        return DdlOutcome.skipped(new TrackedTables(rest, tracked.schemaCharsets()), e.getMessage(),
                List.of(new TableChange(TableChange.Kind.STOPS_REPLICATING, e.table(), null, reason)), List.of(reason));
    }

    /** Tables that gained or lost the key the replica needs, with a warning for each lost one. */
    private static void keyChanges(Workspace w, TrackedTables before) {
        w.tables.forEach((name, t) -> {
            TableName origin = w.origin(name);
            boolean was = origin != null && before.get(origin).map(TrackedTable::replicated).orElse(false);
            if (t.replicated() && !was) {
                w.change(TableChange.Kind.STARTS_REPLICATING, name);
            } else if (!t.replicated() && was) {
                String reason = name + " has no primary key or unique NOT NULL key any more: its rows are not replicated"
                        + " until it has one again";
                w.changes.add(new TableChange(TableChange.Kind.STOPS_REPLICATING, name, null, reason));
                w.warn(reason);
            } else if (!t.replicated() && origin == null) {
                w.warn(name + " has no primary key or unique NOT NULL key: it is created in PostgreSQL, but its rows"
                        + " are not replicated until it has one");
            }
        });
    }

    /**
     * The tracked tables just after init_replica built them (without keep_existing_schema): index
     * names chosen exactly as init_replica chose them.
     *
     * @param tables the copied tables, as the mysql reader read them
     * @param tableCharsets each table's default character set
     * @param schemaCharsets each mapped schema's default character set
     */
    public TrackedTables afterInitReplica(List<TableDef> tables, Map<TableName, String> tableCharsets,
            Map<String, String> schemaCharsets) {
        List<TableDef> sorted = tables.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        IndexNamer namer = new IndexNamer(sorted.stream().map(t -> t.name().table()).toList());
        Map<TableName, TrackedTable> tracked = new HashMap<>();
        for (TableDef def : sorted) {
            TargetTable t = target.table(def);
            Map<String, String> pgNames = new HashMap<>();
            for (IndexDef idx : def.indexes()) {
                TargetDdl.IndexStatement st = target.ddl().index(t, idx, namer);
                if (st.sql() != null) {
                    pgNames.put(idx.name(), st.name());
                }
            }
            String charset = tableCharsets.getOrDefault(def.name(),
                    schemaCharsets.getOrDefault(def.name().schema(), "utf8mb4"));
            tracked.put(def.name(), new TrackedTable(def, charset, pgNames));
        }
        return new TrackedTables(tracked, schemaCharsets);
    }
}
