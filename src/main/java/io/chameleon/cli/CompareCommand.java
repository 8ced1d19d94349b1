package io.chameleon.cli;

import io.chameleon.alert.Alert;
import io.chameleon.alert.Alerts;
import io.chameleon.compare.CompareRefused;
import io.chameleon.compare.CompareReport;
import io.chameleon.compare.CompareRun;
import io.chameleon.config.SourceConfig;
import picocli.CommandLine.Command;

@Command(name = "compare", description = "Compare every replicated table (or --tables) between MySQL and PostgreSQL"
        + " at one binlog point, the running replica held there for milliseconds; exit 0 when equal, 1 when different."
        + " --repair copies what differs again from the same MySQL snapshot (exit 0 once repaired).")
final class CompareCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        SourceConfig source = source();
        if (opts.repairMaxRows != null && !opts.repair) {
            throw new CommandFailure(ExitCode.USAGE, "--repair-max-rows goes with --repair: add --repair, or leave it out");
        }
        CompareReport report;
        try {
            report = new CompareRun(config(), source).run(opts.tableNames(),
                    System.console() != null && !opts.json ? io.err() : null, opts.repair,
                    opts.repairMaxRows == null ? Long.MAX_VALUE : opts.repairMaxRows);
        } catch (CompareRefused e) {
            throw new CommandFailure(ExitCode.REFUSED, e.getMessage());
        }
        io.out().print(opts.json ? report.json() + "\n" : report.text());
        if (!report.equal()) {
            Alerts.send(Alert.warning(source.name(), "compare of source " + source.name() + " found "
                    + report.differenceCount() + " differences at " + report.point() + (opts.repair ? (report.consistent()
                    ? ", all repaired" : ", not all repaired") : ""), report.text()));
        }
        // with --repair: 0 once every difference is repaired
        return (opts.repair ? report.consistent() : report.equal()) ? ExitCode.OK : ExitCode.DIFFERENT;
    }
}
