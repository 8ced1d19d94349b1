package io.chameleon.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import io.chameleon.config.GlobalSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Configures logging from the global settings: daily files in {@code log_dir} kept
 * {@code log_days_keep} days, or the console for {@code log_dest: stdout} and {@code --debug}.
 */
final class LogSetup {
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{0}: %msg%n";

    private LogSetup() {}

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
        return file;
    }

    private static LoggerContext reset() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
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

    private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(pattern);
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
