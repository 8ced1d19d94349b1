package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Decodes the binlog's date and time cells straight into the text MySQL prints for them. The
 * library's own decoding (even as micro longs) loses what has no instant: zero and partial-zero
 * dates, the sign of a negative TIME, YEAR 0000, and it shifts pre-1582 dates to the Julian
 * calendar, so we read the packed fields ourselves (layouts: MySQL's my_time.cc).
 */
final class TemporalText {
    private static final long DATETIMEF_INT_OFS = 0x8000000000L;
    private static final long TIMEF_INT_OFS = 0x800000L;
    private static final long TIMEF_OFS = 0x800000000000L;

    private TemporalText() {}

    static boolean handles(ColumnType type) {
        return switch (type) {
            case DATE, TIME, TIME_V2, DATETIME, DATETIME_V2, TIMESTAMP, TIMESTAMP_V2, YEAR -> true;
            default -> false;
        };
    }

    /** @param meta the column's fractional-second digits for the V2 types */
    static String read(ColumnType type, int meta, ByteArrayInputStream in) throws IOException {
        return switch (type) {
            case YEAR -> {
                int y = in.readInteger(1);
                yield y == 0 ? "0000" : Integer.toString(1900 + y);
            }
            case DATE -> {
                int v = in.readInteger(3);
                yield date(v >> 9, (v >> 5) & 15, v & 31);
            }
            case DATETIME -> {
                long v = in.readLong(8);
                yield date((int) (v / 10_000_000_000L), (int) (v / 100_000_000L % 100), (int) (v / 1_000_000L % 100))
                        + " " + clock(false, v / 10_000 % 100, v / 100 % 100, v % 100, 0, 0);
            }
            case TIMESTAMP -> epochText(in.readLong(4), 0, 0);
            case TIMESTAMP_V2 -> epochText(bigEndian(in.read(4)), fraction(meta, in), meta);
            case TIME -> {
                // the old format: a signed little-endian ±HHMMSS integer
                int v = (in.readInteger(3) << 8) >> 8;
                int a = Math.abs(v);
                yield clock(v < 0, a / 10_000, a / 100 % 100, a % 100, 0, 0);
            }
            case DATETIME_V2 -> {
                long packed = packed(bigEndian(in.read(5)) - DATETIMEF_INT_OFS, meta, in);
                long ymdhms = packed >> 24;
                long ymd = ymdhms >> 17;
                long ym = ymd >> 5;
                long hms = ymdhms % (1 << 17);
                yield date((int) (ym / 13), (int) (ym % 13), (int) (ymd % 32)) + " "
                        + clock(false, hms >> 12, (hms >> 6) % 64, hms % 64, packed % (1 << 24), meta);
            }
            case TIME_V2 -> {
                long packed = meta >= 5 ? bigEndian(in.read(6)) - TIMEF_OFS
                        : packed(bigEndian(in.read(3)) - TIMEF_INT_OFS, meta, in);
                boolean negative = packed < 0;
                long a = Math.abs(packed);
                long hms = a >> 24;
                yield clock(negative, (hms >> 12) % 1024, (hms >> 6) % 64, hms % 64, a % (1 << 24), meta);
            }
            default -> throw new IllegalArgumentException(type + " is not a date or time type");
        };
    }

    /** (integer part << 24) + microseconds, the fraction borrowed from the integer part when negative. */
    private static long packed(long intPart, int meta, ByteArrayInputStream in) throws IOException {
        if (meta == 0) {
            return intPart << 24;
        }
        int bytes = (meta + 1) / 2;
        long frac = bigEndian(in.read(bytes));
        if (intPart < 0 && frac != 0) {
            intPart++;
            frac -= 1L << (8 * bytes);
        }
        return (intPart << 24) + frac * (bytes == 1 ? 10_000 : bytes == 2 ? 100 : 1);
    }

    private static long fraction(int meta, ByteArrayInputStream in) throws IOException {
        int bytes = (meta + 1) / 2;
        return bytes == 0 ? 0 : bigEndian(in.read(bytes)) * (bytes == 1 ? 10_000 : bytes == 2 ? 100 : 1);
    }

    /** TIMESTAMP as the server prints it in a UTC session; 0 is the zero timestamp. */
    private static String epochText(long seconds, long micros, int digits) {
        if (seconds == 0 && micros == 0) {
            return "0000-00-00 00:00:00" + (digits == 0 ? "" : "." + "0".repeat(digits));
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        return date(t.getYear(), t.getMonthValue(), t.getDayOfMonth()) + " "
                + clock(false, t.getHour(), t.getMinute(), t.getSecond(), micros, digits);
    }

    private static String date(int year, int month, int day) {
        return String.format("%04d-%02d-%02d", year, month, day);
    }

    /** [-]HH:MM:SS[.ffffff] with as many fraction digits as the column declares. */
    private static String clock(boolean negative, long h, long m, long s, long micros, int digits) {
        String text = (negative ? "-" : "") + String.format("%02d:%02d:%02d", h, m, s);
        if (digits == 0) {
            return text;
        }
        return text + "." + String.format("%06d", micros).substring(0, digits);
    }

    private static long bigEndian(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }
}
