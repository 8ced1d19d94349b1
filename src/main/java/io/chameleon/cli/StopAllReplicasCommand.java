package io.chameleon.cli;

import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "stop_all_replicas", description = "Stop the running replica of every source of the configuration.")
final class StopAllReplicasCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        List<String> sources = List.copyOf(config().sourceNames());
        boolean stopped = ReplicaStop.stop(sources, config().name(), config().global().pidDir(), io.out());
        if (!stopped) {
            throw new CommandFailure(ExitCode.FAILED, "stop_all_replicas: some replicas are still running");
        }
        return ExitCode.OK;
    }
}
