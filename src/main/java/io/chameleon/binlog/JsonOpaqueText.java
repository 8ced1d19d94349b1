package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.deserialization.AbstractRowsEventDataDeserializer;

import java.util.Base64;

/**
 * The text MySQL prints for an opaque value in a JSON document (a value of an SQL type JSON has no
 * type for, stored with that type's field code): DECIMAL as its number with the declared scale
 * ({@code 3.1400}); DATE, TIME, DATETIME and TIMESTAMP as quoted strings, the times always with six
 * fractional digits ({@code "838:59:59.000000"}); anything else (binary strings, BLOBs, BIT) as
 * {@code "base64:type<code>:<base64>"}, the base64 broken into lines of 76 characters as MySQL's
 * base64_encode does, the line breaks then escaped as {@code \n} in the string.
 */
final class JsonOpaqueText {
    private static final int TIMESTAMP = 7;
    private static final int DATE = 10;
    private static final int TIME = 11;
    private static final int DATETIME = 12;
    private static final int NEWDECIMAL = 246;
    private static final int BASE64_LINE = 76;

    private JsonOpaqueText() {}

    static JsonNode.Scalar of(int fieldType, byte[] data) {
        return switch (fieldType) {
            case NEWDECIMAL -> decimal(data);
            case DATE -> JsonNode.Scalar.string(date(packed(data)));
            case DATETIME, TIMESTAMP -> {
                long packed = packed(data);
                yield JsonNode.Scalar.string(date(packed) + " " + time(Math.abs(packed) >> 24 & 0x1FFFF, packed));
            }
            case TIME -> {
                long packed = packed(data);
                yield JsonNode.Scalar.string((packed < 0 ? "-" : "") + time(Math.abs(packed) >> 24, packed));
            }
            default -> JsonNode.Scalar.string("base64:type" + fieldType + ":" + base64(data));
        };
    }

    /** Precision byte, scale byte, then the number in MySQL's binary DECIMAL form (decimal2bin). */
    private static JsonNode.Scalar decimal(byte[] data) {
        byte[] number = new byte[data.length - 2];
        System.arraycopy(data, 2, number, 0, number.length);
        return new JsonNode.Scalar(AbstractRowsEventDataDeserializer.asBigDecimal(data[0] & 0xFF, data[1] & 0xFF, number).toPlainString());
    }

    /** Dates and times travel as MySQL's packed 64-bit integer (TIME_to_longlong_*_packed), little-endian. */
    private static long packed(byte[] data) {
        if (data.length != 8) {
            throw new IllegalArgumentException("a JSON date or time value has " + data.length + " bytes, not 8");
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (data[i] & 0xFF);
        }
        return v;
    }

    /** Year-month-day from the bits above the time of day: ((year * 13 + month) << 5 | day) << 17. */
    private static String date(long packed) {
        long ymd = Math.abs(packed) >> 41;
        long yearMonth = ymd >> 5;
        return String.format("%04d-%02d-%02d", yearMonth / 13, yearMonth % 13, ymd & 31);
    }

    /** @param hms (hour << 12 | minute << 6 | second), the microseconds in the low 24 bits of {@code packed} */
    private static String time(long hms, long packed) {
        return String.format("%02d:%02d:%02d.%06d", hms >> 12, hms >> 6 & 63, hms & 63, Math.abs(packed) & 0xFFFFFF);
    }

    private static String base64(byte[] data) {
        String plain = Base64.getEncoder().encodeToString(data);
        StringBuilder lines = new StringBuilder(plain.length() + plain.length() / BASE64_LINE);
        for (int i = 0; i < plain.length(); i += BASE64_LINE) {
            lines.append(i == 0 ? "" : "\n").append(plain, i, Math.min(plain.length(), i + BASE64_LINE));
        }
        return lines.toString();
    }
}
