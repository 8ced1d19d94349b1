package io.chameleon.cli;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.LoadScope;
import picocli.CommandLine.Command;

@Command(name = "init_replica", description = "Copy every table of the source into PostgreSQL from one consistent snapshot.")
final class InitReplicaCommand extends LoadCommand {

    InitReplicaCommand(String[] args) {
        super(args);
    }

    @Override
    String name() {
        return "init_replica";
    }

    @Override
    SourceStatus during() {
        return SourceStatus.INITIALISING;
    }

    /** Any status but running or copying: init_replica starts the source over. */
    @Override
    void requireStatus(SourceRecord record) {
    }

    @Override
    LoadScope scope(Catalog catalog, int sourceId, SourceConfig source) {
        return LoadScope.ALL;
    }
}
