package io.chameleon.cli;

import io.chameleon.catalog.SourceTransition;
import io.chameleon.catalog.Catalog;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.LoadScope;
import picocli.CommandLine.Command;

import java.sql.SQLException;

@Command(name = "refresh_schema", description = "Copy every table of one MySQL schema of an initialised source"
        + " again (--schema), while the replica is stopped.")
final class RefreshSchemaCommand extends PartialLoadCommand {

    RefreshSchemaCommand(String[] args) {
        super(args);
    }

    @Override
    SourceTransition transition() {
        return SourceTransition.REFRESH_SCHEMA;
    }

    @Override
    LoadScope scope(Catalog catalog, int sourceId, SourceConfig source) throws SQLException {
        if (opts.schema == null || opts.schema.isBlank()) {
            throw new CommandFailure(ExitCode.USAGE, "refresh_schema needs --schema with a MySQL schema of source "
                    + source.name() + " " + source.schemaMappings().keySet());
        }
        if (!source.schemaMappings().containsKey(opts.schema)) {
            throw new CommandFailure(ExitCode.USAGE, "--schema " + opts.schema + " is not a schema of source "
                    + source.name() + "; its schema_mappings map " + source.schemaMappings().keySet());
        }
        if (!catalog.mappings().of(sourceId).containsKey(opts.schema)) {
            throw new CommandFailure(ExitCode.REFUSED, "MySQL schema " + opts.schema + " is in the configuration's"
                    + " schema_mappings of source " + source.name() + " but not in the catalogue's: run"
                    + " update_schema_mappings --source " + source.name() + " first");
        }
        return LoadScope.schema(opts.schema);
    }
}
