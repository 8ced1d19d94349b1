package io.chameleon.cli;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceTransition;
import picocli.CommandLine.Command;

import java.net.InetAddress;
import java.sql.Connection;

@Command(name = "drop_source", description = "Remove a source from the replica catalogue (asks for confirmation; --yes for scripts).")
final class DropSourceCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        String name = source().name();
        try (Connection c = openCatalogConnection()) {
            Catalog catalog = Catalog.open(c);
            catalog.sources().id(name);
            if (!confirmed("This removes source " + name + " and its replica state from the catalogue."
                    + " The replicated schemas stay.")) {
                throw new CommandFailure(ExitCode.REFUSED, "not confirmed; source " + name + " kept");
            }
            catalog.sources().drop(name, SourceTransition.DROP_SOURCE, InetAddress.getLocalHost().getHostName());
        }
        io.out().println("dropped source " + name);
        return ExitCode.OK;
    }
}
