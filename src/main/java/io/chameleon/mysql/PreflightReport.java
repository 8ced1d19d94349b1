package io.chameleon.mysql;

import io.chameleon.mysql.CheckResult.Status;

import java.util.List;

/**
 * Every check run for one source, in the order they ran, and the verdict drawn from them.
 *
 * @param sourceName the source the checks were run for
 */
public record PreflightReport(String sourceName, List<CheckResult> results) {

    /** What the command tells the user and its exit code: only {@link #FAILED} stops init_replica. */
    public enum Verdict { PASSED, PASSED_WITH_WARNINGS, FAILED }

    public PreflightReport {
        results = List.copyOf(results);
    }

    public Verdict verdict() {
        if (count(Status.FAILED) > 0) {
            return Verdict.FAILED;
        }
        return count(Status.WARNING) > 0 ? Verdict.PASSED_WITH_WARNINGS : Verdict.PASSED;
    }

    /** True when nothing failed (warnings allowed): the replica can be initialised. */
    public boolean passed() {
        return verdict() != Verdict.FAILED;
    }

    public long count(Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
