package io.chameleon.apply;

import io.chameleon.binlog.RowChange;
import io.chameleon.binlog.RowChange.Kind;
import io.chameleon.binlog.SourceTransaction;
import io.chameleon.catalog.CatalogMigrations;
import io.chameleon.config.SourceConfig.NulCharPolicy;
import io.chameleon.config.SourceConfig.OnError;
import io.chameleon.config.SourceConfig.ZeroDatePolicy;
import io.chameleon.config.TypeOverride;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableName;
import io.chameleon.testing.TestServers;
import io.chameleon.types.ColumnConverter;
import io.chameleon.types.ColumnConverters;
import io.chameleon.types.TypeMapper;
import io.chameleon.types.ValuePolicies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The applier against a real PostgreSQL: each test gets a fresh database with the catalogue, one
 * source and two target tables (one with a composite key in a different order than its columns).
 */
class BatchApplierIT {
    static final TableName ACCOUNTS = new TableName("shop", "accounts");
    static final TableName LINES = new TableName("shop", "lines");
    static final TableName NOKEY = new TableName("shop", "nokey");

    String database;
    Connection pg;
    int sourceId;
    BatchApplier applier;
    Map<TableName, ApplyTarget> targets;

    @BeforeEach
    void createCatalogueSourceAndTables() throws SQLException {
        database = TestServers.createPgDatabase("apply");
        pg = TestServers.pgConnection(database);
        new CatalogMigrations(pg).create();
        pg.setAutoCommit(true);
        sourceId = Integer.parseInt(query("INSERT INTO sch_chameleon.sources (source_name, source_type)"
                + " VALUES ('mysql', 'mysql') RETURNING source_id").get(0));
        exec("CREATE SCHEMA dst",
                "CREATE TABLE dst.accounts (id integer PRIMARY KEY, owner varchar(40), balance numeric(12,2) NOT NULL)",
                "CREATE TABLE dst.lines (order_id integer, line integer, qty integer NOT NULL, PRIMARY KEY (line, order_id))",
                "INSERT INTO dst.accounts VALUES (1, 'ann', 10.00), (2, 'bob', 20.00), (3, 'cy', 30.00)");
        targets = BatchApplier.byName(List.of(
                target(ACCOUNTS, "accounts", new int[] {0}, col("id", "int", "int(11)", false),
                        col("owner", "varchar", "varchar(40)", true), col("balance", "decimal", "decimal(12,2)", false)),
                target(LINES, "lines", new int[] {1, 0}, col("order_id", "int", "int(11)", false),
                        col("line", "int", "int(11)", false), col("qty", "int", "int(11)", true)),
                target(NOKEY, "nokey", new int[0], col("v", "int", "int(11)", true))));
        applier = new BatchApplier(pg, sourceId, targets);
    }

    @AfterEach
    void close() throws SQLException {
        pg.close();
    }

    @Test
    void batchLandsAsItsFinalStateWithItsPosition() throws Exception {
        ApplyResult result = applier.apply(List.of(
                tx(1000, 100, ins(ACCOUNTS, "4", "dee", "40.00"), upd(ACCOUNTS, row("1", "ann", "10.00"), row("1", "ann", "15.50")),
                        ins(LINES, "7", "1", "3")),
                tx(2000, 200, upd(ACCOUNTS, row("2", "bob", "20.00"), row("20", "bob", "20.00")),
                        del(ACCOUNTS, "3", "cy", "30.00"), ins(ACCOUNTS, "3", "cy again", "0.00"),
                        upd(LINES, row("7", "1", "3"), row("7", "2", "3")), ins(NOKEY, "1")),
                tx(3000, 300, ins(ACCOUNTS, "5", null, "1.00"), del(ACCOUNTS, "5", null, "1.00"))));

        assertThat(query("SELECT id || ':' || coalesce(owner, 'NULL') || ':' || balance FROM dst.accounts ORDER BY id"))
                .containsExactly("1:ann:15.50", "3:cy again:0.00", "4:dee:40.00", "20:bob:20.00");
        assertThat(query("SELECT order_id || ':' || line || ':' || qty FROM dst.lines")).containsExactly("7:2:3");
        assertThat(query("SELECT applied_binlog_file || ':' || applied_binlog_position || ' ' || replayed_rows || ' '"
                + " || extract(epoch FROM replay_source_time)::bigint FROM sch_chameleon.sources"))
                .containsExactly("mysql-bin.000001:3000 9 300");
        assertThat(result.rowChanges()).isEqualTo(9);
        assertThat(result.skippedRowChanges()).containsEntry(NOKEY, 1L);
        // ann and cy (deleted and inserted again) were there and still are: written in place
        assertThat(result.rowsUpdated()).isEqualTo(2);
        assertThat(result.rowsInserted()).isEqualTo(3); // dee, bob's new key, the line's new key
        assertThat(result.keysDeleted()).isEqualTo(1); // bob's old key; the others were not there yet
        assertThat(result.applied()).isEqualTo(new BinlogPosition("mysql-bin.000001", 3000, null));
    }

