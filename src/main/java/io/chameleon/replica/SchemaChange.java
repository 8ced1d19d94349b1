package io.chameleon.replica;

import io.chameleon.apply.ApplyTarget;
import io.chameleon.binlog.SchemaFollower;
import io.chameleon.ddl.DdlOutcome;
import io.chameleon.schema.TableName;

import java.util.Map;

/**
 * A followed statement (or a table that stops replicating) as the reader hands it to the applier,
 * in binlog order between transactions: applied alone, with its position when it has one.
 *
 * @param statement the MySQL statement and its place in the binlog; its sql is null for a table map
 *     that contradicts the tracked columns
 * @param targets the apply targets of every table the tracked definitions replicate afterwards
 * @param error for a table that stops for a mismatch: the message error_log keeps; else null
 */
record SchemaChange(SchemaFollower.Statement statement, DdlOutcome outcome, Map<TableName, ApplyTarget> targets,
        String error) {

    SchemaChange {
        targets = Map.copyOf(targets);
    }

    /** What the change is, for messages. */
    String describe() {
        return statement.sql() != null ? "the statement at " + statement.at() + " (" + statement.sql() + ")"
                : "the table map at " + statement.at();
    }
}
