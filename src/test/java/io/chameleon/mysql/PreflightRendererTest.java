package io.chameleon.mysql;

import io.chameleon.mysql.PreflightReport.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightRendererTest {

    @Test
    void oneLinePerCheckThenFixesThenVerdict() {
        PreflightReport report = new PreflightReport("example", List.of(
                CheckResult.ok("log_bin", "ON"),
                CheckResult.failed("binlog_format", "STATEMENT, must be ROW", "on h:3306: fix it"),
                CheckResult.warning("grant RELOAD", "not granted", "on h:3306: GRANT RELOAD ON *.* TO 'u'@'%';")));
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.passed()).isFalse();
        assertThat(PreflightRenderer.render(report)).isEqualTo("""
                Preflight checks for source 'example'

                  ok      log_bin        ON
                  FAILED  binlog_format  STATEMENT, must be ROW
                  WARNING grant RELOAD   not granted

                To fix:
                  - binlog_format: on h:3306: fix it
                  - grant RELOAD: on h:3306: GRANT RELOAD ON *.* TO 'u'@'%';

                Verdict: FAILED, 1 of 3 checks failed and 1 warning raised: fix them before init_replica
                """);
    }

    @Test
    void verdicts() {
        PreflightReport ok = new PreflightReport("s", List.of(CheckResult.ok("a", "x"), CheckResult.ok("b", "y")));
        assertThat(ok.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(PreflightRenderer.verdict(ok)).isEqualTo("Verdict: PASSED, all 2 checks ok");
        PreflightReport warned = new PreflightReport("s", List.of(CheckResult.warning("a", "x", "f")));
        assertThat(warned.passed()).isTrue();
        assertThat(PreflightRenderer.verdict(warned))
                .isEqualTo("Verdict: PASSED with 1 warning: the replica can be initialised");
    }
}