    @Test
    void failingSecondTableRollsBackTheWholeBatchAndThePosition() throws Exception {
        applier.apply(List.of(tx(500, 50, ins(LINES, "1", "1", "1"))));
        List<String> accountsBefore = query("SELECT id || ':' || owner || ':' || balance FROM dst.accounts ORDER BY id");

        // accounts sorts first and applies; lines then fails on PostgreSQL's NOT NULL
        assertThatThrownBy(() -> applier.apply(List.of(
                tx(600, 60, upd(ACCOUNTS, row("1", "ann", "10.00"), row("1", "ann", "0.00")),
                        ins(ACCOUNTS, "9", "new", "9.00")),
                tx(700, 70, upd(LINES, row("1", "1", "1"), row("1", "1", null))))))
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("table shop.lines failed")
                .hasMessageContaining("mysql-bin.000001:700")
                .hasMessageContaining("qty")
                .hasMessageContaining("rolled back");

        assertThat(query("SELECT id || ':' || owner || ':' || balance FROM dst.accounts ORDER BY id")).isEqualTo(accountsBefore);
        assertThat(query("SELECT order_id || ':' || line || ':' || qty FROM dst.lines")).containsExactly("1:1:1");
        assertThat(query("SELECT applied_binlog_position || ' ' || replayed_rows FROM sch_chameleon.sources"))
                .containsExactly("500 1");

        // the connection is usable again once the batch is fixed
        applier.apply(List.of(tx(800, 80, upd(LINES, row("1", "1", "1"), row("1", "1", "2")))));
        assertThat(query("SELECT qty || ' ' || (SELECT applied_binlog_position FROM sch_chameleon.sources) FROM dst.lines"))
                .containsExactly("2 800");
    }

    @Test
    void valuesNeedingEscapesAndBatchesLargerThanOneCopyBufferArriveExactly() throws Exception {
        String tricky = "tab\there\nnew line \\ back 😀 ñ";
        List<RowChange> changes = new ArrayList<>();
        changes.add(upd(ACCOUNTS, row("1", "ann", "10.00"), row("1", tricky, "10.00")));
        String filler = "x".repeat(38);
        for (int i = 100; i < 40_100; i++) {
            changes.add(ins(ACCOUNTS, String.valueOf(i), filler, "1.00"));
        }
        applier.apply(List.of(tx(900, 90, changes.toArray(RowChange[]::new))));

        assertThat(query("SELECT owner FROM dst.accounts WHERE id = 1")).containsExactly(tricky);
        assertThat(query("SELECT count(*) || ' ' || sum(balance) FROM dst.accounts WHERE id >= 100"))
                .containsExactly("40000 40000.00");
    }

    @Test
    void insertOnlyBatchCopiesStraightIntoTheTarget() throws Exception {
        applier.apply(List.of(tx(100, 10, ins(LINES, "1", "1", "5"), ins(LINES, "1", "2", "6"))));
        assertThat(query("SELECT order_id || ':' || line || ':' || qty FROM dst.lines ORDER BY line"))
                .containsExactly("1:1:5", "1:2:6");
        // no key table was needed, so none is left in this session either
        assertThat(query("SELECT count(*) FROM pg_class WHERE relname = 'chameleon_apply_keys'")).containsExactly("0");
    }

