package io.chameleon.config;

import java.nio.file.Path;

/** The global keys: where pid files and logs go, how much is logged, and where alerts go. */
public record GlobalSettings(
        Path pidDir,
        Path logDir,
        LogDest logDest,
        LogLevel logLevel,
        int logDaysKeep,
        String rollbarKey,
        String rollbarEnv,
        java.net.URI rollbarEndpoint) {

    public enum LogDest { FILE, STDOUT }

    public enum LogLevel { DEBUG, INFO, WARNING, ERROR }

    /** Events go to Rollbar when both its key and its environment are set. */
    public boolean rollbarEnabled() {
        return rollbarKey != null && rollbarEnv != null;
    }

    /** The rollbar key is a secret: never print it. */
    @Override
    public String toString() {
        return "GlobalSettings[pidDir=" + pidDir + ", logDir=" + logDir + ", logDest=" + logDest
                + ", logLevel=" + logLevel + ", logDaysKeep=" + logDaysKeep + ", rollbarEnv=" + rollbarEnv
                + ", rollbarEndpoint=" + rollbarEndpoint + "]";
    }
}
