package io.chameleon.copy;

/** Where a row that cannot be loaded goes: recorded with its key and the reason, never dropped silently. */
public interface DiscardSink {
    /**
     * @param key the row's replica key as text ({@code col=value, ...}), or the whole row when the table has none
     * @param column the column that was refused, when known
     * @param rowImage the row as it was sent to COPY (text format), for the user to inspect
     */
    void discard(TablePlan table, String key, String column, String reason, String rowImage);
}
