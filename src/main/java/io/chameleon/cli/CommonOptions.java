package io.chameleon.cli;

import picocli.CommandLine.Option;

/**
 * pg_chameleon's options. As in pg_chameleon, every command accepts all of them, so existing
 * scripts keep working; each command uses the ones that concern it.
 */
final class CommonOptions {
    @Option(names = "--config", defaultValue = "default", paramLabel = "NAME|FILE",
            description = "configuration in ~/.pg_chameleon/configuration/NAME.yml, or a file path (default: ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--source", paramLabel = "NAME", description = "a source of the configuration")
    String source;

    @Option(names = "--schema", paramLabel = "NAME", description = "a schema of the source")
    String schema;

    @Option(names = "--tables", paramLabel = "SCHEMA.TABLE[,...]", description = "tables of the source")
    String tables;

    @Option(names = "--logid", paramLabel = "ID", description = "an error log entry, for show_errors")
    Long logid;

    @Option(names = "--debug", description = "stay in the foreground and log to the console at debug level")
    boolean debug;

    @Option(names = "--rollbar-level", paramLabel = "LEVEL", description = "accepted for compatibility; Chameleon does not send to rollbar")
    String rollbarLevel;

    @Option(names = "--full", description = "for run_maintenance")
    boolean full;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Option(names = {"--yes", "-y"}, description = "answer yes to confirmations (for scripts)")
    boolean yes;

    @Option(names = {"--help", "-h"}, usageHelp = true, description = "show this command's options and exit")
    boolean help;
}
