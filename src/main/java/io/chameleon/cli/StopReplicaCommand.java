package io.chameleon.cli;

import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "stop_replica", description = "Stop the source's running replica after the batch it is applying.")
final class StopReplicaCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        boolean stopped = ReplicaStop.stop(List.of(source().name()), config().name(), config().global().pidDir(), io.out());
        if (!stopped) {
            throw new CommandFailure(ExitCode.FAILED, "stop_replica: the replica of source " + source().name()
                    + " is still running");
        }
        return ExitCode.OK;
    }
}
