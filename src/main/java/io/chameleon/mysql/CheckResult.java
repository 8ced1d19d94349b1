package io.chameleon.mysql;

import io.chameleon.config.Secrets;

import java.util.Objects;

/**
 * The outcome of one preflight check: what was looked at, what was found and, unless it is ok,
 * the exact fix (a statement or a configuration line, always naming the server).
 *
 * @param name short and stable, e.g. {@code binlog_format} or {@code grant RELOAD}
 * @param found what the server or configuration showed
 * @param fix what to do, or empty for an ok result
 */
public record CheckResult(String name, Status status, String found, String fix) {

    public enum Status { OK, WARNING, FAILED }

    public CheckResult {
        Objects.requireNonNull(name);
        Objects.requireNonNull(status);
        Objects.requireNonNull(found);
        fix = fix == null ? "" : fix;
    }

    public static CheckResult ok(String name, String found) {
        return new CheckResult(name, Status.OK, found, "");
    }

    public static CheckResult warning(String name, String found, String fix) {
        return new CheckResult(name, Status.WARNING, found, fix);
    }

    public static CheckResult failed(String name, String found, String fix) {
        return new CheckResult(name, Status.FAILED, found, fix);
    }

    /**
     * A driver message with the password masked wherever it stands whole ({@link Secrets}). Drivers
     * do not normally echo it, but a message that reaches a terminal or a log must never carry it.
     */
    public static String redact(String message, String password, String user) {
        return Secrets.mask(message, password, user);
    }
}
