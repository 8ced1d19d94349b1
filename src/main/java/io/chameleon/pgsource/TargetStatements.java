package io.chameleon.pgsource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * Runs post-data statements on the target, one at a time. In a transaction each runs behind a
 * savepoint, so one PostgreSQL refuses (a function the target lacks, a missing tablespace) is a
 * warning naming what was not built, and the others still are.
 */
final class TargetStatements {
    private final Connection target;
    private final Consumer<String> warn;

    TargetStatements(Connection target, Consumer<String> warn) {
        this.target = target;
        this.warn = warn;
    }

    /** True when built; false (and one warning) when PostgreSQL refused the statement. */
    boolean run(Step step) throws SQLException {
        try {
            execute(step.sql());
            return true;
        } catch (SQLException e) {
            warn.accept(step.what() + " not built (" + step.sql() + "): " + e.getMessage());
            return false;
        }
    }

    /** Runs the statement; a failure leaves the target's transaction usable and is thrown. */
    void execute(String sql) throws SQLException {
        boolean inTransaction = !target.getAutoCommit();
        try (Statement s = target.createStatement()) {
            if (inTransaction) {
                s.execute("SAVEPOINT post_data");
            }
            try {
                s.execute(sql);
            } catch (SQLException e) {
                if (inTransaction) {
                    s.execute("ROLLBACK TO SAVEPOINT post_data");
                }
                throw e;
            }
            if (inTransaction) {
                s.execute("RELEASE SAVEPOINT post_data");
            }
        }
    }
}
