package io.chameleon.alert;

/**
 * One event for Rollbar: its level, a title naming the source and what happened (the table, the
 * binlog position), more text, and the failure whose stack trace goes with it, if any.
 *
 * @param source the source's name, or null for an event of the whole configuration
 * @param detail more text under the title, or null
 * @param failure the failure whose stack trace is sent, or null
 */
public record Alert(AlertLevel level, String source, String title, String detail, Throwable failure) {

    public static Alert info(String source, String title, String detail) {
        return new Alert(AlertLevel.INFO, source, title, detail, null);
    }

    public static Alert warning(String source, String title, String detail) {
        return new Alert(AlertLevel.WARNING, source, title, detail, null);
    }

    public static Alert error(String source, String title, String detail) {
        return new Alert(AlertLevel.ERROR, source, title, detail, null);
    }

    public static Alert error(String source, String title, Throwable failure) {
        return new Alert(AlertLevel.ERROR, source, title, null, failure);
    }

    public static Alert critical(String source, String title, Throwable failure) {
        return new Alert(AlertLevel.CRITICAL, source, title, null, failure);
    }
}
