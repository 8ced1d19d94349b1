package io.chameleon.ddl;

import io.chameleon.copy.IndexNamer;
import io.chameleon.copy.TargetDdl;
import io.chameleon.copy.TargetTable;
import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;
import io.chameleon.testing.PgSchemaShape;
import io.chameleon.testing.TestServers;
import io.chameleon.types.DefaultTranslator;
import io.chameleon.types.TypeMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every DDL case against real servers: its statements run on MariaDB, and the tables the
 * translator tracked equal what the mysql reader reads back from information_schema, mapped the
 * same way (types, nullability, defaults, keys, indexes); its PostgreSQL statements run on
 * PostgreSQL, and the tables they leave are the ones init_replica builds from MariaDB's
 * information_schema (column types, NOT NULL, defaults, identities, indexes, enum labels).
 */
class DdlCasesIT {
    private static String pgDatabase;

    @BeforeAll
    static void servers() throws SQLException {
        pgDatabase = TestServers.createPgDatabase("ddl_cases");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseRunsOnBothServers() {
        return DdlCase.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    /** MySQL cases (no MySQL server here) run their PostgreSQL statements only. */
    private static void check(DdlCase c) throws SQLException {
        DdlCase.Run before = c.runBefore();
        DdlCase.Run run = c.run(before.tables(), c.statements());
        DdlTarget target = target(c);
        Map<TableName, TableDef> mariadb = c.mariadb() ? runOnMariaDb(c) : null;
        if (mariadb != null) {
            Map<TableName, String> expected = new TreeMap<>();
            mariadb.forEach((name, def) -> expected.put(name, view(def, target)));
            Map<TableName, String> tracked = new TreeMap<>();
            run.tables().tables().forEach((name, t) -> tracked.put(name, view(t.definition(), target)));
            assertThat(tracked).as(c.name() + ": tracked tables vs MariaDB's information_schema").isEqualTo(expected);
        }
        try (Connection pg = TestServers.pgConnection(pgDatabase); Statement s = pg.createStatement()) {
            List<String> schemas = c.source().schemaMappings().values().stream().toList();
            for (String schema : schemas) {
                s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
                s.execute("DROP SCHEMA IF EXISTS \"init_" + schema + "\" CASCADE");
                s.execute("CREATE SCHEMA \"" + schema + "\"");
                s.execute("CREATE SCHEMA \"init_" + schema + "\"");
            }
            List<String> statements = new ArrayList<>(before.pgStatements());
            statements.addAll(run.pgStatements());
            runAll(s, statements, c.name() + ": PostgreSQL");
            if (mariadb != null) {
                buildAsInitReplica(s, target, mariadb);
                for (String schema : schemas) {
                    assertThat(PgSchemaShape.describe(s, schema)).as(c.name() + ": PostgreSQL schema " + schema + " vs init_replica's")
                            .isEqualTo(PgSchemaShape.describe(s, "init_" + schema));
                }
            }
        }
    }

    private static DdlTarget target(DdlCase c) {
        return new DdlTarget(c.source(), new TypeMapper(c.config().typeOverrides(), false),
                new TargetDdl(false, new DefaultTranslator(c.source().zeroDates())), c.config().fillfactor());
    }

    /** A table as the type map sees it: what must agree between DDL replay and init_replica. */
    private static String view(TableDef def, DdlTarget target) {
        TargetTable t = target.table(def);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < def.columns().size(); i++) {
            ColumnDef col = def.columns().get(i);
            b.append(col.ordinal()).append(' ').append(col.name()).append(' ').append(col.dataType()).append(' ')
                    .append(col.columnType()).append(col.nullable() ? " NULL " : " NOT NULL ").append(col.charset())
                    .append(col.unsigned() ? " unsigned" : "").append(col.autoIncrement() ? " auto_increment" : "")
                    .append(col.generated() ? " generated" : "").append(' ').append(col.enumValues()).append(" -> ")
                    .append(t.pgTypes().get(i).sqlIn(t.schema())).append(" default ")
                    .append(target.ddl().defaultOf(t, i).expression().orElse("none")).append('\n');
        }
        def.indexes().forEach(i -> b.append(DdlCase.index(i)).append('\n'));
        b.append("replica key ").append(def.replicaKey().map(k -> k.columnNames().toString()).orElse("none"));
        return b.toString();
    }

    private static Map<TableName, TableDef> runOnMariaDb(DdlCase c) throws SQLException {
        Map<TableName, TableDef> tables = new TreeMap<>();
        try (Connection my = TestServers.mysqlConnection(null); Statement s = my.createStatement()) {
            for (Map.Entry<String, String> db : DdlCase.SCHEMA_CHARSETS.entrySet()) {
                s.execute("DROP DATABASE IF EXISTS `" + db.getKey() + "`");
                s.execute("CREATE DATABASE `" + db.getKey() + "` CHARACTER SET " + db.getValue());
            }
            s.execute("USE " + DdlCase.DEFAULT_DATABASE);
            List<String> all = new ArrayList<>(c.session());
            all.addAll(c.before());
            all.addAll(c.statements());
            runAll(s, all, c.name() + ": MariaDB");
            SchemaReader reader = new SchemaReader(my, ServerInfo.read(my));
            for (String db : DdlCase.SCHEMA_CHARSETS.keySet()) {
                for (TableDef t : reader.readSchema(db)) {
                    if (c.source().includes(t.name())) {
                        tables.put(t.name(), t);
                    }
                }
            }
        }
        return tables;
    }

    private static void runAll(Statement s, List<String> statements, String server) {
        for (String sql : statements) {
            try {
                s.execute(sql);
            } catch (SQLException e) {
                throw new AssertionError(server + " refused " + sql + "\n" + e.getMessage(), e);
            }
        }
    }

    /** What TargetBuilder does for these tables, in the schemas {@code init_<schema>}. */
    private static void buildAsInitReplica(Statement s, DdlTarget target, Map<TableName, TableDef> tables)
            throws SQLException {
        IndexNamer namer = new IndexNamer(tables.keySet().stream().map(TableName::table).toList());
        TargetDdl ddl = target.ddl();
        for (TableDef def : tables.values()) {
            TargetTable pg = target.table(def);
            TargetTable t = new TargetTable(def, "init_" + pg.schema(), pg.pgTypes(), pg.fillfactor());
            for (String sql : ddl.enumTypes(t)) {
                s.execute(sql);
            }
            s.execute(ddl.createTable(t).sql());
            for (var idx : def.indexes()) {
                TargetDdl.IndexStatement st = ddl.index(t, idx, namer);
                if (st.sql() != null) {
                    s.execute(st.sql());
                }
            }
            for (int i = 0; i < def.columns().size(); i++) {
                if (def.columns().get(i).autoIncrement()) {
                    for (String sql : ddl.autoIncrement(t, def.columns().get(i), t.pgTypes().get(i), 1)) {
                        s.execute(sql);
                    }
                }
            }
        }
    }
}
