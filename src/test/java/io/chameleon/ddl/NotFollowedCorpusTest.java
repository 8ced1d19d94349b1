package io.chameleon.ddl;

import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements outside what DDL replay follows (views, grants, users, triggers, routines, events,
 * DML, temporary tables, types the grammar or the type map lack, statements on tables the replica
 * does not track, text no grammar parses): with either grammar each comes back skipped with a
 * reason, the tracked tables unchanged, and nothing thrown.
 */
public class NotFollowedCorpusTest {
    private static final String TABLE = "CREATE TABLE t (id int PRIMARY KEY, name varchar(10))";

    @TestFactory
    Stream<DynamicTest> everyStatementIsSkippedWithAReason() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String server : List.of("11.4.5-MariaDB-log", "8.0.36")) {
            DdlCase base = DdlCase.load(DdlCase.ROOT.resolve("create-table-basic"));
            DdlCase c = new DdlCase("corpus", base.dir(), base.config(), ServerInfo.parse(server), List.of(), List.of(TABLE),
                    List.of());
            TrackedTables tracked = c.runBefore().tables();
            DdlTranslator translator = c.translator();
            for (String sql : corpus()) {
                tests.add(DynamicTest.dynamicTest(server + ": " + sql.lines().findFirst().orElse(""), () -> {
                    DdlOutcome o = translator.translate(sql, DdlCase.DEFAULT_DATABASE, tracked);
                    assertThat(o.skipped()).as("skipped: " + sql).isTrue();
                    assertThat(o.skipReason()).isNotBlank().doesNotContain("could not be translated");
                    assertThat(o.statements()).isEmpty();
                    if (o.stopsReplicating().isEmpty()) {
                        assertThat(o.tables()).isEqualTo(tracked);
                    } else {
                        // a change to a tracked table that cannot be followed: that table is no longer tracked
                        assertThat(o.tables().tables()).doesNotContainKeys(o.stopsReplicating().toArray(new TableName[0]));
                        assertThat(o.warnings()).anyMatch(w -> w.contains("sync_tables"));
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** The corpus, one statement each. */
    public static List<String> corpus() {
        String text = DdlCase.read(Path.of(DdlCase.ROOT.getParent().toString(), "ddl-corpus", "not-followed.sql"));
        List<String> statements = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.equals("--")) {
                statements.add(cur.toString().strip());
                cur.setLength(0);
            } else if (!line.startsWith("-- ")) {
                cur.append(line).append('\n');
            }
        }
        return statements;
    }
}
