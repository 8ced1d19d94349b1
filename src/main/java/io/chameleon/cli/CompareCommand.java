package io.chameleon.cli;

import io.chameleon.compare.CompareRefused;
import io.chameleon.compare.CompareReport;
import io.chameleon.compare.CompareRun;
import io.chameleon.config.SourceConfig;
import io.chameleon.schema.TableName;
import picocli.CommandLine.Command;

import java.util.Set;
import java.util.TreeSet;

@Command(name = "compare", description = "Compare every replicated table (or --tables) between MySQL and PostgreSQL"
        + " at one binlog point, the running replica held there for milliseconds; exit 0 when equal, 1 when different."
        + " --repair copies what differs again from the same MySQL snapshot (exit 0 once repaired).")
final class CompareCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        SourceConfig source = source();
        CompareReport report;
        try {
            report = new CompareRun(config(), source).run(tables(),
                    System.console() != null && !opts.json ? io.err() : null, opts.repair);
        } catch (CompareRefused e) {
            throw new CommandFailure(ExitCode.REFUSED, e.getMessage());
        }
        io.out().print(opts.json ? report.json() + "\n" : report.text());
        // with --repair: 0 once every difference is repaired
        return (opts.repair ? report.consistent() : report.equal()) ? ExitCode.OK : ExitCode.DIFFERENT;
    }

    private Set<TableName> tables() {
        Set<TableName> tables = new TreeSet<>();
        if (opts.tables == null || opts.tables.isBlank()) {
            return tables;
        }
        for (String name : opts.tables.split(",")) {
            String n = name.strip();
            int dot = n.indexOf('.');
            if (dot <= 0 || dot == n.length() - 1) {
                throw new CommandFailure(ExitCode.USAGE, "--tables: '" + n + "' is not schema.table (the MySQL names)");
            }
            tables.add(new TableName(n.substring(0, dot), n.substring(dot + 1)));
        }
        return tables;
    }
}
