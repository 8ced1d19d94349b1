package io.chameleon.replica;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.config.SourceConfig;
import io.chameleon.ddl.Charsets;
import io.chameleon.ddl.DdlTranslator;
import io.chameleon.ddl.TrackedTable;
import io.chameleon.ddl.TrackedTableJson;
import io.chameleon.ddl.TrackedTables;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of a source as DDL replay tracks them at the applied position: the definitions the
 * catalogue keeps, not MySQL's current ones, which may already include statements the reader has
 * yet to replay. A table the catalogue has no definition for (copied by init_replica or sync_tables
 * since the last start) is read from MySQL once, checked against the columns its copy tracked, and
 * its definition kept from then on.
 *
 * @param rows the source's tables in the catalogue that limit_tables and skip_tables keep
 * @param snapshots the binlog point each table's copy was taken at, for the tables that have one
 * @param disabled tables left out of replay for another reason than a missing key (on_error_replay
 *     continue, a change that could not be followed): DDL replay does not start them again
 */
record TrackedState(TrackedTables tables, List<ReplicatedTable> rows, Map<TableName, BinlogPosition> snapshots,
        Set<TableName> disabled) {

    /**
     * @param mysql where definitions the catalogue lacks are read, and kept in the catalogue; null
     *     once the replica runs, as every definition is kept by then
     */
    static TrackedState load(Catalog catalog, int sourceId, SourceConfig source, DdlTranslator translator,
            Connection mysql, ServerInfo server) throws SQLException {
        List<ReplicatedTable> rows = catalog.tables().list(sourceId).stream()
                .filter(r -> source.includes(r.mysqlName())).toList();
        Map<TableName, String> kept = catalog.tables().definitions(sourceId);
        Map<TableName, TrackedTable> tables = new HashMap<>();
        Map<TableName, BinlogPosition> snapshots = new HashMap<>();
        Set<TableName> disabled = new HashSet<>();
        boolean missing = false;
        for (ReplicatedTable r : rows) {
            String json = kept.get(r.mysqlName());
            if (json != null) {
                tables.put(r.mysqlName(), TrackedTableJson.read(r.mysqlName(), json));
            } else {
                missing |= keyMatters(r);
            }
            if (r.snapshot() != null) {
                snapshots.put(r.mysqlName(), r.snapshot());
            }
            if (!keyMatters(r)) {
                disabled.add(r.mysqlName());
            }
        }
        Map<String, String> schemaCharsets = new HashMap<>(catalog.tables().schemaCharsets(sourceId));
        boolean charsetsMissing = !schemaCharsets.keySet().containsAll(source.schemaMappings().keySet());
        if (mysql == null && missing) {
            throw new IllegalStateException("source " + source.name() + ": the catalogue lost tracked definitions while"
                    + " the replica ran; start the replica again");
        }
        if (mysql != null && (missing || charsetsMissing)) {
            schemaCharsets.putAll(readSchemaCharsets(mysql, source, schemaCharsets));
            catalog.tables().saveSchemaCharsets(sourceId, schemaCharsets);
        }
        if (missing) {
            fromMysql(catalog, sourceId, rows, tables, translator, new SchemaReader(mysql, server).read(source),
                    readTableCharsets(mysql, source), schemaCharsets);
        }
        return new TrackedState(new TrackedTables(tables, schemaCharsets), rows, snapshots, disabled);
    }

    /** Replayed, or not for want of a key only: DDL that gives it one starts it. */
    static boolean keyMatters(ReplicatedTable r) {
        return r.replicated() || ReplicatedTable.NO_REPLICA_KEY.equals(r.notReplicatedReason());
    }

    /** Tables without a kept definition, from MySQL, index names chosen as init_replica chose them. */
    private static void fromMysql(Catalog catalog, int sourceId, List<ReplicatedTable> rows,
            Map<TableName, TrackedTable> tables, DdlTranslator translator, List<TableDef> mysqlTables,
            Map<TableName, String> tableCharsets, Map<String, String> schemaCharsets) throws SQLException {
        Set<TableName> copied = new HashSet<>();
        rows.forEach(r -> copied.add(r.mysqlName()));
        TrackedTables asBuilt = translator.afterInitReplica(
                mysqlTables.stream().filter(d -> copied.contains(d.name())).toList(), tableCharsets, schemaCharsets);
        for (ReplicatedTable r : rows) {
            if (tables.containsKey(r.mysqlName()) || !keyMatters(r)) {
                continue;
            }
            TrackedTable t = asBuilt.get(r.mysqlName()).orElse(null);
            if (t == null) {
                if (r.replicated()) {
                    throw new ReplicaRefused("table " + r.mysqlName() + " is replicated but no longer in MySQL; run"
                            + " init_replica again");
                }
                continue;
            }
            List<String> names = r.columns().stream().map(TrackedColumn::name).toList();
            List<String> now = t.definition().columns().stream().map(ColumnDef::name).toList();
            if (!names.equals(now)) {
                throw new ReplicaRefused("table " + r.mysqlName() + " has the columns " + now + " in MySQL but the"
                        + " catalogue tracks " + names + "; its definition changed since init_replica: run init_replica"
                        + " again");
            }
            tables.put(r.mysqlName(), t);
            catalog.tables().saveDefinition(sourceId, r.mysqlName(), TrackedTableJson.write(t));
        }
    }

    private static Map<TableName, String> readTableCharsets(Connection mysql, SourceConfig source) throws SQLException {
        Map<TableName, String> charsets = new HashMap<>();
        for (String schema : source.schemaMappings().keySet()) {
            try (PreparedStatement s = mysql.prepareStatement("SELECT TABLE_NAME, TABLE_COLLATION FROM"
                    + " information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_COLLATION IS NOT NULL")) {
                s.setString(1, schema);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        charsets.put(new TableName(schema, rs.getString(1)), Charsets.ofCollation(rs.getString(2)));
                    }
                }
            }
        }
        return charsets;
    }

    private static Map<String, String> readSchemaCharsets(Connection mysql, SourceConfig source,
            Map<String, String> known) throws SQLException {
        Map<String, String> charsets = new HashMap<>();
        for (String schema : source.schemaMappings().keySet()) {
            if (known.containsKey(schema)) {
                continue;
            }
            try (PreparedStatement s = mysql.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME FROM"
                    + " information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
                s.setString(1, schema);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        charsets.put(schema, rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return charsets;
    }
}
