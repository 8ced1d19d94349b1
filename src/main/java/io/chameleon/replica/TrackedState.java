package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.config.SourceConfig;
import io.chameleon.ddl.TrackedTable;
import io.chameleon.ddl.TrackedTableJson;
import io.chameleon.ddl.TrackedTables;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of a source as DDL replay tracks them at the applied position: the definitions the
 * catalogue keeps (init_replica stores them with its copy, DDL replay with each statement), not
 * MySQL's current ones, which may already include statements the reader has yet to replay.
 *
 * @param rows the source's tables in the catalogue that limit_tables and skip_tables keep
 * @param snapshots the binlog point each table's copy was taken at, for the tables that have one
 * @param disabled tables left out of replay for another reason than a missing key (on_error_replay
 *     continue, a change that could not be followed): DDL replay does not start them again
 */
record TrackedState(TrackedTables tables, List<ReplicatedTable> rows, Map<TableName, BinlogPosition> snapshots,
        Set<TableName> disabled) {

    /**
     * @param mysql where the character sets of mapped schemas the catalogue does not know yet are
     *     read (a schema mapped after init_replica); null once the replica runs
     */
    static TrackedState load(Catalog catalog, int sourceId, SourceConfig source, Connection mysql, ServerInfo server)
            throws SQLException {
        List<ReplicatedTable> rows = catalog.tables().list(sourceId).stream()
                .filter(r -> source.includes(r.mysqlName())).toList();
        Map<TableName, String> kept = catalog.tables().definitions(sourceId);
        Map<TableName, TrackedTable> tables = new HashMap<>();
        Map<TableName, BinlogPosition> snapshots = new HashMap<>();
        Set<TableName> disabled = new HashSet<>();
        for (ReplicatedTable r : rows) {
            String json = kept.get(r.mysqlName());
            if (json != null) {
                tables.put(r.mysqlName(), TrackedTableJson.read(r.mysqlName(), json));
            } else if (keyMatters(r)) {
                throw new ReplicaRefused("source " + source.name() + ": the catalogue has no definition of table "
                        + r.mysqlName() + " to replay DDL onto (copied by a version of chameleon that did not keep"
                        + " them); run init_replica again");
            }
            if (r.snapshot() != null) {
                snapshots.put(r.mysqlName(), r.snapshot());
            }
            if (!keyMatters(r)) {
                disabled.add(r.mysqlName());
            }
        }
        Map<String, String> schemaCharsets = new HashMap<>(catalog.tables().schemaCharsets(sourceId));
        if (mysql != null && !schemaCharsets.keySet().containsAll(source.schemaMappings().keySet())) {
            new SchemaReader(mysql, server).schemaCharsets(source).forEach(schemaCharsets::putIfAbsent);
            catalog.tables().saveSchemaCharsets(sourceId, schemaCharsets);
        }
        return new TrackedState(new TrackedTables(tables, schemaCharsets), rows, snapshots, disabled);
    }

    /** Replayed, or not for want of a key only: DDL that gives it one starts it. */
    static boolean keyMatters(ReplicatedTable r) {
        return r.replicated() || ReplicatedTable.NO_REPLICA_KEY.equals(r.notReplicatedReason());
    }
}
