package io.chameleon.replica;

import io.chameleon.apply.ApplyTarget;
import io.chameleon.binlog.ReaderTable;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.types.ColumnConverter;
import io.chameleon.types.ColumnConverters;
import io.chameleon.types.TypeMapper;
import io.chameleon.types.ValuePolicies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The replicated tables of a source as the reader and the applier need them: the tracked columns
 * and snapshot points from the catalogue, the converters built from the MySQL definitions exactly
 * as init_replica built them. Tables without a replica key are left out (the reader skips them).
 */
record ReplicaTables(Map<TableName, ReaderTable> reader, Map<TableName, ApplyTarget> targets) {

    ReplicaTables {
        reader = Map.copyOf(reader);
        targets = Map.copyOf(targets);
    }

    /**
     * @param definitions the tables as MySQL describes them now
     * @throws ReplicaRefused when a table's definition no longer matches the columns the catalogue tracks
     */
    static ReplicaTables of(List<ReplicatedTable> tables, List<TableDef> definitions, TypeMapper mapper,
            ValuePolicies policies) {
        Map<TableName, TableDef> byName = new HashMap<>();
        definitions.forEach(d -> byName.put(d.name(), d));
        Map<TableName, ReaderTable> reader = new HashMap<>();
        Map<TableName, ApplyTarget> targets = new HashMap<>();
        for (ReplicatedTable t : tables) {
            if (!t.replicated()) {
                continue;
            }
            TableDef def = byName.get(t.mysqlName());
            if (def == null) {
                throw new ReplicaRefused("table " + t.mysqlName() + " is replicated but no longer in MySQL; run init_replica again");
            }
            reader.put(t.mysqlName(), new ReaderTable(t.columns(), t.snapshot()));
            targets.put(t.mysqlName(), target(t, def, mapper, policies));
        }
        return new ReplicaTables(reader, targets);
    }

    private static ApplyTarget target(ReplicatedTable table, TableDef def, TypeMapper mapper, ValuePolicies policies) {
        List<String> names = table.columns().stream().map(TrackedColumn::name).toList();
        List<String> now = def.columns().stream().map(ColumnDef::name).toList();
        if (!names.equals(now)) {
            throw new ReplicaRefused("table " + table.mysqlName() + " has the columns " + now + " in MySQL but the catalogue"
                    + " tracks " + names + "; its definition changed since init_replica: run init_replica again");
        }
        List<ColumnConverter> converters = new ArrayList<>();
        for (ColumnDef c : def.columns()) {
            converters.add(ColumnConverters.of(table.mysqlName(), c, mapper.map(table.mysqlName(), c), policies));
        }
        int[] key = table.replicaKey().stream().mapToInt(names::indexOf).toArray();
        return new ApplyTarget(table.mysqlName(), table.pgSchema(), table.pgTable(), names, converters, key);
    }
}
