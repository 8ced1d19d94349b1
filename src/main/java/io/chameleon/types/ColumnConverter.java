package io.chameleon.types;

/**
 * Writes one column's values as COPY text. Built once per table by {@link ColumnConverters};
 * immutable, so one instance may serve several threads.
 */
@FunctionalInterface
public interface ColumnConverter {
    /**
     * Appends the value (never NULL: the caller writes {@link CopyTextBuffer#writeNull()} itself).
     * On {@link BadValueException} the buffer may hold part of the row: truncate it to the row's start.
     *
     * @param mysqlText the bytes MySQL's text protocol sends for the value (see {@link TextSelect})
     */
    void write(byte[] mysqlText, CopyTextBuffer out, ConversionReport report) throws BadValueException;
}