    @Test
    void onErrorContinueDisablesTheFailingTableAndCommitsTheOthersWithThePosition() throws Exception {
        registerTables();
        BatchApplier continuing = new BatchApplier(pg, sourceId, targets, OnError.CONTINUE);
        continuing.apply(List.of(tx(500, 50, ins(LINES, "1", "1", "1"))));
        List<String> accountsBefore = query("SELECT id || ':' || owner || ':' || balance FROM dst.accounts ORDER BY id");

        // accounts sorts first and fails on PostgreSQL's NOT NULL; lines applies after its rollback to the savepoint
        ApplyResult result = continuing.apply(List.of(
                tx(600, 60, upd(ACCOUNTS, row("1", "ann", "10.00"), row("1", "ann", "0.00")),
                        ins(ACCOUNTS, "9", "new", null)),
                tx(700, 70, upd(LINES, row("1", "1", "1"), row("1", "1", "4")), ins(LINES, "2", "1", "5"))));

        assertThat(result.disabledTables()).containsOnlyKeys(ACCOUNTS);
        assertThat(result.disabledTables().get(ACCOUNTS)).contains("balance").contains("not-null");
        assertThat(result.rowChanges()).isEqualTo(2);
        assertThat(result.skippedRowChanges()).containsEntry(ACCOUNTS, 2L);
        assertThat(query("SELECT id || ':' || owner || ':' || balance FROM dst.accounts ORDER BY id")).isEqualTo(accountsBefore);
        assertThat(query("SELECT order_id || ':' || line || ':' || qty FROM dst.lines ORDER BY order_id"))
                .containsExactly("1:1:4", "2:1:5");
        assertThat(query("SELECT applied_binlog_position || ' ' || replayed_rows FROM sch_chameleon.sources"))
                .containsExactly("700 3");
        assertThat(query("SELECT mysql_table || ' ' || replicated || ' ' || coalesce(not_replicated_reason, '-')"
                + " FROM sch_chameleon.replicated_tables ORDER BY mysql_table"))
                .satisfiesExactly(
                        accounts -> assertThat(accounts).startsWith("accounts false on_error_replay continue")
                                .contains("mysql-bin.000001:700").contains("balance"),
                        lines -> assertThat(lines).isEqualTo("lines true -"));
        assertThat(query("SELECT mysql_schema || '.' || mysql_table || ' | ' || binlog_file || ':' || binlog_position"
                + " || ' | ' || sql_text || ' | ' || message FROM sch_chameleon.error_log"))
                .singleElement().satisfies(e -> assertThat(e)
                        .startsWith("shop.accounts | mysql-bin.000001:700 | COPY \"dst\".\"accounts\"")
                        .contains("null value in column \"balance\"")
                        .contains("9, new")); // PostgreSQL's detail carries the failing row's values

        // from now on the table is left out and its changes counted as skipped
        assertThat(continuing.applied()).containsExactlyInAnyOrder(LINES, NOKEY);
        ApplyResult later = continuing.apply(List.of(tx(800, 80, ins(ACCOUNTS, "10", "x", "1.00"), ins(LINES, "3", "1", "6"))));
        assertThat(later.skippedRowChanges()).containsEntry(ACCOUNTS, 1L);
        assertThat(later.disabledTables()).isEmpty();
        assertThat(query("SELECT count(*) FROM dst.accounts WHERE id = 10")).containsExactly("0");
        assertThat(query("SELECT count(*) || ' ' || (SELECT applied_binlog_position FROM sch_chameleon.sources)"
                + " FROM dst.lines")).containsExactly("3 800");
    }

    @Test
    void onErrorExitRollsBackEverythingAndLogsTheError() throws Exception {
        registerTables();
        BatchApplier exiting = new BatchApplier(pg, sourceId, targets, OnError.EXIT);
        exiting.apply(List.of(tx(500, 50, ins(LINES, "1", "1", "1"))));

        assertThatThrownBy(() -> exiting.apply(List.of(
                tx(600, 60, ins(ACCOUNTS, "9", "new", null)),
                tx(700, 70, ins(LINES, "2", "1", "5")))))
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("table shop.accounts failed")
                .hasMessageContaining("mysql-bin.000001:700")
                .hasMessageContaining("null value in column \"balance\"")
                .hasMessageContaining("rolled back");

        assertThat(query("SELECT count(*) FROM dst.accounts WHERE id = 9")).containsExactly("0");
        assertThat(query("SELECT order_id || ':' || line || ':' || qty FROM dst.lines")).containsExactly("1:1:1");
        assertThat(query("SELECT applied_binlog_position || ' ' || replayed_rows FROM sch_chameleon.sources"))
                .containsExactly("500 1");
        assertThat(query("SELECT count(*) FROM sch_chameleon.replicated_tables WHERE NOT replicated")).containsExactly("0");
        assertThat(query("SELECT mysql_table || ' | ' || binlog_position || ' | ' || sql_text || ' | ' || message"
                + " FROM sch_chameleon.error_log")).singleElement().satisfies(e -> assertThat(e)
                        .startsWith("accounts | 700 | COPY").contains("null value in column \"balance\""));
    }

