package io.chameleon.binlog;

import java.nio.charset.StandardCharsets;

/**
 * Reads MySQL's binary JSON (the format of a JSON column in the binlog, and of the values of a
 * partial update) into a {@link JsonNode}. Layout, from MySQL's sql-common/json_binary.cc: a type
 * byte, then the value; objects and arrays start with their element count and byte size (2 bytes
 * each in the small form, 4 in the large), then one entry per key (offset, 2-byte length) and per
 * value (type byte, then the offset of the value, or the value itself for literals and small
 * integers), offsets counting from the container's first byte.
 */
final class MysqlJsonBinary {
    private static final int SMALL_OBJECT = 0x00;
    private static final int LARGE_OBJECT = 0x01;
    private static final int SMALL_ARRAY = 0x02;
    private static final int LARGE_ARRAY = 0x03;
    private static final int LITERAL = 0x04;
    private static final int INT16 = 0x05;
    private static final int UINT16 = 0x06;
    private static final int INT32 = 0x07;
    private static final int UINT32 = 0x08;
    private static final int INT64 = 0x09;
    private static final int UINT64 = 0x0a;
    private static final int DOUBLE = 0x0b;
    private static final int STRING = 0x0c;
    private static final int OPAQUE = 0x0f;

    private final byte[] doc;

    private MysqlJsonBinary(byte[] doc) {
        this.doc = doc;
    }

    /**
     * @param doc a whole binary document; empty is JSON null (what MySQL stores in a JSON NOT NULL
     *     column added to a table with rows, and prints as {@code null})
     * @throws IllegalArgumentException when the bytes are not a valid document
     */
    static JsonNode parse(byte[] doc) {
        if (doc.length == 0) {
            return JsonNode.Scalar.NULL;
        }
        try {
            return new MysqlJsonBinary(doc).value(doc[0] & 0xFF, 1);
        } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("binary JSON of " + doc.length + " bytes ends inside a value", e);
        }
    }

    /** @param at where the value's data starts (after its type byte, or in its entry when inlined) */
    private JsonNode value(int type, int at) {
        return switch (type) {
            case SMALL_OBJECT -> object(at, false);
            case LARGE_OBJECT -> object(at, true);
            case SMALL_ARRAY -> array(at, false);
            case LARGE_ARRAY -> array(at, true);
            case LITERAL -> literal(doc[at] & 0xFF);
            case INT16 -> number((short) uint(at, 2));
            case UINT16 -> number(uint(at, 2));
            case INT32 -> number((int) uint(at, 4));
            case UINT32 -> number(uint(at, 4));
            case INT64 -> number(uint(at, 8));
            case UINT64 -> new JsonNode.Scalar(Long.toUnsignedString(uint(at, 8)));
            case DOUBLE -> new JsonNode.Scalar(doubleText(Double.longBitsToDouble(uint(at, 8))));
            case STRING -> {
                long[] length = variableLength(at);
                yield JsonNode.Scalar.string(new String(doc, (int) length[1], (int) length[0], StandardCharsets.UTF_8));
            }
            case OPAQUE -> {
                long[] length = variableLength(at + 1);
                byte[] data = new byte[(int) length[0]];
                System.arraycopy(doc, (int) length[1], data, 0, data.length);
                yield JsonOpaqueText.of(doc[at] & 0xFF, data);
            }
            default -> throw new IllegalArgumentException("binary JSON has an unknown value type 0x"
                    + Integer.toHexString(type) + " at byte " + (at - 1));
        };
    }

    private JsonNode.Obj object(int at, boolean large) {
        int size = large ? 4 : 2;
        int count = (int) uint(at, size);
        int keyEntries = at + 2 * size;
        int valueEntries = keyEntries + count * (size + 2);
        JsonNode.Obj obj = new JsonNode.Obj();
        for (int i = 0; i < count; i++) {
            int keyEntry = keyEntries + i * (size + 2);
            int keyAt = at + (int) uint(keyEntry, size);
            int keyLength = (int) uint(keyEntry + size, 2);
            String key = new String(doc, keyAt, keyLength, StandardCharsets.UTF_8);
            obj.members().put(key, entry(at, valueEntries + i * (1 + size), large));
        }
        return obj;
    }

    private JsonNode.Array array(int at, boolean large) {
        int size = large ? 4 : 2;
        int count = (int) uint(at, size);
        JsonNode.Array array = new JsonNode.Array();
        for (int i = 0; i < count; i++) {
            array.elements().add(entry(at, at + 2 * size + i * (1 + size), large));
        }
        return array;
    }

    /** A value entry: literals and integers that fit the offset field are stored in it. */
    private JsonNode entry(int container, int entry, boolean large) {
        int type = doc[entry] & 0xFF;
        boolean inlined = type == LITERAL || type == INT16 || type == UINT16
                || (large && (type == INT32 || type == UINT32));
        return value(type, inlined ? entry + 1 : container + (int) uint(entry + 1, large ? 4 : 2));
    }

    private static JsonNode literal(int code) {
        return switch (code) {
            case 0x00 -> JsonNode.Scalar.NULL;
            case 0x01 -> new JsonNode.Scalar("true");
            case 0x02 -> new JsonNode.Scalar("false");
            default -> throw new IllegalArgumentException("binary JSON has an unknown literal 0x" + Integer.toHexString(code));
        };
    }

    /**
     * MySQL's my_gcvt text (as for a DOUBLE column), with {@code .0} added when it shows neither a
     * point nor an exponent, so the number stays a double: {@code 3.0}, {@code -0.0}, {@code 1e100}.
     */
    static String doubleText(double d) {
        String text = d == 0 ? (1 / d < 0 ? "-0" : "0") : FloatText.ofDouble(d);
        return text.indexOf('.') < 0 && text.indexOf('e') < 0 ? text + ".0" : text;
    }

    private static JsonNode number(long v) {
        return new JsonNode.Scalar(Long.toString(v));
    }

    /** Little-endian unsigned integer of {@code bytes} bytes (8: the raw 64 bits). */
    private long uint(int at, int bytes) {
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = (v << 8) | (doc[at + i] & 0xFF);
        }
        return v;
    }

    /** A length in 7-bit groups, low group first, high bit set while more follow: {length, first data byte}. */
    private long[] variableLength(int at) {
        long length = 0;
        for (int i = 0; i < 5; i++) {
            int b = doc[at + i] & 0xFF;
            length |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (length > doc.length) {
                    throw new IllegalArgumentException("binary JSON has a length of " + length + " at byte " + at
                            + ", past the end of its " + doc.length + " bytes");
                }
                return new long[] {length, at + i + 1};
            }
        }
        throw new IllegalArgumentException("binary JSON has a length of more than 5 bytes at byte " + at);
    }
}
