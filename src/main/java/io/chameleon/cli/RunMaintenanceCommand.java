package io.chameleon.cli;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.MaintenanceSchedule;
import io.chameleon.config.SourceConfig;
import io.chameleon.format.Json;
import io.chameleon.format.TextTable;
import io.chameleon.replica.MaintenanceRefused;
import io.chameleon.replica.MaintenanceReport;
import io.chameleon.replica.MaintenanceRun;
import io.chameleon.replica.TableMaintenance;
import picocli.CommandLine.Command;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.chameleon.format.Quantities.bytes;
import static io.chameleon.format.Quantities.count;

@Command(name = "run_maintenance", description = "VACUUM and ANALYZE the source's replicated tables and the catalogue;"
        + " --full for VACUUM FULL.")
final class RunMaintenanceCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        SourceConfig source = source();
        if (opts.full) {
            io.err().println("chameleon: warning: VACUUM FULL rewrites each table under an exclusive lock: queries on"
                    + " the table and the running replica of source " + source.name() + " wait until its rewrite ends");
        }
        MaintenanceReport report;
        try {
            report = new MaintenanceRun(pg(), source, opts.full).run();
        } catch (MaintenanceRefused e) {
            throw new CommandFailure(ExitCode.REFUSED, e.getMessage());
        }
        MaintenanceSchedule schedule;
        try (Connection c = openCatalogConnection()) {
            Catalog catalog = Catalog.open(c);
            schedule = catalog.maintenance().schedule(catalog.sources().id(source.name()), source.autoMaintenance());
        }
        io.out().print(opts.json ? Json.compact(json(report, schedule)) + "\n" : text(report, schedule));
        if (report.leftOut() > 0) {
            throw new CommandFailure(ExitCode.FAILED, report.leftOut() + " tables of source " + source.name()
                    + " were not vacuumed, or PostgreSQL warned about them: see the note of each above");
        }
        return ExitCode.OK;
    }

    private static String text(MaintenanceReport r, MaintenanceSchedule schedule) {
        TextTable t = TextTable.withHeader("Table", "Dead rows", "Size before", "Size after", "Time", "Note");
        for (TableMaintenance m : r.tables()) {
            t.row(m.table(), m.deadRowsBefore() == null ? "-" : count(m.deadRowsBefore()), size(m.bytesBefore()),
                    size(m.bytesAfter()), ShowStatusCommand.seconds(m.took()), m.note());
        }
        return "run_maintenance of source " + r.source() + ": " + r.command() + " of each table\n" + t.render()
                + "deleted " + r.prunedHistoryRows() + " minutes of replay history older than batch_retention ("
                + r.batchRetention() + ")\n"
                + "maintenance of source " + r.source() + " done in " + ShowStatusCommand.seconds(r.took()) + ": " + r.vacuumed()
                + " tables vacuumed" + (r.leftOut() == 0 ? "" : ", " + r.leftOut() + " not") + "; next automatic"
                + " maintenance: " + ShowStatusCommand.nextMaintenance(schedule) + "\n";
    }

    private static String size(Long b) {
        return b == null ? "-" : bytes(b);
    }

    private static Map<String, Object> json(MaintenanceReport r, MaintenanceSchedule schedule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source());
        m.put("command", r.command());
        m.put("seconds", r.took());
        m.put("tables", r.tables().stream().map(t -> {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("table", t.table());
            table.put("vacuumed", t.vacuumed());
            table.put("dead_rows_before", t.deadRowsBefore());
            table.put("bytes_before", t.bytesBefore());
            table.put("bytes_after", t.bytesAfter());
            table.put("seconds", t.took());
            table.put("note", t.note());
            return table;
        }).toList());
        m.put("pruned_history_rows", r.prunedHistoryRows());
        m.put("last_maintenance", schedule.last());
        m.put("next_maintenance", schedule.next());
        return m;
    }
}