    /**
     * InnoDB's referential actions, which the binlog does not log, run where MySQL ran them inside
     * one batch: children written before a parent's delete go with it, those written after stay.
     */
    @Test
    void foreignKeyActionsRunWhereMysqlRanThemInTheBatch() throws Exception {
        TableName p = new TableName("shop", "p");
        TableName c = new TableName("shop", "c");
        TableName g = new TableName("shop", "g");
        TableName n = new TableName("shop", "n");
        TableName tree = new TableName("shop", "tree");
        exec("CREATE TABLE dst.p (a integer, b integer, name text, PRIMARY KEY (a, b))",
                "CREATE TABLE dst.c (id integer PRIMARY KEY, pa integer, pb integer)",
                "CREATE TABLE dst.g (id integer PRIMARY KEY, cid integer)",
                "CREATE TABLE dst.n (id integer PRIMARY KEY, pa integer, pb integer)",
                "CREATE TABLE dst.tree (id integer PRIMARY KEY, parent integer)",
                "INSERT INTO dst.p VALUES (1, 1, 'one'), (2, 2, 'two'), (3, 3, 'three')",
                "INSERT INTO dst.c VALUES (10, 1, 1), (11, 1, 1), (20, 2, 2), (30, 3, 3)",
                "INSERT INTO dst.g VALUES (100, 10), (101, 11), (200, 20)",
                "INSERT INTO dst.n VALUES (1, 1, 1), (2, 2, 2), (3, 3, 3)",
                "INSERT INTO dst.tree VALUES (1, NULL), (2, 1), (3, 2), (4, 3), (5, 1), (6, NULL)");
        ColumnDef id = col("id", "int", "int(11)", false);
        ColumnDef a = col("a", "int", "int(11)", false);
        ColumnDef b = col("b", "int", "int(11)", false);
        ColumnDef pa = col("pa", "int", "int(11)", true);
        ColumnDef pb = col("pb", "int", "int(11)", true);
        Map<TableName, ApplyTarget> withKeys = new java.util.HashMap<>(targets);
        for (ApplyTarget t : List.of(
                target(p, "p", new int[] {0, 1}, List.of(), a, b, col("name", "varchar", "varchar(40)", true)),
                target(c, "c", new int[] {0}, List.of(fk(c, List.of("pa", "pb"), p, List.of("a", "b"), "CASCADE", "CASCADE")),
                        id, pa, pb),
                target(g, "g", new int[] {0}, List.of(fk(g, List.of("cid"), c, List.of("id"), "CASCADE", "RESTRICT")),
                        id, col("cid", "int", "int(11)", true)),
                target(n, "n", new int[] {0}, List.of(fk(n, List.of("pa", "pb"), p, List.of("a", "b"), "SET NULL", "SET NULL")),
                        id, pa, pb),
                target(tree, "tree", new int[] {0}, List.of(fk(tree, List.of("parent"), tree, List.of("id"), "CASCADE", "NO ACTION")),
                        id, col("parent", "int", "int(11)", true)))) {
            withKeys.put(t.mysqlName(), t);
        }
        BatchApplier fkApplier = new BatchApplier(pg, sourceId, withKeys);

        fkApplier.apply(List.of(
                // a child of 2 written before its parent's delete goes with it (and its own child 200)
                tx(100, 10, ins(c, "21", "2", "2"), del(p, "2", "2", "two")),
                // 1 deleted (children 10, 11 and grandchildren go), then 1 again with a new child, which stays
                tx(200, 20, del(p, "1", "1", "one"), ins(p, "1", "1", "one again"), ins(c, "12", "1", "1")),
                // a name change is no key change: no child is touched
                tx(300, 30, upd(p, row("3", "3", "three"), row("3", "3", "THREE"))),
                // an inner node of the tree: its whole subtree goes
                tx(400, 40, del(tree, "2", "1"))));
        assertThat(query("SELECT string_agg(a || '/' || b || ' ' || name, ', ' ORDER BY a) FROM dst.p"))
                .containsExactly("1/1 one again, 3/3 THREE");
        assertThat(query("SELECT string_agg(id || ':' || pa || '/' || pb, ', ' ORDER BY id) FROM dst.c"))
                .containsExactly("12:1/1, 30:3/3");
        assertThat(query("SELECT count(*) FROM dst.g")).containsExactly("0");
        assertThat(query("SELECT string_agg(id || ':' || coalesce(pa::text, 'NULL'), ', ' ORDER BY id) FROM dst.n"))
                .containsExactly("1:NULL, 2:NULL, 3:3");
        assertThat(query("SELECT string_agg(id::text, ', ' ORDER BY id) FROM dst.tree")).containsExactly("1, 5, 6");

        // a key change cascades to the children and sets the SET NULL ones to NULL
        fkApplier.apply(List.of(tx(500, 50, upd(p, row("3", "3", "THREE"), row("7", "8", "THREE")))));
        assertThat(query("SELECT string_agg(id || ':' || pa || '/' || pb, ', ' ORDER BY id) FROM dst.c"))
                .containsExactly("12:1/1, 30:7/8");
        assertThat(query("SELECT string_agg(id || ':' || coalesce(pa::text, 'NULL'), ', ' ORDER BY id) FROM dst.n"))
                .containsExactly("1:NULL, 2:NULL, 3:NULL");
    }

