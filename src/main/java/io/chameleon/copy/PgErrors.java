package io.chameleon.copy;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** Decides whether PostgreSQL refused data (worth salvaging row by row) or failed for another reason. */
final class PgErrors {
    private PgErrors() {}

    /** SQLSTATE classes 22 (data exception), 23 (integrity) and 54 (limits): the rows, not the connection. */
    static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
    }

    /** The server's message with its COPY context (which names the line and column). */
    static String describe(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            String where = m.getWhere();
            return m.getMessage() + (where == null ? "" : " (" + where + ")");
        }
        return e.getMessage();
    }

    /** The column a COPY error names in its context ("COPY t, line 1, column c: ..."), or null. */
    static String column(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            String where = p.getServerErrorMessage().getWhere();
            if (where != null) {
                int i = where.indexOf(", column ");
                if (i >= 0) {
                    int start = i + ", column ".length();
                    int end = where.indexOf(':', start);
                    return end < 0 ? where.substring(start) : where.substring(start, end);
                }
            }
        }
        return null;
    }
}
