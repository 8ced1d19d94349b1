package io.chameleon.mysql;

import io.chameleon.mysql.CheckResult.Status;

import java.util.List;

/**
 * The report for a terminal: one line per check (status, name, what was found), then the fix of
 * every check that is not ok, then the verdict.
 */
public final class PreflightRenderer {
    private PreflightRenderer() {}

    public static String render(PreflightReport report) {
        List<CheckResult> results = report.results();
        int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(0);
        StringBuilder b = new StringBuilder("Preflight checks for source '").append(report.sourceName()).append("'\n\n");
        for (CheckResult r : results) {
            b.append(String.format("  %-7s %-" + width + "s  %s%n", label(r.status()), r.name(), r.found()));
        }
        List<CheckResult> toFix = results.stream().filter(r -> r.status() != Status.OK && !r.fix().isEmpty()).toList();
        if (!toFix.isEmpty()) {
            b.append("\nTo fix:\n");
            for (CheckResult r : toFix) {
                b.append("  - ").append(r.name()).append(": ").append(r.fix()).append('\n');
            }
        }
        return b.append('\n').append(verdict(report)).append('\n').toString();
    }

    static String verdict(PreflightReport report) {
        long failed = report.count(Status.FAILED);
        long warnings = report.count(Status.WARNING);
        int total = report.results().size();
        return switch (report.verdict()) {
            case PASSED -> "Verdict: PASSED, all " + total + " checks ok";
            case PASSED_WITH_WARNINGS -> "Verdict: PASSED with " + plural(warnings, "warning")
                    + ": the replica can be initialised";
            case FAILED -> "Verdict: FAILED, " + failed + " of " + total + " checks failed"
                    + (warnings > 0 ? " and " + plural(warnings, "warning") + " raised" : "")
                    + ": fix them before init_replica";
        };
    }

    private static String label(Status s) {
        return switch (s) {
            case OK -> "ok";
            case WARNING -> "WARNING";
            case FAILED -> "FAILED";
        };
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
