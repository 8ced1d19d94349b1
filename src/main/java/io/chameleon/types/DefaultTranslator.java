package io.chameleon.types;

import io.chameleon.config.SourceConfig.ZeroDatePolicy;
import io.chameleon.pg.Sql;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableName;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a column's MySQL default (a plain value, unquoted, as the mysql reader normalizes it)
 * into a PostgreSQL DEFAULT expression for its mapped type. A default that cannot be expressed is
 * left out with a warning: rows replicated from MySQL always carry their values, so only inserts
 * made directly in PostgreSQL would see the difference.
 */
public final class DefaultTranslator {
    private static final Pattern NOW = Pattern.compile(
            "(?i)(current_timestamp|now|localtimestamp|localtime)\\s*(\\(\\s*\\d?\\s*\\))?");
    private static final Pattern TODAY = Pattern.compile("(?i)(current_date|curdate)\\s*(\\(\\s*\\))?");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern BIT_LITERAL = Pattern.compile("(?i)b'([01]*)'|0b([01]+)|(\\d+)");

    private final ZeroDatePolicy zeroDates;

    public DefaultTranslator(ZeroDatePolicy zeroDates) {
        this.zeroDates = zeroDates;
    }

    /**
     * @param type the column's mapped type
     * @param schema the PostgreSQL schema of the table, which holds its enum types
     */
    public TranslatedDefault translate(TableName table, ColumnDef column, PgType type, String schema) {
        String value = column.defaultValue();
        if (value == null) {
            return TranslatedDefault.NONE;
        }
        Default d = new Default(new ColumnRef(table, column.name()), column, type, schema, value.strip());
        return switch (column.defaultKind()) {
            case NONE, NULL -> TranslatedDefault.NONE;
            case EXPRESSION -> expression(d);
            case LITERAL -> clock(d) != null ? expression(d) : literal(d, value);
        };
    }

    private record Default(ColumnRef ref, ColumnDef column, PgType type, String schema, String value) {
        TranslatedDefault cast(String literal) {
            return TranslatedDefault.of(Sql.literal(literal) + "::" + type.sqlIn(schema));
        }

        TranslatedDefault dropped(String why) {
            return TranslatedDefault.warning(ref + ": DEFAULT " + value + " " + why
                    + "; the PostgreSQL column has no default (rows replicated from MySQL carry their own values)");
        }
    }

    /** The PostgreSQL clock function for a MySQL one on a date/time column, or null. */
    private static String clock(Default d) {
        String dataType = d.column().dataType().toLowerCase(Locale.ROOT);
        boolean date = dataType.equals("date");
        if (!date && !dataType.equals("datetime") && !dataType.equals("timestamp")) {
            return null;
        }
        if (TODAY.matcher(d.value()).matches()) {
            return "CURRENT_DATE";
        }
        if (NOW.matcher(d.value()).matches()) {
            return date ? "CURRENT_DATE" : "CURRENT_TIMESTAMP";
        }
        return null;
    }

    private static TranslatedDefault expression(Default d) {
        String clock = clock(d);
        return clock != null ? TranslatedDefault.of(clock) : d.dropped("is an expression PostgreSQL has no translation for");
    }

    private TranslatedDefault literal(Default d, String raw) {
        String v = d.value();
        return switch (d.type().format()) {
            case NUMBER -> NUMBER.matcher(v).matches() ? d.cast(v) : d.dropped("is not a number");
            case NUMBER_AS_BOOLEAN -> NUMBER.matcher(v).matches()
                    ? TranslatedDefault.of(ColumnConverters.isZero(v.getBytes(StandardCharsets.US_ASCII)) ? "false" : "true")
                    : d.dropped("is not a number");
            case BIT, BIT_AS_NUMBER, BIT_AS_BOOLEAN -> bits(d);
            case DATE, DATETIME, TIMESTAMP -> date(d);
            case TIME, JSON -> d.cast(raw);
            case TEXT -> raw.indexOf('\0') >= 0 ? d.dropped("contains NUL characters")
                    : d.type().overridden() ? d.cast(raw) : TranslatedDefault.of(Sql.literal(raw));
            case ENUM -> d.cast(raw);
            case SET -> d.cast(setLiteral(raw));
            case BYTEA -> d.cast("\\x" + HexFormat.of().formatHex(raw.getBytes(StandardCharsets.UTF_8)));
            case GEOMETRY_EWKB, GEOMETRY_WKB -> d.dropped("is a spatial default PostgreSQL has no translation for");
        };
    }

    private static TranslatedDefault bits(Default d) {
        Matcher m = BIT_LITERAL.matcher(d.value());
        if (!m.matches()) {
            return d.dropped("is not a bit value");
        }
        BigInteger n = m.group(1) != null ? (m.group(1).isEmpty() ? BigInteger.ZERO : new BigInteger(m.group(1), 2))
                : m.group(2) != null ? new BigInteger(m.group(2), 2) : new BigInteger(m.group(3));
        return switch (d.type().format()) {
            case BIT_AS_BOOLEAN -> TranslatedDefault.of(n.signum() == 0 ? "false" : "true");
            case BIT_AS_NUMBER -> d.cast(n.toString());
            default -> {
                int width = MysqlType.bitWidth(d.column());
                if (n.bitLength() > width) {
                    yield d.dropped("does not fit bit(" + width + ")");
                }
                // left-padded: a cast to bit(n) would pad on the right and change the value
                String bits = n.toString(2);
                yield TranslatedDefault.of("B'" + "0".repeat(width - bits.length()) + bits + "'");
            }
        };
    }

    private TranslatedDefault date(Default d) {
        String v = d.value();
        MysqlDates.Kind kind = MysqlDates.classify(v.getBytes(StandardCharsets.US_ASCII));
        if (kind == MysqlDates.Kind.VALID) {
            // TIMESTAMP defaults are read in UTC like its values
            return d.cast(d.type().format() == ValueFormat.TIMESTAMP ? v + "+00" : v);
        }
        if (kind == MysqlDates.Kind.MALFORMED) {
            return d.dropped("is not a date");
        }
        return switch (zeroDates) {
            case INFINITY -> d.cast("-infinity");
            case NULL, DISCARD -> d.dropped("is a date PostgreSQL cannot store (zero_dates: "
                    + zeroDates.name().toLowerCase(Locale.ROOT) + ")");
        };
    }

    /** MySQL's 'a,b' → {"a","b"}, elements quoted and escaped for the array parser. */
    private static String setLiteral(String members) {
        if (members.isEmpty()) {
            return "{}";
        }
        StringBuilder b = new StringBuilder("{");
        for (String m : members.split(",", -1)) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(m.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }
}
