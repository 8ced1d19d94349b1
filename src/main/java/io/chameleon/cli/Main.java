package io.chameleon.cli;

import io.chameleon.alert.Alerts;
import io.chameleon.catalog.BuildVersion;
import io.chameleon.catalog.CatalogException;
import io.chameleon.config.ConfigException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.sql.SQLException;

/** {@code chameleon COMMAND [options]}: pg_chameleon's commands, one class each. */
public final class Main {
    @Command(name = "chameleon", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "MySQL/MariaDB to PostgreSQL replica, with pg_chameleon 2.0's commands and configuration.")
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            // this command line's, so the usage goes to the streams Main.run was given
            throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chameleon " + BuildVersion.current()};
        }
    }

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns its exit code (see {@link ExitCode}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Io io = new Io(out, err);
        CommandLine cli = new CommandLine(new Root());
        for (ChameleonCommand c : new ChameleonCommand[] {new SetConfigurationFilesCommand(), new ShowConfigCommand(),
                new ShowSourcesCommand(), new ShowStatusCommand(), new ShowErrorsCommand(), new CreateReplicaSchemaCommand(),
                new DropReplicaSchemaCommand(), new UpgradeReplicaSchemaCommand(), new AddSourceCommand(),
                new DropSourceCommand(), new CheckCommand(), new InitReplicaCommand(args), new EnableReplicaCommand(),
                new StartReplicaCommand(args), new StopReplicaCommand(), new StopAllReplicasCommand(), new DemoCommand(),
                new RunMaintenanceCommand(), new SyncTablesCommand(args), new RefreshSchemaCommand(args),
                new DetachReplicaCommand(), new UpdateSchemaMappingsCommand(), new CopySchemaCommand(),
                new CompareCommand()}) {
            c.io = io;
            cli.addSubcommand(c);
        }
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, err));
        try {
            return cli.execute(args);
        } finally {
            // a command's last alert ("init_replica failed") is sent before the process ends
            Alerts.stop(Alerts.FLUSH_WAIT);
        }
    }

    /**
     * One line for the user and the documented exit code. A failure the code did not foresee (a bug)
     * goes to the log at ERROR with its stack trace, off the terminal, and the line says where.
     */
    static int handle(Exception e, PrintStream err) {
        ExitCode code = ExitCode.FAILED;
        String message;
        if (e instanceof CommandFailure f) {
            code = f.exit;
            message = f.getMessage();
        } else if (e instanceof ConfigException) {
            code = ExitCode.USAGE;
            message = "configuration: " + e.getMessage();
        } else if (e instanceof CatalogException) {
            code = ExitCode.REFUSED;
            message = e.getMessage();
        } else if (e instanceof java.nio.file.FileSystemException f) {
            message = "cannot use " + f.getFile() + ": " + (f instanceof java.nio.file.NoSuchFileException
                    ? "its directory does not exist" : f instanceof java.nio.file.AccessDeniedException
                    ? "permission denied" : f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
        } else if (e instanceof SQLException s) {
            message = s.getMessage() + (s.getSQLState() == null ? "" : " [SQLSTATE " + s.getSQLState() + "]");
        } else {
            message = unexpected(e);
        }
        LoggerFactory.getLogger(Main.class).debug("command failed", e);
        err.println("chameleon: " + LogSetup.secrets().mask(message));
        return code.code;
    }

    /** Logs the stack trace where the log goes, off the terminal; returns the line for the terminal. */
    private static String unexpected(Exception e) {
        String what = e.getMessage() == null ? e.toString() : e.getMessage();
        java.nio.file.Path file = LogSetup.failureFile();
        if (file == null) {
            return what + " (" + e.getClass().getSimpleName() + "; no log file could be written for its stack trace:"
                    + " rerun with --debug)";
        }
        LoggerFactory.getLogger(Main.class).error("command failed: {}", what, e);
        return what + " (" + e.getClass().getSimpleName() + "; stack trace in " + file + ")";
    }
}
