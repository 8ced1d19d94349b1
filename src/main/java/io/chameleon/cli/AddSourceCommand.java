package io.chameleon.cli;

import io.chameleon.catalog.AddSourceOutcome;
import io.chameleon.catalog.Catalog;
import io.chameleon.config.SourceConfig;
import picocli.CommandLine.Command;

import java.sql.Connection;

@Command(name = "add_source", description = "Register a source of the configuration in the replica catalogue.")
final class AddSourceCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        SourceConfig source = source();
        try (Connection c = openCatalogConnection()) {
            AddSourceOutcome r = Catalog.open(c).sources().add(source);
            io.out().println(r.alreadyPresent() ? "source " + source.name() + " is already in the catalogue; nothing changed"
                    : "added source " + source.name() + " (id " + r.sourceId() + ") with schema mappings "
                            + source.schemaMappings());
        }
        return ExitCode.OK;
    }
}
