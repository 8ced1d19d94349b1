package io.chameleon.replica;

import io.chameleon.testing.SourceSql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * Money moving between accounts in MySQL, one move a transaction, on {@code accounts (id, balance,
 * logged)} and {@code ledger (id, from_id, to_id, amount)}. Every move keeps two sums: the balances
 * add up to {@link #TOTAL}, and the accounts' logged amounts to the amounts in the ledger. A view of
 * part of a move breaks one of them. One instance per writer thread and connection.
 */
final class Transfers {
    static final int ACCOUNTS = 40;
    static final BigDecimal TOTAL = new BigDecimal("1000.00").multiply(BigDecimal.valueOf(ACCOUNTS));
    /** InnoDB's deadlock victim: the move is rolled back and tried again. */
    private static final String DEADLOCK = "40001";

    private final Random random;
    /** Ledger rows this writer inserted and has not archived yet: id, from_id, amount. */
    private final Deque<Object[]> ownLedgerRows = new ArrayDeque<>();
    /** What the move being tried did to this writer's ledger rows, kept only once it commits. */
    private Object[] inserted;
    private boolean archived;

    Transfers(long seed) {
        this.random = new Random(seed);
    }

    static String[] schema() {
        return new String[] {
            "CREATE TABLE accounts (id INT PRIMARY KEY, balance DECIMAL(12,2) NOT NULL, logged DECIMAL(12,2) NOT NULL)"
                    + " ENGINE=InnoDB",
            "CREATE TABLE ledger (id BIGINT AUTO_INCREMENT PRIMARY KEY, from_id INT NOT NULL, to_id INT NOT NULL,"
                    + " amount DECIMAL(12,2) NOT NULL) ENGINE=InnoDB",
            "INSERT INTO accounts SELECT seq, 1000.00, 0 FROM " + SourceSql.seq(ACCOUNTS)};
    }

    /** One random move, committed. */
    void move(Connection c) throws SQLException {
        int from = 1 + random.nextInt(ACCOUNTS);
        int to = 1 + (from + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(10_000), 2);
        int kind = random.nextInt(4);
        c.setAutoCommit(false);
        while (true) {
            inserted = null;
            archived = false;
            try {
                switch (kind) {
                    case 0 -> transfer(c, from, to, amount);
                    case 1 -> exec(c, "UPDATE accounts SET balance = balance + CASE WHEN id = ? THEN -? ELSE ? END"
                            + " WHERE id IN (?, ?)", from, amount, amount, from, to);
                    case 2 -> loggedTransfer(c, from, to, amount);
                    default -> archiveOrLoggedTransfer(c, from, to, amount);
                }
                c.commit();
                if (inserted != null) {
                    ownLedgerRows.add(inserted);
                }
                if (archived) {
                    ownLedgerRows.removeFirst();
                }
                return;
            } catch (SQLException e) {
                c.rollback();
                if (!DEADLOCK.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    /** Debit and credit in two statements, the lower id first so that concurrent moves do not deadlock. */
    private static void transfer(Connection c, int from, int to, BigDecimal amount) throws SQLException {
        if (from < to) {
            exec(c, "UPDATE accounts SET balance = balance - ? WHERE id = ?", amount, from);
            exec(c, "UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, to);
        } else {
            exec(c, "UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, to);
            exec(c, "UPDATE accounts SET balance = balance - ? WHERE id = ?", amount, from);
        }
    }

    /** A transfer with its ledger row: two tables in one transaction. */
    private void loggedTransfer(Connection c, int from, int to, BigDecimal amount) throws SQLException {
        transfer(c, from, to, amount);
        exec(c, "UPDATE accounts SET logged = logged + ? WHERE id = ?", amount, from);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger (from_id, to_id, amount) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setInt(1, from);
            s.setInt(2, to);
            s.setBigDecimal(3, amount);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                inserted = new Object[] {keys.getLong(1), from, amount};
            }
        }
    }

    /** Deletes the oldest of this writer's ledger rows and takes its amount off the account's logged sum. */
    private void archiveOrLoggedTransfer(Connection c, int from, int to, BigDecimal amount) throws SQLException {
        Object[] row = ownLedgerRows.peekFirst();
        if (row == null) {
            loggedTransfer(c, from, to, amount);
            return;
        }
        exec(c, "DELETE FROM ledger WHERE id = ?", row[0]);
        exec(c, "UPDATE accounts SET logged = logged - ? WHERE id = ?", row[2], row[1]);
        archived = true;
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
