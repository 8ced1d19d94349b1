package io.chameleon.config;

import java.nio.file.Path;

/** The global keys: where pid files and logs go, and how much is logged. */
public record GlobalSettings(
        Path pidDir,
        Path logDir,
        LogDest logDest,
        LogLevel logLevel,
        int logDaysKeep,
        String rollbarKey,
        String rollbarEnv) {

    public enum LogDest { FILE, STDOUT }

    public enum LogLevel { DEBUG, INFO, WARNING, ERROR }

    /** The rollbar key is a secret: never print it. */
    @Override
    public String toString() {
        return "GlobalSettings[pidDir=" + pidDir + ", logDir=" + logDir + ", logDest=" + logDest
                + ", logLevel=" + logLevel + ", logDaysKeep=" + logDaysKeep + "]";
    }
}
