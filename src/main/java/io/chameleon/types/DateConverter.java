package io.chameleon.types;

import io.chameleon.config.SourceConfig.ZeroDatePolicy;

import java.nio.charset.StandardCharsets;

/**
 * DATE, DATETIME and TIMESTAMP: MySQL's text is already PostgreSQL's ISO input; TIMESTAMP is read
 * in UTC and gets an explicit {@code +00}. Dates PostgreSQL cannot hold follow zero_dates.
 */
final class DateConverter implements ColumnConverter {
    private static final byte[] UTC = "+00".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MINUS_INFINITY = "-infinity".getBytes(StandardCharsets.US_ASCII);

    private final ColumnRef column;
    private final boolean utc;
    private final boolean notNull;
    private final ZeroDatePolicy zeroDates;

    DateConverter(ColumnRef column, boolean utc, boolean notNull, ZeroDatePolicy zeroDates) {
        this.column = column;
        this.utc = utc;
        this.notNull = notNull;
        this.zeroDates = zeroDates;
    }

    @Override
    public void write(byte[] v, CopyTextBuffer out, ConversionReport report) throws BadValueException {
        MysqlDates.Kind kind = MysqlDates.classify(v);
        if (kind == MysqlDates.Kind.VALID) {
            out.writeAscii(v);
            if (utc) {
                out.writeAscii(UTC);
            }
            return;
        }
        if (kind == MysqlDates.Kind.MALFORMED) {
            throw new BadValueException(column, v, "is not MySQL's date text (YYYY-MM-DD...)",
                    "read the column through TextSelect.expression so that MySQL sends its text");
        }
        boolean zero = kind == MysqlDates.Kind.ZERO;
        String what = zero ? "is a zero or partly-zero date" : "is not a calendar date (stored under ALLOW_INVALID_DATES)";
        switch (zeroDates) {
            case NULL -> {
                if (notNull) {
                    throw new BadValueException(column, v, what + " and the column is NOT NULL, so zero_dates: null cannot "
                            + "store it", "set zero_dates: infinity under the source to keep the row");
                }
                out.writeNull();
                report.record(column, zero ? Adjustment.ZERO_DATE_TO_NULL : Adjustment.INVALID_DATE_TO_NULL);
            }
            case INFINITY -> {
                out.writeAscii(MINUS_INFINITY);
                report.record(column, zero ? Adjustment.ZERO_DATE_TO_MINUS_INFINITY : Adjustment.INVALID_DATE_TO_MINUS_INFINITY);
            }
            case DISCARD -> throw new BadValueException(column, v, what + ", which PostgreSQL cannot store",
                    "set zero_dates: null or zero_dates: infinity under the source to keep the row");
        }
    }
}
