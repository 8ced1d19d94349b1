package io.chameleon.copy;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.DiscardedRow;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.catalog.SourceLease;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.pg.PgConnector;
import io.chameleon.schema.ColumnDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the load into the catalogue: discarded rows as they happen (on a connection of their
 * own, so a rolled-back chunk does not take its discards with it), and the tables with their
 * snapshot coordinates and the definitions DDL replay starts from inside the swap transaction.
 */
public final class CatalogLoadRecorder implements LoadCatalog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogLoadRecorder.class);

    private final SourceLease lease;
    private final int sourceId;
    private final Connection discardConnection;
    private final Catalog discardCatalog;
    private final LoadedDefinitions definitions;

    /** @param lease the load's lease: the swap transaction commits only while the load still holds it */
    public CatalogLoadRecorder(PgConnector pg, SourceLease lease, LoadedDefinitions definitions) throws SQLException {
        this.lease = lease;
        this.sourceId = lease.sourceId();
        this.definitions = definitions;
        this.discardConnection = pg.open();
        this.discardCatalog = Catalog.open(discardConnection);
    }

    @Override
    public synchronized void discard(TablePlan table, String key, String column, String reason, String rowImage) {
        LOG.warn("discarded a row of {} ({}){}: {}", table.source().name(), key, column == null ? "" : " column " + column,
                reason);
        try {
            discardCatalog.discardedRows().record(sourceId, DiscardedRow.of(table.source().name(), key, column, reason,
                    image(table, rowImage), null));
        } catch (SQLException e) {
            // the discard is in the log above; the load goes on
            LOG.error("could not record the discarded row of {} in the catalogue: {}", table.source().name(), e.getMessage());
        }
    }

    /** The COPY text line split back into column → value (null for \N) for the catalogue. */
    private static Map<String, String> image(TablePlan table, String copyLine) {
        if (copyLine == null) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        String[] values = copyLine.split("\t", -1);
        List<ColumnDef> cols = table.source().columns();
        for (int i = 0; i < cols.size() && i < values.length; i++) {
            m.put(cols.get(i).name(), values[i].equals("\\N") ? null : values[i]);
        }
        return m;
    }

    @Override
    public void loaded(Connection tx, LoadResult result) throws SQLException {
        Catalog catalog = Catalog.open(tx);
        List<ReplicatedTable> tables = new ArrayList<>();
        Instant now = Instant.now();
        for (LoadedTable t : result.tables()) {
            TablePlan p = t.plan();
            List<TrackedColumn> cols = new ArrayList<>();
            for (int i = 0; i < p.source().columns().size(); i++) {
                cols.add(TrackedColumn.of(p.source().columns().get(i), p.pgTypes().get(i).sql()));
            }
            ReplicatedTable planned = ReplicatedTable.planned(p.source(), p.targetSchema(), cols, t.position());
            tables.add(new ReplicatedTable(planned.mysqlName(), planned.pgSchema(), planned.pgTable(), planned.replicated(),
                    planned.replicaKey(), planned.notReplicatedReason(), cols, t.position(), t.rows(), t.bytes(), now));
        }
        if (result.scope().whole()) {
            catalog.tables().replaceAll(sourceId, tables);
        } else {
            catalog.tables().upsert(sourceId, tables);
        }
        Map<String, String> charsets = new HashMap<>(result.context().schemaCharsets());
        if (!result.scope().whole()) {
            // replay tracks the charsets at its own position; MySQL's now only fill in schemas it has none for
            charsets.putAll(catalog.tables().schemaCharsets(sourceId));
        }
        catalog.tables().saveSchemaCharsets(sourceId, charsets);
        catalog.tables().saveDefinitions(sourceId, definitions.of(result));
        BinlogPosition earliest = result.tables().stream().map(LoadedTable::position)
                .min(Comparator.naturalOrder()).orElse(null);
        if (earliest == null) {
            catalog.lifecycle().reach(lease, SourceStatus.INITIALISED);
        } else if (result.scope().whole()) {
            catalog.positions().recordSnapshot(sourceId, earliest, result.highWatermark());
            catalog.lifecycle().reach(lease, SourceStatus.INITIALISED);
        } else {
            // replay goes on from where it stands; the copied tables' rows before their snapshot are skipped
            catalog.positions().recordHighWatermark(sourceId, result.highWatermark());
            catalog.lifecycle().reach(lease, SourceStatus.SYNCED);
        }
    }

    @Override
    public void close() throws SQLException {
        discardConnection.close();
    }
}
