package io.chameleon.cli;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.SchemaCopy;
import picocli.CommandLine.Command;

import java.sql.Connection;

@Command(name = "copy_schema", description = "Build the source's tables, indexes and foreign keys in PostgreSQL"
        + " without their rows, for a source that is not replicated.")
final class CopySchemaCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        SourceConfig source = source();
        if (source.keepExistingSchema()) {
            throw new CommandFailure(ExitCode.USAGE, "source " + source.name() + " has keep_existing_schema: Yes, which"
                    + " keeps the PostgreSQL tables as they are; copy_schema builds new ones: set it to No to use it");
        }
        try (Connection c = openCatalogConnection()) {
            SourceStatus status = Catalog.open(c).sources().get(source.name()).status();
            if (status != SourceStatus.READY) {
                throw new CommandFailure(ExitCode.REFUSED, "source " + source.name() + " is " + status.label() + ":"
                        + " copy_schema replaces " + source.schemaMappings().values() + " with empty tables, which would"
                        + " end its replica; it is for a source not copied yet (status ready)");
            }
        }
        SchemaCopy.Result r = new SchemaCopy(config(), source).run();
        r.warnings().forEach(w -> io.out().println("warning: " + w));
        io.out().println("copy_schema of source " + source.name() + " done: " + r.tables() + " tables and "
                + r.foreignKeys() + " foreign keys built in " + source.schemaMappings().values() + ", without rows; "
                + r.warnings().size() + " warnings");
        return ExitCode.OK;
    }
}
