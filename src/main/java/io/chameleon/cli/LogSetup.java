package io.chameleon.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.GlobalSettings;
import io.chameleon.config.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Configures logging from the global settings: daily files in {@code log_dir} kept
 * {@code log_days_keep} days, or the console for {@code log_dest: stdout} and {@code --debug}.
 * Every line has the configuration's secrets masked, and java.util.logging (the binlog library's)
 * goes the same way.
 */
final class LogSetup {
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{0}: %msg%n";

    /** Known once the configuration is read; a command fails before that only with messages of its own. */
    private static volatile Secrets secrets = Secrets.NONE;
    private static volatile Path logDir;
    /** The file the log goes to, or null while it goes to the console. */
    private static volatile Path file;

    private LogSetup() {}

    /** Masks {@code config}'s secrets from now on; an unexpected failure is logged to its log_dir. */
    static void configured(ChameleonConfig config) {
        secrets = Secrets.of(config);
        logDir = config.global().logDir();
    }

    static Secrets secrets() {
        return secrets;
    }

    /**
     * Where an unexpected failure's stack trace goes, off the terminal: the log file, or while the
     * log goes to the console, {@code chameleon-failures.log} in log_dir (the temporary directory
     * before the configuration is read). Logging goes only there from now on.
     *
     * @return the file, or null when none can be written
     */
    static Path failureFile() {
        if (file != null) {
            return file;
        }
        try {
            Path dir = logDir != null ? logDir : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(dir);
            Path failures = dir.resolve("chameleon-failures.log");
            LoggerContext ctx = reset();
            FileAppender<ILoggingEvent> a = new FileAppender<>();
            a.setContext(ctx);
            a.setFile(failures.toString());
            a.setEncoder(encoder(ctx, PATTERN));
            a.start();
            attach(ctx, a, Level.ERROR);
            file = failures;
            return failures;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Logs of commands that do not run long go to the console only (warnings and errors). */
    static void quiet() {
        LoggerContext ctx = reset();
        attach(ctx, console(ctx, "%-5level %msg%n"), Level.WARN);
    }

    static void console(GlobalSettings g, boolean debug) {
        LoggerContext ctx = reset();
        attach(ctx, console(ctx, PATTERN), debug ? Level.DEBUG : level(g));
    }

    /** @return the file the log is written to */
    static Path file(GlobalSettings g, String name) {
        LoggerContext ctx = reset();
        Path file = g.logDir().resolve(name + ".log");
        RollingFileAppender<ILoggingEvent> a = new RollingFileAppender<>();
        a.setContext(ctx);
        a.setFile(file.toString());
        TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(a);
        policy.setFileNamePattern(g.logDir().resolve(name + "-%d{yyyy-MM-dd}.log").toString());
        policy.setMaxHistory(g.logDaysKeep());
        policy.start();
        a.setRollingPolicy(policy);
        a.setEncoder(encoder(ctx, PATTERN));
        a.start();
        attach(ctx, a, level(g));
        LogSetup.file = file;
        return file;
    }

    private static LoggerContext reset() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        file = null;
        if (!SLF4JBridgeHandler.isInstalled()) {
            // java.util.logging's own console handler would print the binlog library's lines in its format
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        // java.util.logging levels follow ours, so what is not logged is not even formatted
        LevelChangePropagator levels = new LevelChangePropagator();
        levels.setContext(ctx);
        levels.setResetJUL(true);
        levels.start();
        ctx.addListener(levels);
        return ctx;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext ctx, String pattern) {
        ConsoleAppender<ILoggingEvent> a = new ConsoleAppender<>();
        a.setContext(ctx);
        a.setTarget("System.err");
        a.setEncoder(encoder(ctx, pattern));
        a.start();
        return a;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext ctx, String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(ctx);
        layout.setPattern(pattern);
        MaskingLayout masking = new MaskingLayout(layout, LogSetup::secrets);
        masking.setContext(ctx);
        masking.start();
        LayoutWrappingEncoder<ILoggingEvent> e = new LayoutWrappingEncoder<>();
        e.setContext(ctx);
        e.setLayout(masking);
        e.start();
        return e;
    }

    private static void attach(LoggerContext ctx, OutputStreamAppender<ILoggingEvent> a, Level level) {
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        root.addAppender(a);
        // the drivers are chatty at debug level and say nothing a user needs
        ctx.getLogger("org.mariadb").setLevel(Level.INFO);
        ctx.getLogger("org.postgresql").setLevel(Level.INFO);
    }

    private static Level level(GlobalSettings g) {
        return switch (g.logLevel()) {
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARNING -> Level.WARN;
            case ERROR -> Level.ERROR;
        };
    }
}
