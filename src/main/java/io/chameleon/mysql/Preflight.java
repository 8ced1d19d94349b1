package io.chameleon.mysql;

import io.chameleon.config.PgConn;
import io.chameleon.config.SourceConfig;
import io.chameleon.pg.TargetPreflight;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code chameleon check} and the first step of init_replica: verifies, before any work, that
 * the source's binary log, the replica account's grants, the mapped schemas and the target
 * PostgreSQL are what the replica needs. Never throws for a server problem: every problem is a
 * failed check with its fix.
 *
 * <pre>{@code
 * PreflightReport report = Preflight.run(config.source(name), config.pgConn());
 * System.out.print(PreflightRenderer.render(report));
 * if (!report.passed()) { exit non-zero }
 * }</pre>
 */
public final class Preflight {
    private Preflight() {}

    public static PreflightReport run(SourceConfig source, PgConn target) {
        List<CheckResult> results = new ArrayList<>();
        if (source.type() == SourceConfig.SourceType.MYSQL) {
            results.addAll(PreflightSource.check(source));
        } else {
            results.addAll(io.chameleon.pgsource.SourcePreflight.check(source));
        }
        results.addAll(TargetPreflight.check(target));
        return new PreflightReport(source.name(), results);
    }
}
