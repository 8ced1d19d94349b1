package io.chameleon.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs catalogue work atomically: in its own transaction on an auto-commit connection, or inside
 * the caller's open transaction otherwise, so the applier can commit a position with its data.
 */
final class Transactions {
    interface Work<T> {
        T run() throws SQLException;
    }

    private Transactions() {}

    static <T> T atomically(Connection c, Work<T> work) throws SQLException {
        if (!c.getAutoCommit()) {
            return work.run();
        }
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (Throwable e) {
            try {
                c.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
