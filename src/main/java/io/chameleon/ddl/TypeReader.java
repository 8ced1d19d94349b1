package io.chameleon.ddl;

import io.chameleon.mysql.SchemaReader;
import io.chameleon.mysql.ServerInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a column's data type node into what information_schema reports for it on the source
 * server: aliases resolved ({@code INTEGER} → {@code int}, {@code BOOL} → {@code tinyint(1)}),
 * MariaDB's and older MySQL's default display widths ({@code int(11)}), omitted dimensions
 * filled in ({@code DECIMAL} → {@code decimal(10,0)}).
 */
final class TypeReader {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("INTEGER", "int"), Map.entry("INT4", "int"), Map.entry("INT1", "tinyint"),
            Map.entry("INT2", "smallint"), Map.entry("INT3", "mediumint"), Map.entry("MIDDLEINT", "mediumint"),
            Map.entry("INT8", "bigint"), Map.entry("DEC", "decimal"), Map.entry("NUMERIC", "decimal"),
            Map.entry("FIXED", "decimal"), Map.entry("FLOAT4", "float"), Map.entry("FLOAT8", "double"),
            Map.entry("CHARACTER", "char"), Map.entry("NCHAR", "char"), Map.entry("NVARCHAR", "varchar"),
            Map.entry("VARCHARACTER", "varchar"), Map.entry("GEOMCOLLECTION", "geometrycollection"));
    /** Display widths MariaDB (and MySQL before 8.0.19) shows for integers declared without one: signed, unsigned. */
    private static final Map<String, int[]> WIDTHS = Map.of("tinyint", new int[] {4, 3}, "smallint", new int[] {6, 5},
            "mediumint", new int[] {9, 8}, "int", new int[] {11, 10}, "bigint", new int[] {20, 20});
    private static final Set<String> TEXT = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set");
    private static final Set<String> MODIFIERS = Set.of("UNSIGNED", "SIGNED", "ZEROFILL", "PRECISION", "VARYING",
            "NATIONAL", "CHARACTER SET", "CHARSET", "COLLATE", "BINARY", "ASCII", "UNICODE", "BYTE");

    private final ServerInfo server;

    TypeReader(ServerInfo server) {
        this.server = server;
    }

    ColumnType read(Node type) {
        List<String> words = words(type);
        boolean national = words.contains("NATIONAL") || words.get(0).equals("NCHAR") || words.get(0).equals("NVARCHAR");
        boolean varying = words.contains("VARYING");
        boolean unsigned = words.contains("UNSIGNED") || words.contains("ZEROFILL");
        boolean zerofill = words.contains("ZEROFILL");
        List<Long> dims = dimensions(type);
        String charset = type.find("CharsetName").map(n -> n.text().toLowerCase(Locale.ROOT)).orElse(null);
        String collation = type.find("CollationName").map(n -> MysqlText.identifier(n.text())).orElse(null);
        if (charset == null && collation != null) {
            charset = SchemaReader.charsetOf(collation);
        }
        if (charset == null && national) {
            charset = "utf8";
        }
        if (charset == null && words.contains("ASCII")) {
            charset = "latin1";
        }
        if (charset == null && words.contains("UNICODE")) {
            charset = "ucs2";
        }
        String base = base(words, varying);
        List<String> labels = type.findAll("CollectionOption").stream()
                .map(o -> MysqlText.string(o.find("STRING_LITERAL").orElse(o))).toList();
        if ("binary".equals(charset)) {
            base = binaryOf(base);
            charset = null;
        }
        return build(base, dims, unsigned, zerofill, labels, charset == null ? null : Charsets.normalise(charset, server));
    }

    /** The type's own words, upper case, in order; what the dimensions and charset say is read separately. */
    private static List<String> words(Node type) {
        List<String> words = new ArrayList<>();
        for (Node c : type.children()) {
            if (c.isToken()) {
                String w = c.text().toUpperCase(Locale.ROOT);
                if (!w.equals("(") && !w.equals(")") && !w.equals(",")) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static List<Long> dimensions(Node type) {
        List<Long> dims = new ArrayList<>();
        for (Node c : type.children()) {
            if (c.kind().startsWith("Length")) {
                for (Node d : c.findAll("DecimalLiteral")) {
                    dims.add(Long.parseLong(d.text().strip()));
                }
            }
        }
        return dims;
    }

    private static String base(List<String> words, boolean varying) {
        List<String> rest = words.stream().filter(w -> !MODIFIERS.contains(w) || w.equals("BINARY") && words.get(0).equals(w))
                .collect(Collectors.toCollection(ArrayList::new));
        String first = rest.isEmpty() ? words.get(0) : rest.get(0);
        if (first.equals("LONG")) {
            return rest.contains("VARBINARY") ? "mediumblob" : "mediumtext";
        }
        if (first.equals("NCHAR") && rest.contains("VARCHAR")) {
            return "varchar";
        }
        String b = ALIASES.getOrDefault(first, first.toLowerCase(Locale.ROOT));
        return varying && b.equals("char") ? "varchar" : b;
    }

    private static String binaryOf(String base) {
        return switch (base) {
            case "char" -> "binary";
            case "varchar" -> "varbinary";
            case "tinytext" -> "tinyblob";
            case "text" -> "blob";
            case "mediumtext" -> "mediumblob";
            case "longtext" -> "longblob";
            default -> base;
        };
    }

    private ColumnType build(String base, List<Long> dims, boolean unsigned, boolean zerofill, List<String> labels,
            String charset) {
        Long d0 = dims.isEmpty() ? null : dims.get(0);
        Integer d1 = dims.size() > 1 ? dims.get(1).intValue() : null;
        String sign = (unsigned ? " unsigned" : "") + (zerofill ? " zerofill" : "");
        return switch (base) {
            case "bool", "boolean" -> number("tinyint", "tinyint(1)", false);
            case "serial" -> number("bigint", integer("bigint", null, true, false), true);
            case "tinyint", "smallint", "mediumint", "int", "bigint" ->
                    number(base, integer(base, d0, unsigned, zerofill), unsigned);
            case "decimal" -> {
                int p = d0 == null ? 10 : d0.intValue();
                int s = d1 == null ? 0 : d1;
                yield new ColumnType("decimal", "decimal(" + p + "," + s + ")" + sign, unsigned, null, p, s, null,
                        List.of(), null, null, false);
            }
            case "float", "double", "real" -> {
                // FLOAT(p) is a float up to 24 bits of precision, a double beyond
                String t = base.equals("real") || (base.equals("float") && d0 != null && d1 == null && d0 > 24)
                        ? "double" : base;
                String dim = d1 != null ? "(" + d0 + "," + d1 + ")" : "";
                yield number(t, t + dim + sign, unsigned);
            }
            case "bit" -> {
                int n = d0 == null ? 1 : d0.intValue();
                yield new ColumnType("bit", "bit(" + n + ")", false, null, n, null, null, List.of(), null, null, false);
            }
            case "datetime", "timestamp", "time" -> {
                int f = d0 == null ? 0 : d0.intValue();
                yield new ColumnType(base, f == 0 ? base : base + "(" + f + ")", false, null, null, null, f, List.of(),
                        null, null, false);
            }
            case "year" -> plain("year", server.isMariaDb() || !server.atLeast(8, 0, 19) ? "year(4)" : "year");
            case "char", "binary" -> sized(base, d0 == null ? 1 : d0, charset);
            case "varchar", "varbinary" -> sized(base, d0 == null ? 0 : d0, charset);
            case "tinytext", "text", "mediumtext", "longtext" -> new ColumnType(base, base, false, null, null, null, null,
                    List.of(), base.equals("text") ? d0 : null, charset, true);
            case "blob" -> new ColumnType(base, base, false, null, null, null, null, List.of(), d0, null, false);
            case "enum", "set" -> new ColumnType(base, base + "(" + labels.stream().map(TypeReader::quote)
                    .collect(Collectors.joining(",")) + ")", false, null, null, null, null, labels, null, charset, true);
            // MariaDB's JSON is a utf8mb4 longtext; SchemaReader reports it as json, as here
            case "json" -> new ColumnType("json", "json", false, null, null, null, null, List.of(), null,
                    server.isMariaDb() ? "utf8mb4" : null, false);
            default -> plain(base, base);
        };
    }

    private String integer(String base, Long width, boolean unsigned, boolean zerofill) {
        boolean showWidth = server.isMariaDb() || !server.atLeast(8, 0, 19) || zerofill || (base.equals("tinyint")
                && Long.valueOf(1).equals(width));
        String w = !showWidth ? "" : "(" + (width != null ? width : WIDTHS.get(base)[unsigned ? 1 : 0]) + ")";
        return base + w + (unsigned ? " unsigned" : "") + (zerofill ? " zerofill" : "");
    }

    private static ColumnType number(String dataType, String columnType, boolean unsigned) {
        return new ColumnType(dataType, columnType, unsigned, null, null, null, null, List.of(), null, null, false);
    }

    private static ColumnType plain(String dataType, String columnType) {
        return new ColumnType(dataType, columnType, false, null, null, null, null, List.of(), null, null, false);
    }

    private static ColumnType sized(String base, long n, String charset) {
        boolean text = TEXT.contains(base);
        return new ColumnType(base, base + "(" + n + ")", false, n, null, null, null, List.of(), null,
                text ? charset : null, text);
    }

    /** A label as information_schema shows it in {@code enum('a','b''c')}. */
    private static String quote(String label) {
        return "'" + label.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
