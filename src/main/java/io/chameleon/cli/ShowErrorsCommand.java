package io.chameleon.cli;

import io.chameleon.format.TextTable;
import io.chameleon.format.Json;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ErrorDetail;
import io.chameleon.catalog.ErrorSummary;
import io.chameleon.catalog.StatusReport;
import picocli.CommandLine.Command;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "show_errors", description = "The errors the replica logged; with --logid, one entry with its SQL and message.")
final class ShowErrorsCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        try (Connection c = openCatalogConnection()) {
            StatusReport report = Catalog.open(c).status();
            if (opts.logid != null) {
                ErrorDetail d = report.error(opts.logid);
                if (opts.json) {
                    Map<String, Object> m = json(d.summary());
                    m.put("sql", d.sql());
                    m.put("message", d.message());
                    m.put("binlog_position", d.position() == null ? null : d.position().toString());
                    io.out().println(Json.compact(m));
                } else {
                    io.out().print(table(List.of(d.summary())));
                    io.out().println("\nSQL executed:\n" + (d.sql() == null ? "-" : d.sql()));
                    io.out().println("\nError message:\n" + d.message());
                    if (d.position() != null) {
                        io.out().println("\nBinlog position: " + d.position());
                    }
                }
            } else {
                List<ErrorSummary> all = report.errors();
                io.out().print(opts.json ? Json.compact(all.stream().map(ShowErrorsCommand::json).toList()) + "\n"
                        : all.isEmpty() ? "no errors logged\n" : table(all));
            }
        }
        return ExitCode.OK;
    }

    private static String table(List<ErrorSummary> errors) {
        TextTable t = TextTable.withHeader("Log id", "Source name", "ID Batch", "Table", "Schema", "Error timestamp");
        for (ErrorSummary e : errors) {
            t.row(e.logId(), e.sourceName(), e.batchId(), e.table(), e.schema(), e.errorAt());
        }
        return t.render();
    }

    private static Map<String, Object> json(ErrorSummary e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("log_id", e.logId());
        m.put("source_name", e.sourceName());
        m.put("batch_id", e.batchId());
        m.put("table", e.table());
        m.put("schema", e.schema());
        m.put("error_timestamp", e.errorAt());
        return m;
    }
}
