package io.chameleon.mysql;

import io.chameleon.mysql.CheckResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightBinlogChecksTest {
    private static final ServerInfo MYSQL_8 = ServerInfo.parse("8.0.36");
    private static final ServerInfo MARIADB_11 = ServerInfo.parse("11.4.5-MariaDB-log");
    private static final String WHERE = "db1.example.com:3306";

    /** A correctly configured MySQL 8 with the given variables changed. */
    private static List<CheckResult> mysql8(String... overrides) {
        Map<String, String> v = new HashMap<>(Map.of("log_bin", "ON", "binlog_format", "ROW", "binlog_row_image", "FULL",
                "server_id", "1", "binlog_row_value_options", "", "binlog_row_metadata", "FULL"));
        for (int i = 0; i < overrides.length; i += 2) {
            v.put(overrides[i], overrides[i + 1]);
        }
        return PreflightBinlogChecks.evaluate(MYSQL_8, new PreflightServerSettings(v), WHERE, "example", 100, false);
    }

    private static CheckResult named(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aGoodServerPassesEveryCheck() {
        assertThat(mysql8()).extracting(CheckResult::name).containsExactly("log_bin", "binlog_format",
                "binlog_row_image", "server_id", "binlog_row_value_options", "binlog_row_metadata");
        assertThat(mysql8()).allMatch(r -> r.status() == Status.OK);
        assertThat(named(mysql8(), "server_id").found()).isEqualTo("1 (the replica connects as 100)");
    }

    @Test
    void binaryLogOffNeedsARestart() {
        CheckResult r = named(mysql8("log_bin", "OFF"), "log_bin");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.fix()).startsWith("on db1.example.com:3306: put 'log_bin = mysql-bin' under [mysqld] in my.cnf")
                .contains("restart").contains("no SET GLOBAL");
    }

    @ParameterizedTest
    @CsvSource({"binlog_format, STATEMENT, ROW", "binlog_format, MIXED, ROW", "binlog_row_image, MINIMAL, FULL",
        "binlog_row_image, NOBLOB, FULL"})
    void rowFormatAndFullImageAreRequired(String name, String actual, String required) {
        CheckResult r = named(mysql8(name, actual), name);
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.found()).startsWith(actual + ", must be " + required);
        assertThat(r.fix()).startsWith("on db1.example.com:3306: put '" + name + " = " + required
                + "' under [mysqld] in my.cnf and run SET GLOBAL " + name + " = '" + required
                + "'; to apply it without a restart").contains("reconnect");
    }

    @Test
    void serverIdZeroIsRefused() {
        CheckResult r = named(mysql8("server_id", "0"), "server_id");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.fix()).contains("put 'server_id = 1' under [mysqld]").contains("SET GLOBAL server_id = 1;");
    }

    @Test
    void serverIdEqualToMyServerIdFails() {
        CheckResult r = named(mysql8("server_id", "100"), "server_id");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.found()).isEqualTo("100, the same as my_server_id of source 'example': the server would take"
                + " the replica for itself");
        assertThat(r.fix()).contains("set my_server_id of source 'example'").contains(WHERE);
    }

    @Test
    void partialJsonIsAcceptedNow() {
        CheckResult r = named(mysql8("binlog_row_value_options", "PARTIAL_JSON"), "binlog_row_value_options");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.found()).isEqualTo("PARTIAL_JSON (JSON updates arrive as diffs, applied to the before image)");
    }

    @Test
    void compressedTransactionsAreRead() {
        assertThat(named(mysql8("binlog_transaction_compression", "OFF"), "binlog_transaction_compression").status())
                .isEqualTo(Status.OK);
        CheckResult r = named(mysql8("binlog_transaction_compression", "ON"), "binlog_transaction_compression");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.found()).contains("TRANSACTION_PAYLOAD").contains("unpacks");
        assertThat(mysql8()).extracting(CheckResult::name).doesNotContain("binlog_transaction_compression");
    }

    @Test
    void minimalRowMetadataIsOnlyAWarning() {
        CheckResult r = named(mysql8("binlog_row_metadata", "MINIMAL"), "binlog_row_metadata");
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.fix()).contains("SET GLOBAL binlog_row_metadata = 'FULL';");
    }

    @Test
    void mariadbHasNoRowValueOptionsAndOlderServersNoMetadata() {
        Map<String, String> v = Map.of("log_bin", "ON", "binlog_format", "ROW", "binlog_row_image", "FULL", "server_id", "1");
        List<CheckResult> r = PreflightBinlogChecks.evaluate(MARIADB_11, new PreflightServerSettings(v), WHERE, "s", 2,
                false);
        assertThat(r).extracting(CheckResult::name).doesNotContain("binlog_row_value_options");
        assertThat(named(r, "binlog_row_metadata").status()).isEqualTo(Status.OK);
        assertThat(named(r, "binlog_row_metadata").found()).startsWith("not available");
    }

    @Test
    void gtidEnableNeedsGtidModeOnMysqlOnly() {
        Map<String, String> v = Map.of("log_bin", "ON", "binlog_format", "ROW", "binlog_row_image", "FULL",
                "server_id", "1", "gtid_mode", "OFF");
        PreflightServerSettings vars = new PreflightServerSettings(v);
        CheckResult mysql = named(PreflightBinlogChecks.evaluate(MYSQL_8, vars, WHERE, "s", 2, true), "gtid_mode");
        assertThat(mysql.status()).isEqualTo(Status.FAILED);
        assertThat(mysql.fix()).contains("gtid_enable: No for source 's'");
        CheckResult mariadb = named(PreflightBinlogChecks.evaluate(MARIADB_11, vars, WHERE, "s", 2, true), "gtid_mode");
        assertThat(mariadb.status()).isEqualTo(Status.OK);
    }
}
