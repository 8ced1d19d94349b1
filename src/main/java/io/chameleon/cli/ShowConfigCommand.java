package io.chameleon.cli;

import io.chameleon.config.ConfigPrinter;
import picocli.CommandLine.Command;

@Command(name = "show_config", description = "Print the configuration with every default filled in (passwords masked).")
final class ShowConfigCommand extends ChameleonCommand {
    @Override
    ExitCode execute() {
        io.out().print(opts.json ? ConfigPrinter.configJson(config()) + "\n" : ConfigPrinter.configText(config()));
        return ExitCode.OK;
    }
}