    private static io.chameleon.schema.ForeignKeyDef fk(TableName child, List<String> columns, TableName parent,
            List<String> referenced, String onDelete, String onUpdate) {
        return new io.chameleon.schema.ForeignKeyDef(child.table() + "_ibfk_1", child, columns, parent, referenced,
                onDelete, onUpdate);
    }

    /** The catalogue rows disable() updates, as init_replica leaves them. */
    void registerTables() throws SQLException {
        exec("INSERT INTO sch_chameleon.schema_mappings VALUES (" + sourceId + ", 'shop', 'dst')",
                "INSERT INTO sch_chameleon.replicated_tables (source_id, mysql_schema, mysql_table, pg_schema, pg_table,"
                        + " replicated, replica_key, columns) VALUES"
                        + " (" + sourceId + ", 'shop', 'accounts', 'dst', 'accounts', true, '{id}', '[]'),"
                        + " (" + sourceId + ", 'shop', 'lines', 'dst', 'lines', true, '{line,order_id}', '[]')");
    }

    private static ApplyTarget target(TableName name, String pgTable, int[] key, ColumnDef... columns) {
        return target(name, pgTable, key, List.of(), columns);
    }

    private static ApplyTarget target(TableName name, String pgTable, int[] key,
            List<io.chameleon.schema.ForeignKeyDef> foreignKeys, ColumnDef... columns) {
        TypeMapper mapper = new TypeMapper(TypeOverride.Rules.NONE, false);
        ValuePolicies policies = new ValuePolicies(ZeroDatePolicy.NULL, NulCharPolicy.STRIP);
        List<ColumnConverter> converters = new ArrayList<>();
        for (ColumnDef c : columns) {
            converters.add(ColumnConverters.of(name, c, mapper.map(name, c), policies));
        }
        return new ApplyTarget(name, "dst", pgTable, List.of(columns).stream().map(ColumnDef::name).toList(), converters, key,
                foreignKeys);
    }

    private static ColumnDef col(String name, String dataType, String columnType, boolean nullable) {
        return new ColumnDef(name, 0, dataType, columnType, nullable, null, ColumnDef.DefaultKind.NONE,
                dataType.equals("varchar") ? "utf8mb4" : null, null, null, null, null, false, false, false, List.of());
    }

    private static SourceTransaction tx(long position, long epochSecond, RowChange... changes) {
        return new SourceTransaction(List.of(changes), new BinlogPosition("mysql-bin.000001", position, null),
                Instant.ofEpochSecond(epochSecond));
    }

    static RowChange ins(TableName t, String... values) {
        return new RowChange(t, Kind.INSERT, null, row(values));
    }

    static RowChange upd(TableName t, byte[][] before, byte[][] after) {
        return new RowChange(t, Kind.UPDATE, before, after);
    }

    static RowChange del(TableName t, String... values) {
        return new RowChange(t, Kind.DELETE, row(values), null);
    }

    static byte[][] row(String... values) {
        byte[][] row = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            row[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
        }
        return row;
    }

    /** Runs outside the applier's transactions: commits at once. */
    private void exec(String... statements) throws SQLException {
        try (Statement s = pg.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    List<String> query(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        if (!pg.getAutoCommit()) {
            pg.commit();
        }
        return out;
    }
}
