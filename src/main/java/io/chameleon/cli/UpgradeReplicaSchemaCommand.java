package io.chameleon.cli;

import io.chameleon.catalog.CatalogMigrations;
import io.chameleon.catalog.MigrationReport;
import picocli.CommandLine.Command;

import java.sql.Connection;

@Command(name = "upgrade_replica_schema", description = "Apply the catalogue migrations this version has and the database has not.")
final class UpgradeReplicaSchemaCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        try (Connection c = pg().open()) {
            MigrationReport r = new CatalogMigrations(c).upgrade();
            io.out().println(r.changed() ? "upgraded the replica catalogue from version " + r.fromVersion() + " to "
                    + r.toVersion() : "the replica catalogue is already at version " + r.toVersion() + "; nothing to do");
        }
        return ExitCode.OK;
    }
}
