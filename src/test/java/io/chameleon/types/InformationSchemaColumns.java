package io.chameleon.types;

import io.chameleon.testing.TestServers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** Which columns of a table are MariaDB JSON columns, for the round-trip test's type map. */
final class InformationSchemaColumns {
    private InformationSchemaColumns() {}

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
}
