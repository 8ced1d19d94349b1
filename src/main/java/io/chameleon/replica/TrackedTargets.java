package io.chameleon.replica;

import io.chameleon.apply.ApplyTarget;
import io.chameleon.binlog.ReaderTable;
import io.chameleon.binlog.RowChange;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.config.SourceConfig;
import io.chameleon.ddl.TrackedTable;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.IndexDef;
import io.chameleon.schema.TableName;
import io.chameleon.types.ColumnConverter;
import io.chameleon.types.ColumnConverters;
import io.chameleon.types.TypeMapper;
import io.chameleon.types.ValuePolicies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Reader tables and apply targets built from tracked definitions, with the type map, type_override
 * and value policies init_replica used: a row decodes and converts the same whichever path carried it.
 */
final class TrackedTargets {
    private final SourceConfig source;
    private final TypeMapper mapper;
    private final ValuePolicies policies;
    private final LongAdder skippedChanges;

    /** @param skippedChanges where skip_events counts the row changes it drops, all tables together */
    TrackedTargets(SourceConfig source, TypeMapper mapper, LongAdder skippedChanges) {
        this.source = source;
        this.mapper = mapper;
        this.policies = ValuePolicies.of(source);
        this.skippedChanges = skippedChanges;
    }

    SourceConfig source() {
        return source;
    }

    LongAdder skippedChanges() {
        return skippedChanges;
    }

    /** @param snapshot the binlog point the table's copy was taken at; null when every change is replayed */
    ReaderTable reader(TrackedTable table, BinlogPosition snapshot) {
        TableName name = table.definition().name();
        List<TrackedColumn> columns = table.definition().columns().stream()
                .map(c -> TrackedColumn.of(c, mapper.map(name, c).sql())).toList();
        Set<RowChange.Kind> skipped = source.skippedEvents(name).stream().map(k -> RowChange.Kind.valueOf(k.name()))
                .collect(Collectors.toSet());
        return new ReaderTable(columns, snapshot, skipped, skippedChanges);
    }

    /** Into the table's mapped PostgreSQL schema, under its MySQL name, as init_replica and DDL replay create it. */
    ApplyTarget target(TrackedTable table) {
        TableName name = table.definition().name();
        return target(table, source.targetSchema(name.schema()), name.table());
    }

    ApplyTarget target(TrackedTable table, String pgSchema, String pgTable) {
        TableName name = table.definition().name();
        List<String> names = table.definition().columns().stream().map(ColumnDef::name).toList();
        List<ColumnConverter> converters = new ArrayList<>();
        for (ColumnDef c : table.definition().columns()) {
            converters.add(ColumnConverters.of(name, c, mapper.map(name, c), policies));
        }
        List<String> keyColumns = table.definition().replicaKey().map(IndexDef::columnNames).orElse(List.of());
        int[] key = keyColumns.stream().mapToInt(k -> indexOf(names, k)).toArray();
        return new ApplyTarget(name, pgSchema, pgTable, names, converters, key, table.definition().foreignKeys());
    }

    private static int indexOf(List<String> names, String column) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }
}
