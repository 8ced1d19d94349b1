package io.chameleon.cli;

import io.chameleon.catalog.SourceRecord;
import io.chameleon.catalog.SourceStatus;

/** sync_tables and refresh_schema copy tables into a source that init_replica has copied and no replica runs. */
final class PartialLoadStatus {
    private PartialLoadStatus() {
    }

    static void require(SourceRecord record, String command) {
        switch (record.status()) {
            case INITIALISED, STOPPED, SYNCED -> {
            }
            case READY -> throw new CommandFailure(ExitCode.REFUSED, "source " + record.name() + " has not been copied;"
                    + " run init_replica --source " + record.name() + " first");
            case ERROR -> throw new CommandFailure(ExitCode.REFUSED, "source " + record.name() + " is in error; see"
                    + " show_errors, clear it with enable_replica --source " + record.name() + ", then run " + command);
            default -> throw new CommandFailure(ExitCode.REFUSED, "source " + record.name() + " is "
                    + record.status().label() + "; " + command + " needs it initialised, stopped or synced");
        }
    }
}
