package io.chameleon.binlog;

import io.chameleon.catalog.TrackedColumn;
import io.chameleon.schema.TableName;
import io.chameleon.types.MysqlCharsets;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a cell of a binlog row event, as {@link BinlogEventDeserializer} decodes it, into the bytes
 * MySQL's text protocol sends for the same value (what init_replica reads with
 * {@code TextSelect.expression} and {@code getBytes}), so both paths feed the same converters.
 */
public final class BinlogValues {
    private static final Pattern PAREN_NUMBERS = Pattern.compile("\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)");

    private final boolean mysqlBinaryJson;

    /** @param mysqlBinaryJson true for MySQL sources, whose JSON columns travel in MySQL's binary JSON format */
    public BinlogValues(boolean mysqlBinaryJson) {
        this.mysqlBinaryJson = mysqlBinaryJson;
    }

    /** @return the text-protocol bytes, or null for SQL NULL */
    public byte[] toText(Serializable value, TrackedColumn column, TableName table) {
        if (value == null) {
            return null;
        }
        try {
            return convert(value, column);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot convert the binlog value of " + table + "." + column.name()
                    + " (" + column.columnType() + ", arrived as " + value.getClass().getSimpleName() + "): "
                    + e.getMessage(), e);
        }
    }

    private byte[] convert(Serializable value, TrackedColumn column) {
        String type = column.dataType().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "tinyint" -> ascii(integer((Integer) value, column.unsigned() ? 0xFFL : -1));
            case "smallint" -> ascii(integer((Integer) value, column.unsigned() ? 0xFFFFL : -1));
            case "mediumint" -> ascii(integer((Integer) value, column.unsigned() ? 0xFFFFFFL : -1));
            case "int" -> ascii(integer((Integer) value, column.unsigned() ? 0xFFFFFFFFL : -1));
            case "bigint" -> ascii(column.unsigned() ? Long.toUnsignedString((Long) value) : value.toString());
            case "decimal" -> ascii(((BigDecimal) value).setScale(scale(column), RoundingMode.UNNECESSARY).toPlainString());
            case "float" -> ascii(FloatText.ofFloat((Float) value));
            case "double" -> ascii(FloatText.ofDouble((Double) value));
            // TemporalText already made these the server's text
            case "year", "date", "datetime", "timestamp", "time" -> ascii((String) value);
            case "bit" -> bits((BitSet) value, firstNumber(column, 1));
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" -> utf8((byte[]) value, column);
            // BINARY(n) is stored right-padded with 0x00, which the row image leaves out
            case "binary" -> Arrays.copyOf((byte[]) value, Math.max(((byte[]) value).length, firstNumber(column, 1)));
            case "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> (byte[]) value;
            case "enum" -> enumLabel((Integer) value, column.enumValues());
            case "set" -> setLabels((Long) value, column.enumValues());
            case "json" -> json(value, column);
            case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                    "geometrycollection", "geomcollection" -> (byte[]) value;
            default -> throw new IllegalArgumentException("the binlog reader does not convert type '" + type
                    + "' yet; leave the table out with skip_tables");
        };
    }

    /** Row events carry integers in the column's width, signed: unsigned columns are masked back. */
    private static String integer(int v, long unsignedMask) {
        return Long.toString(unsignedMask < 0 ? v : v & unsignedMask);
    }

    /** BIT(n) as the protocol sends it: (n+7)/8 big-endian bytes. */
    private static byte[] bits(BitSet set, int width) {
        byte[] out = new byte[(width + 7) / 8];
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            out[out.length - 1 - i / 8] |= (byte) (1 << (i % 8));
        }
        return out;
    }

    private static byte[] utf8(byte[] raw, TrackedColumn column) {
        String cs = column.charset() == null ? "utf8mb4" : column.charset().toLowerCase(Locale.ROOT);
        if (cs.equals("utf8mb4") || cs.equals("utf8mb3") || cs.equals("utf8")) {
            return raw;
        }
        Charset charset = MysqlCharsets.forName(cs);
        return new String(raw, charset).getBytes(StandardCharsets.UTF_8);
    }

    /** 1-based index; 0 is the '' MySQL stores for an invalid value. */
    private static byte[] enumLabel(int index, List<String> labels) {
        return index == 0 ? new byte[0] : labels.get(index - 1).getBytes(StandardCharsets.UTF_8);
    }

    /** Bit i set means label i is in the set; MySQL lists them in definition order. */
    private static byte[] setLabels(long mask, List<String> labels) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                b.append(b.length() == 0 ? "" : ",").append(labels.get(i));
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] json(Serializable value, TrackedColumn column) {
        if (value instanceof JsonNode rebuilt) {
            // the after image of a partial update, rebuilt from the before image and MySQL's diffs
            return rebuilt.text().getBytes(StandardCharsets.UTF_8);
        }
        if (mysqlBinaryJson) {
            return MysqlJsonBinary.parse((byte[]) value).text().getBytes(StandardCharsets.UTF_8);
        }
        // MariaDB's JSON is a longtext: the text itself
        return utf8((byte[]) value, column);
    }

    private static int scale(TrackedColumn column) {
        Matcher m = PAREN_NUMBERS.matcher(column.columnType());
        return m.find() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
    }

    private static int firstNumber(TrackedColumn column, int absent) {
        Matcher m = PAREN_NUMBERS.matcher(column.columnType());
        return m.find() ? Integer.parseInt(m.group(1)) : absent;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
