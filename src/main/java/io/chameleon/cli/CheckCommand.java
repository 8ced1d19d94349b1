package io.chameleon.cli;

import io.chameleon.format.Json;
import io.chameleon.mysql.CheckResult;
import io.chameleon.mysql.Preflight;
import io.chameleon.mysql.PreflightRenderer;
import io.chameleon.mysql.PreflightReport;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "check", description = "Check the source and the target are ready for the replica; print the fix of every problem.")
final class CheckCommand extends ChameleonCommand {
    @Override
    ExitCode execute() {
        PreflightReport servers = Preflight.run(source(), config().pgConn());
        List<CheckResult> results = new ArrayList<>(servers.results());
        results.add(0, ConfigFilePermissions.check(config()));
        PreflightReport report = new PreflightReport(servers.sourceName(), results);
        if (opts.json) {
            io.out().println(Json.compact(Map.of("source", report.sourceName(), "verdict", report.verdict(),
                    "checks", report.results().stream().map(r -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("name", r.name());
                        m.put("status", r.status());
                        m.put("found", r.found());
                        m.put("fix", r.fix());
                        return m;
                    }).toList())));
        } else {
            io.out().print(PreflightRenderer.render(report));
        }
        return report.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
