package io.chameleon.copy;

import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressReporterTest {
    @Test
    void formatsEta() {
        assertThat(ProgressReporter.eta(1000, 0)).isEqualTo("0s");
        assertThat(ProgressReporter.eta(0, 10)).isEqualTo("?");
        assertThat(ProgressReporter.eta(100, 9000)).isEqualTo("1m30s");
        assertThat(ProgressReporter.eta(1, 7200)).isEqualTo("2h00m");
    }

    @Test
    void terminalShowsRunningTablesAndTheTotal() {
        CopyProgress progress = new CopyProgress();
        TablePlan orders = plan("orders", 1_000_000);
        TablePlan done = plan("small", 10);
        progress.register(orders, 4);
        progress.register(done, 1);
        progress.started(orders);
        progress.add(orders, 250_000, 50L << 20);
        progress.started(done);
        progress.add(done, 10, 100);
        progress.chunkDone(done);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressReporter r = new ProgressReporter(progress, new PrintStream(out, true, StandardCharsets.UTF_8));
        r.report();
        String screen = out.toString(StandardCharsets.UTF_8);
        assertThat(screen).contains("shop.orders").contains("250,000 rows").contains("50.0 MiB").contains("ETA")
                .doesNotContain("shop.small")
                .contains("total: 1/2 tables, 250,010 rows");
        r.report();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\033[2F");
    }

    private static TablePlan plan(String table, long rows) {
        TableDef def = new TableDef(new TableName("shop", table), "InnoDB", List.of(), List.of(), rows, 100, rows * 100);
        return new TablePlan(def, "shop", "_shop_tmp", List.of(), List.of(), Optional.empty(), null, null);
    }
}
