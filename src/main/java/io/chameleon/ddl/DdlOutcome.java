package io.chameleon.ddl;

import io.chameleon.schema.TableName;

import java.util.List;

/**
 * What a MySQL statement means for the replica: the PostgreSQL statements to run (in one
 * transaction with the statement's binlog position), the tracked tables afterwards, and what
 * happened to each table; or, for a statement that is not followed, the reason it is skipped.
 *
 * @param statements PostgreSQL statements in order; empty when there is nothing to run
 * @param tables the tracked tables after the statement (the same as before when skipped)
 * @param warnings things the user should know, each naming the table and column
 * @param skipReason why the statement is not followed, or null when it is
 */
public record DdlOutcome(List<String> statements, TrackedTables tables, List<TableChange> changes,
        List<String> warnings, String skipReason) {

    public DdlOutcome {
        statements = List.copyOf(statements);
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    static DdlOutcome skipped(TrackedTables tables, String reason, List<TableChange> changes, List<String> warnings) {
        return new DdlOutcome(List.of(), tables, changes, warnings, reason);
    }

    public boolean skipped() {
        return skipReason != null;
    }

    public List<TableName> startsReplicating() {
        return of(TableChange.Kind.STARTS_REPLICATING);
    }

    public List<TableName> stopsReplicating() {
        return of(TableChange.Kind.STOPS_REPLICATING);
    }

    private List<TableName> of(TableChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).map(TableChange::table).toList();
    }
}
