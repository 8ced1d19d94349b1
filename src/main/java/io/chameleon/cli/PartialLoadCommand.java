package io.chameleon.cli;

import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;

/**
 * sync_tables and refresh_schema: they copy some tables into a source that init_replica has
 * copied and no replica runs, which is {@code syncing} meanwhile and {@code synced} after.
 */
abstract class PartialLoadCommand extends LoadCommand {

    PartialLoadCommand(String[] args) {
        super(args);
    }

    @Override
    SourceStatus during() {
        return SourceStatus.SYNCING;
    }

    @Override
    void requireStatus(SourceRecord record) {
        switch (record.status()) {
            case INITIALISED, STOPPED, SYNCED -> {
            }
            case READY -> throw new CommandFailure(ExitCode.REFUSED, "source " + record.name() + " has not been copied;"
                    + " run init_replica --source " + record.name() + " first");
            case ERROR -> throw new CommandFailure(ExitCode.REFUSED, "source " + record.name() + " is in error; see"
                    + " show_errors, clear it with enable_replica --source " + record.name() + ", then run " + name());
            default -> throw new CommandFailure(ExitCode.REFUSED, "source " + record.name() + " is "
                    + record.status().label() + "; " + name() + " needs it initialised, stopped or synced");
        }
    }
}
