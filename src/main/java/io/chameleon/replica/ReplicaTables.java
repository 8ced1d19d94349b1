package io.chameleon.replica;

import io.chameleon.apply.ApplyTarget;
import io.chameleon.binlog.ReaderTable;
import io.chameleon.binlog.RowChange;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.config.SourceConfig;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.types.ColumnConverter;
import io.chameleon.types.ColumnConverters;
import io.chameleon.types.TypeMapper;
import io.chameleon.types.ValuePolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The replicated tables of a source as the reader and the applier need them: the tracked columns
 * and snapshot points from the catalogue, the kinds of change skip_events drops, the converters
 * built from the MySQL definitions exactly as init_replica built them. Tables without a replica key
 * are left out (the reader skips them), and so are tables that limit_tables or skip_tables exclude
 * since init_replica copied them.
 *
 * @param leftOut how many of the source's tables in the catalogue are not replayed, for whichever reason
 * @param skippedChanges the row changes skip_events made the reader drop, all tables together
 */
record ReplicaTables(Map<TableName, ReaderTable> reader, Map<TableName, ApplyTarget> targets, int leftOut,
        LongAdder skippedChanges) {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaTables.class);

    ReplicaTables {
        reader = Map.copyOf(reader);
        targets = Map.copyOf(targets);
    }

    /**
     * @param definitions the tables of the source as MySQL describes them now (after limit_tables and skip_tables)
     * @throws ReplicaRefused when a table's definition no longer matches the columns the catalogue tracks
     */
    static ReplicaTables of(List<ReplicatedTable> tables, List<TableDef> definitions, TypeMapper mapper,
            SourceConfig source) {
        Map<TableName, TableDef> byName = new HashMap<>();
        definitions.forEach(d -> byName.put(d.name(), d));
        ValuePolicies policies = ValuePolicies.of(source);
        Map<TableName, ReaderTable> reader = new HashMap<>();
        Map<TableName, ApplyTarget> targets = new HashMap<>();
        LongAdder skippedChanges = new LongAdder();
        for (ReplicatedTable t : tables) {
            if (!t.replicated()) {
                continue;
            }
            if (!source.includes(t.mysqlName())) {
                LOG.warn("table {} was copied by init_replica but limit_tables or skip_tables of source {} now leave it"
                        + " out: its changes are not replayed and {}.{} is no longer updated", t.mysqlName(),
                        source.name(), t.pgSchema(), t.pgTable());
                continue;
            }
            TableDef def = byName.get(t.mysqlName());
            if (def == null) {
                throw new ReplicaRefused("table " + t.mysqlName() + " is replicated but no longer in MySQL; run init_replica again");
            }
            reader.put(t.mysqlName(), new ReaderTable(t.columns(), t.snapshot(), skippedKinds(source, t.mysqlName()),
                    skippedChanges));
            targets.put(t.mysqlName(), target(t, def, mapper, policies));
        }
        return new ReplicaTables(reader, targets, tables.size() - targets.size(), skippedChanges);
    }

    private static Set<RowChange.Kind> skippedKinds(SourceConfig source, TableName table) {
        return source.skippedEvents(table).stream().map(k -> RowChange.Kind.valueOf(k.name())).collect(Collectors.toSet());
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
