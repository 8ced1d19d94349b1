package io.chameleon.cli;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceStatus;
import picocli.CommandLine.Command;

import java.sql.Connection;

@Command(name = "enable_replica", description = "Clear a source's error state (error becomes stopped).")
final class EnableReplicaCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        String name = source().name();
        try (Connection c = openCatalogConnection()) {
            Catalog catalog = Catalog.open(c);
            SourceStatus was = catalog.lifecycle().enable(name);
            io.out().println(was == SourceStatus.ERROR ? "source " + name + " enabled: status is now stopped"
                    : "source " + name + " is " + was.label() + ", not in error; nothing changed");
        }
        return ExitCode.OK;
    }
}
