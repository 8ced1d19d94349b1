package io.chameleon.cli;

import io.chameleon.alert.AlertLevel;
import io.chameleon.alert.Alerts;
import io.chameleon.alert.RollbarSettings;
import io.chameleon.catalog.BuildVersion;
import io.chameleon.catalog.Catalog;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.SourceConfig;
import io.chameleon.pg.PgConnector;
import picocli.CommandLine.Mixin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/** What every command shares: pg_chameleon's options, the configuration, the target connection. */
abstract class ChameleonCommand implements Callable<Integer> {
    @Mixin
    CommonOptions opts;

    Io io;
    private ChameleonConfig config;

    /** Runs the command; a {@link CommandFailure} or exception becomes the exit code and one line. */
    abstract ExitCode execute() throws Exception;

    /** Commands that run long log at info level; the others show only warnings. */
    void configureLogging() {
        LogSetup.quiet();
    }

    @Override
    public Integer call() throws Exception {
        try {
            // refused before anything runs, as a usage error; config() reads it again for the sender
            AlertLevel.parse(opts.rollbarLevel);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
        try {
            configureLogging();
        } catch (RuntimeException e) {
            // a configuration that cannot be read: told as one line, not with the logger's default debug output
            LogSetup.quiet();
            throw e;
        }
        return execute().code;
    }

    ChameleonConfig config() {
        if (config == null) {
            config = ConfigLoader.load(opts.config);
            LogSetup.configured(config);
            if (config.global().rollbarEnabled()) {
                Alerts.start(new RollbarSettings(config.global().rollbarKey(), config.global().rollbarEnv(),
                        config.global().rollbarEndpoint(), AlertLevel.parse(opts.rollbarLevel), config.name(),
                        host(), BuildVersion.current(), LogSetup.secrets()));
            }
        }
        return config;
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown host";
        }
    }

    /** The --source named, or the only source of the file when there is just one. */
    SourceConfig source() {
        if (opts.source == null) {
            if (config().sources().size() == 1) {
                return config().sources().values().iterator().next();
            }
            throw new CommandFailure(ExitCode.USAGE, "name the source with --source; " + config().file() + " has: "
                    + String.join(", ", config().sourceNames()));
        }
        return config().source(opts.source);
    }

    PgConnector pg() {
        return new PgConnector(config().pgConn());
    }

    /** A connection to the target with the catalogue checked to be ours and current. */
    Connection openCatalogConnection() throws SQLException {
        Connection c = pg().open();
        try {
            Catalog.open(c);
            return c;
        } catch (RuntimeException | SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Asks the user to type YES, as pg_chameleon does, unless --yes was given. */
    boolean confirmed(String question) {
        if (opts.yes) {
            return true;
        }
        io.out().print(question + " Type YES to go on: ");
        io.out().flush();
        java.io.Console console = System.console();
        String answer = console != null ? console.readLine() : readLine();
        return "YES".equals(answer == null ? null : answer.trim());
    }

    private static String readLine() {
        try {
            StringBuilder b = new StringBuilder();
            int ch;
            while ((ch = System.in.read()) != -1 && ch != '\n') {
                b.append((char) ch);
            }
            return ch == -1 && b.length() == 0 ? null : b.toString();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
