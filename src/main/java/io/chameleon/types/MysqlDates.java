package io.chameleon.types;

/** Sorts MySQL's {@code YYYY-MM-DD...} text into what PostgreSQL can and cannot store. */
final class MysqlDates {
    enum Kind {
        /** a real calendar date */
        VALID,
        /** year, month or day 0: '0000-00-00', '2020-00-15', '0000-01-01' */
        ZERO,
        /** a day the month does not have, stored by MySQL under ALLOW_INVALID_DATES: '2020-02-30' */
        INVALID,
        /** not MySQL's date text at all */
        MALFORMED
    }

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private MysqlDates() {}

    static Kind classify(byte[] v) {
        if (v.length < 10 || v[4] != '-' || v[7] != '-') {
            return Kind.MALFORMED;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        if (year < 0 || month < 0 || day < 0 || month > 12) {
            return Kind.MALFORMED;
        }
        if (year == 0 || month == 0 || day == 0) {
            return Kind.ZERO;
        }
        return day <= daysInMonth(year, month) ? Kind.VALID : Kind.INVALID;
    }

    private static int daysInMonth(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** The number in v[from, from+count), or -1 when a byte is not a digit. */
    private static int digits(byte[] v, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            int d = v[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }
}
