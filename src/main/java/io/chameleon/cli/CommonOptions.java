package io.chameleon.cli;

import io.chameleon.schema.TableName;
import picocli.CommandLine.Option;

import java.util.Set;
import java.util.TreeSet;

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

    /** The tables --tables names (MySQL's schema.table names), sorted; empty when it is not given. */
    Set<TableName> tableNames() {
        Set<TableName> names = new TreeSet<>();
        if (tables == null || tables.isBlank()) {
            return names;
        }
        for (String name : tables.split(",")) {
            String n = name.strip();
            int dot = n.indexOf('.');
            if (dot <= 0 || dot == n.length() - 1) {
                throw new CommandFailure(ExitCode.USAGE, "--tables: '" + n + "' is not schema.table (the MySQL names)");
            }
            names.add(new TableName(n.substring(0, dot), n.substring(dot + 1)));
        }
        return names;
    }

    @Option(names = "--logid", paramLabel = "ID", description = "an error log entry, for show_errors")
    Long logid;

    @Option(names = "--debug", description = "stay in the foreground and log to the console at debug level")
    boolean debug;

    @Option(names = "--rollbar-level", paramLabel = "LEVEL", description = "the least important level sent to Rollbar:"
            + " critical, error, warning or info (default: info, everything); see docs/rollbar.md")
    String rollbarLevel;

    @Option(names = "--full", description = "for run_maintenance")
    boolean full;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Option(names = "--repair", description = "for compare: copy the differing rows again from MySQL's snapshot,"
            + " the replica held at the point until the repair commits")
    boolean repair;

    @Option(names = "--repair-max-rows", paramLabel = "N", description = "for compare --repair: a table with more"
            + " than N differing rows is not narrowed down further but copied again whole from the snapshot")
    Long repairMaxRows;

    @Option(names = "--wait", description = "for detach_replica: wait until the replica has applied everything MySQL"
            + " has logged before detaching")
    boolean waitForReplica;

    @Option(names = "--set-read-only", description = "for detach_replica --wait: SET GLOBAL read_only (and"
            + " super_read_only on MySQL) first, so nothing more is written")
    boolean setReadOnly;

    @Option(names = "--compare", description = "for detach_replica --wait: compare before detaching; refuse if different")
    boolean compareFirst;

    @Option(names = "--wait-timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "for detach_replica --wait: how long to wait for the replica to catch up (default 300)")
    int waitTimeout;

    @Option(names = {"--yes", "-y"}, description = "answer yes to confirmations (for scripts)")
    boolean yes;

    @Option(names = {"--help", "-h"}, usageHelp = true, description = "show this command's options and exit")
    boolean help;
}
