package io.chameleon.cli;

import io.chameleon.config.ConfigPrinter;
import io.chameleon.config.SourceConfig;
import picocli.CommandLine.Command;

import java.util.Collection;
import java.util.List;

@Command(name = "show_sources", description = "Print the sources of the configuration (or one, with --source).")
final class ShowSourcesCommand extends ChameleonCommand {
    @Override
    ExitCode execute() {
        Collection<SourceConfig> sources = opts.source == null ? config().sources().values() : List.of(source());
        io.out().print(opts.json ? ConfigPrinter.sourcesJson(sources) + "\n" : ConfigPrinter.sourcesText(sources));
        return ExitCode.OK;
    }
}
