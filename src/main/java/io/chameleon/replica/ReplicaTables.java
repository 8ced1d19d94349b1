package io.chameleon.replica;

import io.chameleon.apply.ApplyTarget;
import io.chameleon.binlog.ReaderTable;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.config.SourceConfig;
import io.chameleon.ddl.TrackedTable;
import io.chameleon.schema.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The replicated tables of a source as the reader and the applier need them: the tracked
 * definitions and snapshot points from the catalogue, the kinds of change skip_events drops, the
 * converters built from the tracked definitions exactly as init_replica built them. Tables without
 * a replica key are left out (the reader skips them), and so are tables that limit_tables or
 * skip_tables exclude since init_replica copied them.
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
     * @param all every table of the source in the catalogue, for the count of those left out
     * @param state the tracked tables at the applied position
     */
    static ReplicaTables of(List<ReplicatedTable> all, TrackedState state, TrackedTargets build) {
        SourceConfig source = build.source();
        Map<TableName, ReaderTable> reader = new HashMap<>();
        Map<TableName, ApplyTarget> targets = new HashMap<>();
        for (ReplicatedTable t : all) {
            if (!t.replicated()) {
                continue;
            }
            if (!source.includes(t.mysqlName())) {
                LOG.warn("table {} was copied by init_replica but limit_tables or skip_tables of source {} now leave it"
                        + " out: its changes are not replayed and {}.{} is no longer updated", t.mysqlName(),
                        source.name(), t.pgSchema(), t.pgTable());
                continue;
            }
            TrackedTable tracked = state.tables().get(t.mysqlName()).orElseThrow(() -> new ReplicaRefused("table "
                    + t.mysqlName() + " is replicated but its definition is unknown; run init_replica again"));
            reader.put(t.mysqlName(), build.reader(tracked, t.snapshot()));
            targets.put(t.mysqlName(), build.target(tracked, t.pgSchema(), t.pgTable()));
        }
        return new ReplicaTables(reader, targets, all.size() - targets.size(), build.skippedChanges());
    }
}
