package io.chameleon.types;

import java.nio.charset.StandardCharsets;

/** BIT(n) values, which MySQL sends as raw big-endian bytes (⌈n/8⌉ of them). */
final class BitConverters {
    private BitConverters() {}

    /** n characters '0'/'1', the most significant bit first: PostgreSQL's bit(n) text. */
    static ColumnConverter bitString(ColumnRef column, int width) {
        return (v, out, report) -> {
            int totalBits = v.length * 8;
            for (int i = 0; i < totalBits - width; i++) {
                if (bit(v, i)) {
                    throw new BadValueException(column, v, "has more than the " + width + " bits of bit(" + width + ")",
                            "check the column's declared width");
                }
            }
            for (int i = totalBits - width; i < totalBits; i++) {
                out.writeByte(i >= 0 && bit(v, i) ? '1' : '0');
            }
        };
    }

    /** The unsigned number, for bit(n) overridden to a number type. */
    static ColumnConverter number(ColumnRef column) {
        return (v, out, report) -> {
            if (v.length > 8) {
                throw new BadValueException(column, v, "is wider than 64 bits", "check the column's declared width");
            }
            long n = 0;
            for (byte b : v) {
                n = (n << 8) | (b & 0xFF);
            }
            out.writeAscii(Long.toUnsignedString(n).getBytes(StandardCharsets.US_ASCII));
        };
    }

    /** f when every bit is 0, else t: bit(1) overridden to boolean. */
    static ColumnConverter bool() {
        return (v, out, report) -> {
            for (byte b : v) {
                if (b != 0) {
                    out.writeByte('t');
                    return;
                }
            }
            out.writeByte('f');
        };
    }

    /** Bit i counted from the most significant bit of the first byte. */
    private static boolean bit(byte[] v, int i) {
        return (v[i >> 3] & (0x80 >>> (i & 7))) != 0;
    }
}
