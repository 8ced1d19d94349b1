package io.chameleon.cli;

import io.chameleon.config.ConfigFiles;
import picocli.CommandLine.Command;

import java.nio.file.Path;

@Command(name = "set_configuration_files", description = "Create ~/.pg_chameleon with its directories and the commented config-example.yml.")
final class SetConfigurationFilesCommand extends ChameleonCommand {
    @Override
    ExitCode execute() throws Exception {
        for (ConfigFiles.Step step : ConfigFiles.install(Path.of(System.getProperty("user.home")))) {
            io.out().println(step.describe());
        }
        return ExitCode.OK;
    }
}
