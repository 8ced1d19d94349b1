package io.chameleon.types;

import io.chameleon.schema.ColumnDef;
import io.chameleon.testing.TestServers;
import io.chameleon.schema.ColumnDef.DefaultKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A minimal stand-in for the mysql package's reader, for the round-trip test: ColumnDefs from
 * MariaDB's information_schema, defaults normalized to plain values as that reader promises.
 */
final class InformationSchemaColumns {
    private static final Pattern PLAIN_LITERAL = Pattern.compile("[-+]?[0-9.]+([eE][-+]?\\d+)?|[bB]'[01]*'");

    private InformationSchemaColumns() {}

    static List<ColumnDef> read(Connection c, String schema, String table) throws SQLException {
        List<ColumnDef> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT column_name, ordinal_position, data_type, column_type,"
                + " is_nullable, column_default, character_set_name, character_maximum_length, numeric_precision,"
                + " numeric_scale, datetime_precision, extra FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String columnType = r.getString("column_type");
                    String dataType = r.getString("data_type");
                    String def = r.getString("column_default");
                    boolean nullable = r.getString("is_nullable").equals("YES");
                    columns.add(new ColumnDef(r.getString("column_name"), r.getInt("ordinal_position"), dataType,
                            columnType, nullable, plainDefault(def), defaultKind(def, nullable),
                            r.getString("character_set_name"), (Long) r.getObject("character_maximum_length", Long.class),
                            r.getObject("numeric_precision", Integer.class), r.getObject("numeric_scale", Integer.class),
                            r.getObject("datetime_precision", Integer.class), columnType.contains("unsigned"),
                            r.getString("extra").contains("auto_increment"), false,
                            dataType.equals("enum") || dataType.equals("set") ? labels(columnType) : List.of()));
                }
            }
        }
        return columns;
    }

    /** MariaDB declares JSON as longtext with CHECK (json_valid(`col`)), the constraint named after the column. */
    static Set<String> mariadbJsonColumns(Connection c, String schema, String table) throws SQLException {
        Set<String> json = new HashSet<>();
        if (TestServers.sourceIsMysql()) {
            return json; // MySQL's JSON is a type of its own (and its check_constraints has no table_name)
        }
        try (PreparedStatement s = c.prepareStatement("SELECT constraint_name, check_clause FROM"
                + " information_schema.check_constraints WHERE constraint_schema = ? AND table_name = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getString(2).equals("json_valid(`" + r.getString(1) + "`)")) {
                        json.add(r.getString(1));
                    }
                }
            }
        }
        return json;
    }

    private static DefaultKind defaultKind(String def, boolean nullable) {
        if (def == null) {
            return DefaultKind.NONE;
        }
        if (def.equals("NULL")) {
            return DefaultKind.NULL;
        }
        return def.startsWith("'") || PLAIN_LITERAL.matcher(def).matches() ? DefaultKind.LITERAL : DefaultKind.EXPRESSION;
    }

    private static String plainDefault(String def) {
        if (def == null || def.equals("NULL")) {
            return null;
        }
        return def.startsWith("'") ? unquote(def.substring(1, def.length() - 1)) : def;
    }

    /** MariaDB's quoting: '' for a quote, backslash escapes as in string literals. */
    private static String unquote(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                b.append('\'');
                i++;
            } else if (ch == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                b.append(switch (e) {
                    case '0' -> '\0';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** Labels of enum('a','b''c') / set(...). */
    private static List<String> labels(String columnType) {
        List<String> labels = new ArrayList<>();
        String body = columnType.substring(columnType.indexOf('(') + 1, columnType.lastIndexOf(')'));
        StringBuilder label = null;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (label == null) {
                if (ch == '\'') {
                    label = new StringBuilder();
                }
            } else if (ch == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                label.append('\'');
                i++;
            } else if (ch == '\'') {
                labels.add(label.toString());
                label = null;
            } else {
                label.append(ch);
            }
        }
        return labels;
    }
}
