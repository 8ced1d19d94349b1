package io.chameleon.config;

import io.chameleon.schema.TableName;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of {@code sources}: pg_chameleon's keys with its defaults, plus our own extensions
 * ({@code copy_workers}, {@code zero_dates}, {@code nul_chars}, {@code metrics_port}, {@code metrics_address}).
 *
 * @param schemaMappings MySQL schema → PostgreSQL schema, in file order
 * @param lockTimeout a PostgreSQL interval text such as {@code 120s}, used for the swap
 * @param copyMaxMemory bytes
 * @param skipEvents for each event kind, the {@code schema} or {@code schema.table} entries skipped
 * @param metricsPort where the running replica serves its metrics; null when it serves none
 */
public record SourceConfig(
        String name,
        SourceType type,
        DbConn dbConn,
        Map<String, String> schemaMappings,
        List<TableName> limitTables,
        List<TableName> skipTables,
        List<String> grantSelectTo,
        String lockTimeout,
        int myServerId,
        int replicaBatchSize,
        int replayMaxRows,
        String batchRetention,
        long copyMaxMemory,
        CopyMode copyMode,
        Path outDir,
        int sleepLoop,
        OnError onErrorReplay,
        OnError onErrorRead,
        String autoMaintenance,
        boolean gtidEnable,
        Map<EventKind, Set<String>> skipEvents,
        boolean keepExistingSchema,
        int netReadTimeout,
        int copyWorkers,
        ZeroDatePolicy zeroDates,
        NulCharPolicy nulChars,
        Integer metricsPort,
        String metricsAddress) {

    public enum SourceType { MYSQL, PGSQL }

    public enum CopyMode { FILE, DIRECT }

    public enum OnError { CONTINUE, EXIT }

    public enum EventKind { INSERT, UPDATE, DELETE }

    /** What to store for a MySQL zero or partly-zero date, which PostgreSQL cannot hold. */
    public enum ZeroDatePolicy {
        /** store NULL (a NOT NULL column then discards the row, recorded) */
        NULL,
        /** store {@code -infinity}, which sorts first as the zero date does in MySQL */
        INFINITY,
        /** discard the row into the catalogue's discarded rows */
        DISCARD
    }

    /** What to do with a NUL character (U+0000) in text, which PostgreSQL cannot store. */
    public enum NulCharPolicy {
        /** remove it (counted) */
        STRIP,
        /** discard the row into the catalogue's discarded rows */
        DISCARD
    }

    public SourceConfig {
        schemaMappings = Collections.unmodifiableMap(new LinkedHashMap<>(schemaMappings));
        limitTables = List.copyOf(limitTables);
        skipTables = List.copyOf(skipTables);
        grantSelectTo = List.copyOf(grantSelectTo);
        skipEvents = Map.copyOf(skipEvents);
    }

    /** Whether a table of a mapped schema is part of this source after limit_tables and skip_tables. */
    public boolean includes(TableName table) {
        if (!schemaMappings.containsKey(table.schema())) {
            return false;
        }
        boolean limited = limitTables.stream().anyMatch(t -> t.schema().equals(table.schema()));
        if (limited && !limitTables.contains(table)) {
            return false;
        }
        return !skipTables.contains(table);
    }

    /**
     * The kinds of change skip_events drops for a table: those listing its schema or the table itself (names
     * compared exactly, as MySQL reports them).
     */
    public Set<EventKind> skippedEvents(TableName table) {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        skipEvents.forEach((kind, entries) -> {
            if (entries.contains(table.schema()) || entries.contains(table.toString())) {
                kinds.add(kind);
            }
        });
        return Collections.unmodifiableSet(kinds);
    }

    /** The PostgreSQL schema a MySQL schema is replicated into, or null when it is not mapped. */
    public String targetSchema(String mysqlSchema) {
        return schemaMappings.get(mysqlSchema);
    }
}
