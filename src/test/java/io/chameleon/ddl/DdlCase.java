package io.chameleon.ddl;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.IndexDef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One directory of src/test/resources/ddl-cases: {@code before.sql} (the tables, as MySQL CREATE
 * TABLE statements), {@code mysql.sql} (the statements to follow; {@code USE db;} lines set the
 * default database, {@code ddl_shop} at first) and {@code expected.sql} (each statement's
 * PostgreSQL statements, warnings and table changes, then the tracked tables). Optional:
 * {@code config.yml} (else the shared one), {@code server.txt} (the source's version, else
 * MariaDB 11.4) and {@code session.sql} (the session's settings, run on MariaDB before
 * {@code before.sql}; the translator reads the statements with the same settings, as the
 * server's global values, which is all the binlog tells of them on MariaDB).
 */
record DdlCase(String name, Path dir, ChameleonConfig config, ServerInfo server, List<String> session,
        List<String> before, List<String> statements) {

    static final Path ROOT = resources().resolve("ddl-cases");
    static final String DEFAULT_DATABASE = "ddl_shop";
    /** The default character sets of the case schemas (MariaDB databases are created with them). */
    static final Map<String, String> SCHEMA_CHARSETS = Map.of("ddl_shop", "utf8mb4", "ddl_sales", "latin1",
            "ddl_other", "utf8mb4");
    /** The session settings the translator knows how to read statements with. */
    private static final Pattern EXPLICIT_TIMESTAMPS = Pattern.compile(
            "(?i)SET SESSION explicit_defaults_for_timestamp\\s*=\\s*(ON|OFF)");

    static List<DdlCase> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).sorted().map(DdlCase::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DdlCase load(Path dir) {
        Path config = Files.exists(dir.resolve("config.yml")) ? dir.resolve("config.yml") : ROOT.resolve("config.yml");
        String server = read(dir.resolve("server.txt")).strip();
        return new DdlCase(dir.getFileName().toString(), dir, ConfigLoader.load(config, dir),
                ServerInfo.parse(server.isEmpty() ? "11.4.5-MariaDB-log" : server), split(read(dir.resolve("session.sql"))),
                split(read(dir.resolve("before.sql"))), split(read(dir.resolve("mysql.sql"))));
    }

    SourceConfig source() {
        return config.sources().values().iterator().next();
    }

    DdlTranslator translator() {
        return new DdlTranslator(source(), config.typeOverrides(), config.fillfactor(), false, server,
                explicitDefaultsForTimestamp());
    }

    /** ON unless {@code session.sql} turns it off. */
    private boolean explicitDefaultsForTimestamp() {
        boolean on = true;
        for (String setting : session) {
            Matcher m = EXPLICIT_TIMESTAMPS.matcher(setting);
            if (!m.matches()) {
                throw new IllegalArgumentException(dir.resolve("session.sql") + ": the translator cannot follow '"
                        + setting + "'; only SET SESSION explicit_defaults_for_timestamp = ON|OFF");
            }
            on = m.group(1).equalsIgnoreCase("ON");
        }
        return on;
    }

    boolean mariadb() {
        return server.isMariaDb();
    }

    /** The tracked tables after {@code before.sql}, with the PostgreSQL statements that built them. */
    record Run(TrackedTables tables, List<String> pgStatements, String rendered) {}

    Run runBefore() {
        return run(new TrackedTables(Map.of(), SCHEMA_CHARSETS), before);
    }

    /** Follows {@code sqls} from {@code start}, rendering each outcome. */
    Run run(TrackedTables start, List<String> sqls) {
        DdlTranslator translator = translator();
        TrackedTables tables = start;
        String db = DEFAULT_DATABASE;
        List<String> pg = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (String sql : sqls) {
            if (sql.regionMatches(true, 0, "USE ", 0, 4)) {
                db = sql.substring(4).strip();
                continue;
            }
            DdlOutcome o = translator.translate(sql, db, tables);
            tables = o.tables();
            pg.addAll(o.statements());
            out.append("-- mysql: ").append(sql.replaceAll("\\s*\\n\\s*", " ")).append('\n');
            o.statements().forEach(s -> out.append(s).append(";\n"));
            o.warnings().forEach(w -> out.append("-- warning: ").append(w.replace("\n", " ")).append('\n'));
            if (!o.changes().isEmpty()) {
                out.append("-- changes: ").append(o.changes().stream().map(DdlCase::change).collect(Collectors.joining(", ")))
                        .append('\n');
            }
            if (o.skipped()) {
                out.append("-- skipped: ").append(o.skipReason().replace("\n", " ")).append('\n');
            }
            out.append('\n');
        }
        return new Run(tables, pg, out.toString());
    }

    private static String change(TableChange c) {
        return c.kind() + " " + (c.previous() != null ? c.previous() + " -> " : "") + c.table();
    }

    /** The tracked tables, one line per column and index. */
    static String render(TrackedTables tables) {
        StringBuilder b = new StringBuilder();
        tables.tables().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            TrackedTable t = e.getValue();
            b.append("-- tracked ").append(e.getKey()).append(" (").append(t.definition().engine()).append(", ")
                    .append(t.defaultCharset()).append(t.replicated() ? ", replicated" : ", not replicated").append(")\n");
            for (ColumnDef c : t.definition().columns()) {
                b.append("--   ").append(column(c)).append('\n');
            }
            for (IndexDef i : t.definition().indexes()) {
                b.append("--   ").append(index(i)).append(" = ").append(t.pgIndexNames().getOrDefault(i.name(), "(none)"))
                        .append('\n');
            }
        });
        return b.toString();
    }

    static String column(ColumnDef c) {
        return c.ordinal() + " " + c.name() + " " + c.dataType() + " " + c.columnType() + (c.nullable() ? " NULL" : " NOT NULL")
                + (c.charset() != null ? " " + c.charset() : "") + " default " + c.defaultKind()
                + (c.defaultValue() != null ? " '" + c.defaultValue().replace("\0", "\\0").replace("\n", "\\n") + "'" : "")
                + (c.autoIncrement() ? " auto_increment" : "") + (c.generated() ? " generated" : "");
    }

    static String index(IndexDef i) {
        return (i.primary() ? "PRIMARY KEY" : (i.unique() ? "UNIQUE " : "") + i.type() + " " + i.name()) + " ("
                + i.parts().stream().map(p -> p.column() == null ? p.expression()
                        : p.column() + (p.prefixLength() != null ? "(" + p.prefixLength() + ")" : ""))
                        .collect(Collectors.joining(", ")) + ")";
    }

    String expectedPath() {
        return dir.resolve("expected.sql").toString();
    }

    /** Statements end with a ';' at the end of a line. */
    static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (cur.length() == 0 && (line.isBlank() || line.startsWith("--"))) {
                continue;
            }
            cur.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String s = cur.toString().strip();
                statements.add(s.substring(0, s.length() - 1).strip());
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            statements.add(cur.toString().strip());
        }
        return statements;
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resources() {
        try {
            return Path.of(DdlCase.class.getResource("/ddl-cases/config.yml").toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
