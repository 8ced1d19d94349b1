package io.chameleon.pg;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** grant_select_to's grants, each under a savepoint: one PostgreSQL refuses (no such role) is a warning, not a failure. */
public final class Grants {
    private Grants() {}

    /** USAGE on a schema and SELECT on all its tables. */
    public static String onSchema(String schema, String role) {
        return "GRANT USAGE ON SCHEMA " + Sql.ident(schema) + " TO " + Sql.ident(role) + "; GRANT SELECT ON ALL"
                + " TABLES IN SCHEMA " + Sql.ident(schema) + " TO " + Sql.ident(role);
    }

    /** Runs the grant; PostgreSQL's refusal, if any, with the transaction still usable. */
    public static Optional<String> run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT grant_role");
            s.execute(sql);
            s.execute("RELEASE SAVEPOINT grant_role");
            return Optional.empty();
        } catch (SQLException e) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK TO SAVEPOINT grant_role");
            }
            return Optional.of(e.getMessage());
        }
    }
}
