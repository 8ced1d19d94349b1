package io.chameleon.cli;

import io.chameleon.catalog.SourceTransition;
import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.LoadScope;
import io.chameleon.schema.TableName;
import picocli.CommandLine.Command;

import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

@Command(name = "sync_tables", description = "Copy some tables of an initialised source again (--tables"
        + " schema.table,... or disabled), while the replica is stopped.")
final class SyncTablesCommand extends PartialLoadCommand {
    /** pg_chameleon's special name: every table replay has left out (on_error_replay, a change it could not follow). */
    static final String DISABLED = "disabled";

    SyncTablesCommand(String[] args) {
        super(args);
    }

    @Override
    SourceTransition transition() {
        return SourceTransition.SYNC_TABLES;
    }

    @Override
    LoadScope scope(Catalog catalog, int sourceId, SourceConfig source) throws SQLException {
        if (opts.tables == null || opts.tables.isBlank()) {
            throw new CommandFailure(ExitCode.USAGE, "sync_tables needs --tables schema.table[,schema.table...] or"
                    + " --tables disabled");
        }
        Set<TableName> tables = new TreeSet<>();
        if (opts.tables.strip().equalsIgnoreCase(DISABLED)) {
            for (ReplicatedTable t : catalog.tables().list(sourceId)) {
                if (!t.replicated() && !ReplicatedTable.NO_REPLICA_KEY.equals(t.notReplicatedReason())) {
                    tables.add(t.mysqlName());
                }
            }
            if (tables.isEmpty()) {
                throw new CommandFailure(ExitCode.REFUSED, "source " + source.name() + " has no disabled table to copy"
                        + " (show_status --source " + source.name() + " lists them)");
            }
            return LoadScope.tables(tables);
        }
        return LoadScope.tables(opts.tableNames());
    }
}
