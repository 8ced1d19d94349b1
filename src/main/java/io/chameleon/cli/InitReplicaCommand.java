package io.chameleon.cli;

import io.chameleon.catalog.Catalog;
import io.chameleon.catalog.SourceTransition;
import io.chameleon.config.SourceConfig;
import io.chameleon.copy.LoadScope;
import picocli.CommandLine.Command;

@Command(name = "init_replica", description = "Copy every table of the source into PostgreSQL from one consistent snapshot.")
final class InitReplicaCommand extends LoadCommand {

    InitReplicaCommand(String[] args) {
        super(args);
    }

    /** Any status, with no other process holding the source: init_replica starts the source over. */
    @Override
    SourceTransition transition() {
        return SourceTransition.INIT_REPLICA;
    }

    @Override
    LoadScope scope(Catalog catalog, int sourceId, SourceConfig source) {
        return LoadScope.ALL;
    }
}
