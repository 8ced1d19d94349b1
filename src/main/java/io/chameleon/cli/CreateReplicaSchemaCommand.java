package io.chameleon.cli;

import io.chameleon.catalog.CatalogMigrations;
import io.chameleon.catalog.MigrationReport;
import picocli.CommandLine.Command;

import java.sql.Connection;

@Command(name = "create_replica_schema", description = "Create the replica catalogue (schema sch_chameleon) in the target database.")
final class CreateReplicaSchemaCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        try (Connection c = pg().open()) {
            MigrationReport r = new CatalogMigrations(c).create();
            io.out().println(r.changed()
                    ? "created the replica catalogue sch_chameleon (version " + r.toVersion() + ") in " + config().pgConn().describe()
                    : "the replica catalogue sch_chameleon is already at version " + r.toVersion() + " in "
                            + config().pgConn().describe() + "; nothing to do");
        }
        return ExitCode.OK;
    }
}
