package io.chameleon.cli;

import io.chameleon.catalog.CatalogMigrations;
import picocli.CommandLine.Command;

import java.sql.Connection;

@Command(name = "drop_replica_schema", description = "Drop the replica catalogue (asks for confirmation; --yes for scripts).")
final class DropReplicaSchemaCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        if (!confirmed("This drops the replica catalogue sch_chameleon in " + config().pgConn().describe()
                + " with every source's replica state. The replicated schemas stay.")) {
            throw new CommandFailure(ExitCode.REFUSED, "not confirmed; nothing dropped");
        }
        try (Connection c = pg().open()) {
            io.out().println(new CatalogMigrations(c).drop() ? "dropped the replica catalogue sch_chameleon"
                    : "there is no replica catalogue in " + config().pgConn().describe() + "; nothing to do");
        }
        return ExitCode.OK;
    }
}
