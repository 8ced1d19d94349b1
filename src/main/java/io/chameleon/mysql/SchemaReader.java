package io.chameleon.mysql;

import io.chameleon.config.SourceConfig;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.ColumnDef.DefaultKind;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.IndexDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the definitions of a source's tables from information_schema: one query per kind of
 * object for a whole schema, not one per table, so a schema of thousands of tables reads fast.
 */
public final class SchemaReader {
    /** One string literal, with an optional character set introducer: {@code _utf8mb4'it''s'}. */
    private static final Pattern QUOTED_STRING = Pattern.compile("(?s)(?:_[a-z0-9]+)?'((?:[^'\\\\]|\\\\.|'')*)'");
    /** A hex literal of whole bytes: {@code 0x00ff}. */
    private static final Pattern HEX_BYTES = Pattern.compile("0x((?:[0-9a-fA-F]{2})*)");

    private final Connection conn;
    private final ServerInfo server;

    public SchemaReader(Connection conn, ServerInfo server) {
        this.conn = conn;
        this.server = server;
    }

    /** The base tables of the source's mapped schemas that limit_tables/skip_tables keep, sorted by name. */
    public List<TableDef> read(SourceConfig source) throws SQLException {
        List<TableDef> all = new ArrayList<>();
        for (String schema : source.schemaMappings().keySet()) {
            for (TableDef t : readSchema(schema)) {
                if (source.includes(t.name())) {
                    all.add(t);
                }
            }
        }
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    /** Every base table of one schema. */
    public List<TableDef> readSchema(String schema) throws SQLException {
        Map<String, TableStats> stats = tables(schema);
        Map<String, List<ColumnDef>> columns = columns(schema);
        Map<String, List<IndexDef>> indexes = indexes(schema);
        Map<String, List<ForeignKeyDef>> foreignKeys = foreignKeys(schema).stream()
                .collect(Collectors.groupingBy(k -> k.table().table()));
        List<TableDef> result = new ArrayList<>();
        for (Map.Entry<String, TableStats> e : stats.entrySet()) {
            TableStats s = e.getValue();
            result.add(new TableDef(new TableName(schema, e.getKey()), s.engine,
                    columns.getOrDefault(e.getKey(), List.of()), indexes.getOrDefault(e.getKey(), List.of()),
                    foreignKeys.getOrDefault(e.getKey(), List.of()), s.rows, s.avgRowLength, s.dataLength));
        }
        return result;
    }

    /** Each table's default character set (the one its collation belongs to), for DDL that adds text columns. */
    public Map<TableName, String> tableCharsets(SourceConfig source) throws SQLException {
        Map<TableName, String> charsets = new HashMap<>();
        for (String schema : source.schemaMappings().keySet()) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT TABLE_NAME, TABLE_COLLATION FROM"
                    + " information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_COLLATION IS NOT NULL")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        charsets.put(new TableName(schema, rs.getString(1)), charsetOf(rs.getString(2)));
                    }
                }
            }
        }
        return charsets;
    }

    /** Each mapped schema's default character set, for the tables DDL creates in it. */
    public Map<String, String> schemaCharsets(SourceConfig source) throws SQLException {
        Map<String, String> charsets = new HashMap<>();
        for (String schema : source.schemaMappings().keySet()) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME FROM"
                    + " information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        charsets.put(schema, rs.getString(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return charsets;
    }

    /** The character set a collation belongs to: {@code utf8mb4_unicode_ci} → {@code utf8mb4}. */
    public static String charsetOf(String collation) {
        String c = collation.toLowerCase(Locale.ROOT);
        int cut = c.indexOf('_');
        return cut < 0 ? c : c.substring(0, cut);
    }

    /** The foreign keys of a schema's tables, their columns in key order. */
    public List<ForeignKeyDef> foreignKeys(String schema) throws SQLException {
        Map<String, ForeignKeyDef> keys = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME,"
                + " k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE,"
                + " r.UPDATE_RULE FROM information_schema.KEY_COLUMN_USAGE k"
                + " JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
                + " AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                + " WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL"
                + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableName table = new TableName(schema, rs.getString(1));
                    String name = rs.getString(2);
                    ForeignKeyDef before = keys.get(table.table() + "\0" + name);
                    List<String> columns = new ArrayList<>(before == null ? List.of() : before.columns());
                    List<String> referenced = new ArrayList<>(before == null ? List.of() : before.referencedColumns());
                    columns.add(rs.getString(3));
                    referenced.add(rs.getString(6));
                    keys.put(table.table() + "\0" + name, new ForeignKeyDef(name, table, columns,
                            new TableName(rs.getString(4), rs.getString(5)), referenced, rs.getString(7), rs.getString(8)));
                }
            }
        }
        return new ArrayList<>(keys.values());
    }

    /** The next AUTO_INCREMENT value of each table of a schema that has one. */
    public Map<String, Long> autoIncrements(String schema) throws SQLException {
        if (!server.isMariaDb() && server.atLeast(8, 0, 3)) {
            try (Statement s = conn.createStatement()) {
                s.execute("SET SESSION information_schema_stats_expiry = 0"); // MySQL 8 caches AUTO_INCREMENT for a day
            }
        }
        Map<String, Long> next = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT TABLE_NAME, AUTO_INCREMENT FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND AUTO_INCREMENT IS NOT NULL")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    next.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return next;
    }

    private record TableStats(String engine, long rows, long avgRowLength, long dataLength) {}

    private Map<String, TableStats> tables(String schema) throws SQLException {
        Map<String, TableStats> t = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT TABLE_NAME, ENGINE, TABLE_ROWS, AVG_ROW_LENGTH, DATA_LENGTH"
                + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    t.put(rs.getString(1), new TableStats(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        return t;
    }

    private Map<String, List<ColumnDef>> columns(String schema) throws SQLException {
        Set<String> jsonColumns = mariaDbJsonColumns(schema);
        Map<String, List<ColumnDef>> byTable = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE,"
                + " COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, CHARACTER_SET_NAME, CHARACTER_MAXIMUM_LENGTH,"
                + " NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, EXTRA"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String name = rs.getString(2);
                    String dataType = rs.getString(4).toLowerCase();
                    String columnType = rs.getString(5);
                    // MariaDB's JSON is an alias of longtext guarded by json_valid(): treat it as JSON.
                    if (jsonColumns.contains(table + "\u0000" + name)) {
                        dataType = "json";
                        columnType = "json";
                    }
                    boolean nullable = "YES".equals(rs.getString(6));
                    String extra = rs.getString(13) == null ? "" : rs.getString(13).toLowerCase();
                    String rawDefault = rs.getString(7);
                    DefaultValue dv = normaliseDefault(rawDefault, nullable, extra, dataType, nullableLong(rs, 9));
                    ColumnDef c = new ColumnDef(name, rs.getInt(3), dataType, columnType, nullable, dv.value, dv.kind,
                            rs.getString(8), nullableLong(rs, 9), nullableInt(rs, 10), nullableInt(rs, 11),
                            nullableInt(rs, 12), columnType.toLowerCase().contains("unsigned"),
                            extra.contains("auto_increment"),
                            extra.contains("virtual generated") || extra.contains("stored generated")
                                    || extra.contains("persistent generated"),
                            enumLabels(dataType, columnType));
                    byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(c);
                }
            }
        }
        return byTable;
    }

    private Set<String> mariaDbJsonColumns(String schema) throws SQLException {
        Set<String> cols = new HashSet<>();
        if (!server.isMariaDb() || !server.atLeast(10, 2, 0)) {
            return cols;
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE"
                + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String clause = rs.getString(3).replace(" ", "");
                    String column = rs.getString(2);
                    if (clause.equalsIgnoreCase("json_valid(`" + column.replace("`", "``") + "`)")) {
                        cols.add(rs.getString(1) + "\u0000" + column);
                    }
                }
            }
        }
        return cols;
    }

    record DefaultValue(String value, DefaultKind kind) {}

    /**
     * MariaDB (10.2.7+) reports defaults as SQL: {@code 'text'} quoted, {@code NULL}, numbers bare and
     * expressions like {@code current_timestamp()}. MySQL reports the bare value and marks
     * expressions with DEFAULT_GENERATED. Both become a plain value and its kind.
     *
     * @param length the column's length in characters or bytes (binary(n) defaults are padded to it)
     */
    DefaultValue normaliseDefault(String raw, boolean nullable, String extra, String dataType, Long length) {
        if (raw == null) {
            return new DefaultValue(null, nullable ? DefaultKind.NULL : DefaultKind.NONE);
        }
        if (server.isMariaDb() && server.atLeast(10, 2, 7)) {
            if (raw.equals("NULL")) {
                return new DefaultValue(null, DefaultKind.NULL);
            }
            if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
                return new DefaultValue(MysqlStrings.unescape(raw.substring(1, raw.length() - 1), '\''), DefaultKind.LITERAL);
            }
            // numbers bare, and BIT defaults as b'101'
            if (raw.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?") || raw.matches("b'[01]*'")) {
                return new DefaultValue(raw, DefaultKind.LITERAL);
            }
            return new DefaultValue(raw, DefaultKind.EXPRESSION);
        }
        if (extra.contains("default_generated")) {
            return mysqlExpressionDefault(raw, dataType, length);
        }
        if ((dataType.equals("timestamp") || dataType.equals("datetime")) && raw.toUpperCase().startsWith("CURRENT_TIMESTAMP")) {
            return new DefaultValue(raw, DefaultKind.EXPRESSION);
        }
        if (dataType.equals("binary") || dataType.equals("varbinary")) {
            return mysqlBytesDefault(raw, dataType, length);
        }
        return new DefaultValue(raw, DefaultKind.LITERAL);
    }

    /**
     * MySQL's expression defaults ({@code DEFAULT (...)}, the only defaults JSON, TEXT and BLOB
     * columns take) are shown with their quotes and backslashes escaped once more. One string or
     * hex literal, {@code _utf8mb4'{"a": 1}'} or {@code 0x00ff}, is a literal default; anything
     * else stays an expression.
     */
    private static DefaultValue mysqlExpressionDefault(String raw, String dataType, Long length) {
        String expression = MysqlStrings.unescape(raw, '\'');
        Matcher quoted = QUOTED_STRING.matcher(expression);
        if (quoted.matches()) {
            return new DefaultValue(MysqlStrings.unescape(quoted.group(1), '\''), DefaultKind.LITERAL);
        }
        if (HEX_BYTES.matcher(expression).matches()) {
            return mysqlBytesDefault(expression, dataType, length);
        }
        return new DefaultValue(raw, DefaultKind.EXPRESSION);
    }

    /**
     * MySQL shows the literal default of a binary or varbinary column as hex, {@code 0x6162}, with
     * its trailing zero bytes cut: binary(n) pads them back. (A varbinary default ending in zero bytes
     * loses them in information_schema itself.) The bytes are the value when they are UTF-8, which
     * is how a default travels here; other bytes stay an expression, which is reported and dropped.
     */
    private static DefaultValue mysqlBytesDefault(String raw, String dataType, Long length) {
        Matcher hex = HEX_BYTES.matcher(raw);
        if (!hex.matches()) {
            return new DefaultValue(raw, DefaultKind.LITERAL);
        }
        byte[] bytes = HexFormat.of().parseHex(hex.group(1));
        if (dataType.equals("binary") && length != null && bytes.length < length) {
            bytes = Arrays.copyOf(bytes, length.intValue());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return new DefaultValue(text, DefaultKind.LITERAL);
        } catch (CharacterCodingException notUtf8) {
            return new DefaultValue(raw, DefaultKind.EXPRESSION);
        }
    }

    /** The labels of {@code enum('a','b''c')} or {@code set(...)}, unescaped, in order. */
    static List<String> enumLabels(String dataType, String columnType) {
        if (!dataType.equals("enum") && !dataType.equals("set")) {
            return List.of();
        }
        List<String> labels = new ArrayList<>();
        int i = columnType.indexOf('(');
        int end = columnType.lastIndexOf(')');
        StringBuilder cur = null;
        for (i = i + 1; i < end; i++) {
            char ch = columnType.charAt(i);
            if (cur == null) {
                if (ch == '\'') {
                    cur = new StringBuilder();
                }
            } else if (ch == '\'') {
                if (i + 1 < end && columnType.charAt(i + 1) == '\'') {
                    cur.append('\'');
                    i++;
                } else {
                    labels.add(cur.toString());
                    cur = null;
                }
            } else if (ch == '\\' && i + 1 < end) {
                cur.append(columnType.charAt(++i));
            } else {
                cur.append(ch);
            }
        }
        return labels;
    }

    private Map<String, List<IndexDef>> indexes(String schema) throws SQLException {
        record Row(String table, String index, boolean unique, String type, String column, Integer sub, String expr) {}
        List<Row> rows = new ArrayList<>();
        boolean hasExpression = !server.isMariaDb() && server.atLeast(8, 0, 13);
        try (PreparedStatement ps = conn.prepareStatement("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE,"
                + " COLUMN_NAME, SUB_PART" + (hasExpression ? ", EXPRESSION" : ", NULL")
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?"
                + " ORDER BY TABLE_NAME, INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getInt(3) == 0, rs.getString(4),
                            rs.getString(5), nullableInt(rs, 6), rs.getString(7)));
                }
            }
        }
        Map<String, List<IndexDef>> byTable = new HashMap<>();
        int i = 0;
        while (i < rows.size()) {
            Row first = rows.get(i);
            List<IndexDef.Part> parts = new ArrayList<>();
            while (i < rows.size() && rows.get(i).table.equals(first.table) && rows.get(i).index.equals(first.index)) {
                Row r = rows.get(i++);
                parts.add(new IndexDef.Part(r.column, r.sub, r.expr));
            }
            byTable.computeIfAbsent(first.table, k -> new ArrayList<>()).add(new IndexDef(first.index,
                    first.index.equals("PRIMARY"), first.unique, first.type, parts));
        }
        return byTable;
    }

    private static Long nullableLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
