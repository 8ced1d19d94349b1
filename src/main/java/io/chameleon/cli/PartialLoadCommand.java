package io.chameleon.cli;

/**
 * sync_tables and refresh_schema: they copy some tables into a source that init_replica has
 * copied and no replica runs, which is {@code syncing} meanwhile and {@code synced} after.
 */
abstract class PartialLoadCommand extends LoadCommand {

    PartialLoadCommand(String[] args) {
        super(args);
    }
}
