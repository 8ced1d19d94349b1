package io.chameleon.cli;

import io.chameleon.format.TextTable;
import io.chameleon.format.Json;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ColumnAdjustment;
import io.chameleon.catalog.MaintenanceSchedule;
import io.chameleon.catalog.ReplayWindow;
import io.chameleon.catalog.SchemaMapping;
import io.chameleon.catalog.SourceDetail;
import io.chameleon.catalog.SourceSummary;
import io.chameleon.catalog.StatusReport;
import io.chameleon.catalog.TableNotReplicated;
import picocli.CommandLine.Command;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "show_status", description = "The sources and their replica state; with --source, its tables and counters.")
final class ShowStatusCommand extends ChameleonCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Override
    ExitCode execute() throws Exception {
        try (Connection c = openCatalogConnection()) {
            Catalog catalog = Catalog.open(c);
            StatusReport report = catalog.status();
            if (opts.source != null) {
                SourceDetail d = report.source(source().name());
                int id = d.summary().id();
                MaintenanceSchedule maintenance = catalog.maintenance().schedule(id, source().autoMaintenance());
                List<ReplayWindow> replay = catalog.history().windows(id);
                List<ColumnAdjustment> adjusted = catalog.adjustments().list(id);
                io.out().print(opts.json ? Json.compact(detailJson(d, maintenance, replay, adjusted)) + "\n"
                        : detailText(d, maintenance, replay, adjusted));
            } else {
                List<SourceSummary> all = report.sources();
                io.out().print(opts.json ? Json.compact(all.stream().map(ShowStatusCommand::summaryJson).toList()) + "\n"
                        : summaryText(all));
            }
        }
        return ExitCode.OK;
    }

    private static String summaryText(List<SourceSummary> sources) {
        TextTable t = TextTable.withHeader("Source id", "Source name", "Type", "Status", "Consistent", "Read lag", "Last read",
                "Replay lag", "Last replay");
        for (SourceSummary s : sources) {
            t.row(s.id(), s.name(), s.type().name().toLowerCase(), s.status().label(), s.consistent() ? "Yes" : "No",
                    lag(s.readLag()), time(s.lastRead()), lag(s.replayLag()), time(s.lastReplay()));
        }
        return t.render();
    }

    private static String detailText(SourceDetail d, MaintenanceSchedule maintenance, List<ReplayWindow> replay,
            List<ColumnAdjustment> adjusted) {
        StringBuilder b = new StringBuilder(summaryText(List.of(d.summary()))).append('\n');
        TextTable mappings = TextTable.withHeader("MySQL schema", "PostgreSQL schema");
        for (SchemaMapping m : d.mappings()) {
            mappings.row(m.mysqlSchema(), m.pgSchema());
        }
        b.append("Schema mappings\n").append(mappings.render()).append('\n');
        TextTable status = TextTable.withHeader("Tables replicated", "Tables not replicated", "All tables", "Tables copied",
                "Rows copied", "Discarded rows", "Replayed rows", "Replayed DDL", "Skipped rows", "Adjusted values",
                "Last maintenance", "Next maintenance");
        status.row(d.tablesReplicated(), d.tablesNotReplicated(), d.tablesAll(), d.tablesCopied(), d.rowsCopied(),
                d.discardedRows(), d.replayedRows(), d.replayedDdl(), d.skippedRows(), total(adjusted),
                time(maintenance.last()),
                nextMaintenance(maintenance));
        b.append("Replica status\n").append(status.render());
        b.append("Applied position: ").append(d.applied() == null ? "-" : d.applied())
                .append("    High watermark: ").append(d.highWatermark() == null ? "-" : d.highWatermark()).append('\n');
        if (d.processPid() != null) {
            b.append("Process: pid ").append(d.processPid()).append(" on ").append(d.processHost()).append('\n');
        }
        TextTable history = TextTable.withHeader("Replay", "Batches", "Transactions", "Row changes", "Skipped rows", "DDL",
                "Discarded rows", "Errors", "Adjusted values", "Avg replay lag", "Max replay lag");
        for (ReplayWindow w : replay) {
            history.row(w.period(), w.batches(), w.transactions(), w.rowChanges(), w.skippedRowChanges(), w.ddl(),
                    w.discardedRows(), w.errors(), w.adjustedValues(), seconds(w.averageReplayLag()), seconds(w.maxReplayLag()));
        }
        b.append('\n').append(history.render());
        if (!d.notReplicated().isEmpty()) {
            TextTable not = TextTable.withHeader("Table not replicated", "PostgreSQL table", "Reason");
            for (TableNotReplicated t : d.notReplicated()) {
                not.row(t.mysqlName(), t.pgSchema() + "." + t.pgTable(), t.reason());
            }
            b.append('\n').append(not.render());
        }
        if (!adjusted.isEmpty()) {
            TextTable columns = TextTable.withHeader("Adjusted column", "Kind", "Values", "First at");
            for (ColumnAdjustment a : adjusted) {
                columns.row(a.table() + "." + a.column(), a.kind(), a.values(), a.first());
            }
            b.append('\n').append("Values replay adjusted under zero_dates and nul_chars\n").append(columns.render());
        }
        return b.toString();
    }

    private static Map<String, Object> summaryJson(SourceSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_id", s.id());
        m.put("source_name", s.name());
        m.put("type", s.type().name().toLowerCase());
        m.put("status", s.status().label());
        m.put("consistent", s.consistent());
        m.put("read_lag_seconds", s.readLag());
        m.put("last_read", s.lastRead());
        m.put("replay_lag_seconds", s.replayLag());
        m.put("last_replay", s.lastReplay());
        return m;
    }

    private static Map<String, Object> detailJson(SourceDetail d, MaintenanceSchedule maintenance,
            List<ReplayWindow> replay, List<ColumnAdjustment> adjusted) {
        Map<String, Object> m = summaryJson(d.summary());
        m.put("schema_mappings", d.mappings().stream().map(x -> Map.of("mysql", x.mysqlSchema(), "pg", x.pgSchema())).toList());
        m.put("tables_replicated", d.tablesReplicated());
        m.put("tables_not_replicated", d.tablesNotReplicated());
        m.put("tables_all", d.tablesAll());
        m.put("tables_copied", d.tablesCopied());
        m.put("rows_copied", d.rowsCopied());
        m.put("bytes_copied", d.bytesCopied());
        m.put("discarded_rows", d.discardedRows());
        m.put("replayed_rows", d.replayedRows());
        m.put("replayed_ddl", d.replayedDdl());
        m.put("skipped_rows", d.skippedRows());
        m.put("adjusted_values", total(adjusted));
        m.put("last_maintenance", maintenance.last());
        m.put("next_maintenance", maintenance.next());
        Map<String, Object> windows = new LinkedHashMap<>();
        for (ReplayWindow w : replay) {
            Map<String, Object> counters = new LinkedHashMap<>();
            counters.put("batches", w.batches());
            counters.put("transactions", w.transactions());
            counters.put("row_changes", w.rowChanges());
            counters.put("skipped_rows", w.skippedRowChanges());
            counters.put("ddl", w.ddl());
            counters.put("discarded_rows", w.discardedRows());
            counters.put("errors", w.errors());
            counters.put("adjusted_values", w.adjustedValues());
            counters.put("avg_replay_lag_seconds", w.averageReplayLag());
            counters.put("max_replay_lag_seconds", w.maxReplayLag());
            windows.put(w.period().replace(' ', '_'), counters);
        }
        m.put("replay", windows);
        m.put("applied_position", d.applied() == null ? null : d.applied().toString());
        m.put("high_watermark", d.highWatermark() == null ? null : d.highWatermark().toString());
        m.put("not_replicated", d.notReplicated().stream().map(t -> Map.of("table", t.mysqlName().toString(),
                "reason", t.reason())).toList());
        m.put("adjusted", adjusted.stream().map(a -> {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("table", a.table().toString());
            column.put("column", a.column());
            column.put("kind", a.kind());
            column.put("values", a.values());
            column.put("first_at", a.first().toString());
            return column;
        }).toList());
        return m;
    }

    private static long total(List<ColumnAdjustment> adjusted) {
        return adjusted.stream().mapToLong(ColumnAdjustment::values).sum();
    }

    private static String lag(Duration d) {
        return d == null ? "N/A" : d.getSeconds() + "s";
    }

    static String time(Instant i) {
        return i == null ? "N/A" : TIME.format(i);
    }

    /** Seconds to the millisecond, for lags that are mostly under one. */
    static String seconds(Duration d) {
        return d == null ? "N/A" : String.format(Locale.ROOT, "%.3fs", d.toMillis() / 1000.0);
    }

    /** pg_chameleon's next maintenance: disabled, due (the replica runs it at once), or when. */
    static String nextMaintenance(MaintenanceSchedule s) {
        return s.next() == null ? "disabled" : s.due() ? "due" : time(s.next());
    }
}
