package io.chameleon.compare;

import io.chameleon.catalog.ReplicaHold;
import io.chameleon.format.Json;
import io.chameleon.format.TextTable;
import io.chameleon.mysql.BinlogPosition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one compare: the point, each table's counts and differences, the time taken, the
 * replica's pause (null for a stopped replica) and, with --repair, what each differing table's
 * repair did (null without).
 */
public record CompareReport(String source, BinlogPosition point, long lockMillis, List<TableResult> tables,
        Duration elapsed, ReplicaHold hold, List<CompareRepair.Repaired> repairs) {

    public boolean equal() {
        return tables.stream().allMatch(t -> t.differenceCount() == 0);
    }

    /** Whether PostgreSQL now matches MySQL at the point: equal, or every differing table repaired. */
    public boolean consistent() {
        return equal() || (repairs != null && repairs.stream().allMatch(r -> r.error() == null && r.discarded().isEmpty()));
    }

    public long differenceCount() {
        return tables.stream().mapToLong(TableResult::differenceCount).sum();
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("source ").append(source).append(" compared at ").append(point).append(" in ")
                .append(elapsed.toMillis()).append(" ms (MySQL read lock ").append(lockMillis).append(" ms)\n");
        b.append(hold == null ? "replica: stopped at the compared point, not held\n"
                : "replica paused " + millis(hold.pause()) + " (held at the point " + millis(heldFor()) + ", "
                        + hold.resumedWhy() + ")\n");
        TextTable t = TextTable.withHeader("table", "MySQL rows", "PostgreSQL rows", "ranges", "checksummed", "by row",
                "rows moved", "differences");
        for (TableResult r : tables) {
            t.row(r.table(), r.mysqlRows(), r.pgRows(), r.ranges(), r.rangesChecksummed(), r.rangesComparedByRow(),
                    r.rowsMoved(), r.differenceCount());
        }
        b.append(t.render());
        for (TableResult r : tables) {
            if (r.notChecksummed() != null) {
                b.append(r.table()).append(": compared row by row, no server checksum: ").append(r.notChecksummed())
                        .append('\n');
            }
            if (r.capped()) {
                b.append(r.table()).append(": past --repair-max-rows, its other differing ranges not narrowed down\n");
            }
            r.differences().forEach(d -> b.append(d.describe()).append('\n'));
            if (r.differenceCount() > r.differences().size()) {
                b.append(r.table()).append(": ").append(r.differenceCount() - r.differences().size())
                        .append(" more differences not listed\n");
            }
        }
        if (repairs != null) {
            for (CompareRepair.Repaired r : repairs) {
                b.append(r.error() != null ? "repair of " + r.table().name() + " FAILED, nothing of it changed: "
                        + r.error() : "repaired " + r.table().name() + ": " + r.how() + ", " + r.deleted()
                        + " rows deleted and " + r.inserted() + " copied again from MySQL's snapshot in " + r.millis()
                        + " ms").append('\n');
                r.discarded().forEach(d -> b.append("  not copied (refused as init_replica would): ").append(d)
                        .append('\n'));
            }
        }
        b.append(equal() ? "equal\n" : differenceCount() + " differences" + (repairs == null ? ""
                : consistent() ? ", all repaired" : ", NOT all repaired") + "\n");
        return b.toString();
    }

    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("binlog_file", point.file());
        m.put("binlog_position", point.position());
        m.put("gtid_set", point.gtidSet());
        m.put("equal", equal());
        m.put("elapsed_ms", elapsed.toMillis());
        m.put("mysql_lock_ms", lockMillis);
        m.put("replica_pause_ms", hold == null || hold.pause() == null ? null : hold.pause().toMillis());
        m.put("replica_held_ms", hold == null ? null : heldFor() == null ? null : heldFor().toMillis());
        m.put("ranges_checksummed", tables.stream().mapToLong(TableResult::rangesChecksummed).sum());
        m.put("ranges_compared_by_row", tables.stream().mapToLong(TableResult::rangesComparedByRow).sum());
        m.put("rows_moved", tables.stream().mapToLong(TableResult::rowsMoved).sum());
        List<Object> list = new ArrayList<>();
        for (TableResult r : tables) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("table", r.table().toString());
            t.put("mysql_rows", r.mysqlRows());
            t.put("pg_rows", r.pgRows());
            t.put("ranges", r.ranges());
            t.put("ranges_checksummed", r.rangesChecksummed());
            t.put("ranges_compared_by_row", r.rangesComparedByRow());
            t.put("rows_moved", r.rowsMoved());
            t.put("not_checksummed", r.notChecksummed());
            t.put("capped", r.capped());
            t.put("differences", r.differenceCount());
            List<Object> diffs = new ArrayList<>();
            for (Difference d : r.differences()) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("kind", d.kind().name().toLowerCase());
                dm.put("key", d.key());
                dm.put("column", d.column());
                dm.put("mysql", d.mysql());
                dm.put("pg", d.pg());
                diffs.add(dm);
            }
            t.put("listed", diffs);
            list.add(t);
        }
        m.put("tables", list);
        if (repairs != null) {
            List<Object> rl = new ArrayList<>();
            for (CompareRepair.Repaired r : repairs) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("table", r.table().name().toString());
                rm.put("how", r.how());
                rm.put("deleted", r.deleted());
                rm.put("inserted", r.inserted());
                rm.put("not_copied", r.discarded());
                rm.put("ms", r.millis());
                rm.put("error", r.error());
                rm.put("worker", r.worker());
                rl.add(rm);
            }
            m.put("repairs", rl);
            m.put("repaired", consistent());
        }
        return Json.compact(m);
    }

    private Duration heldFor() {
        return hold == null || hold.heldAt() == null || hold.resumedAt() == null ? null
                : Duration.between(hold.heldAt(), hold.resumedAt());
    }

    private static String millis(Duration d) {
        return d == null ? "unknown" : d.toMillis() + " ms";
    }
}
