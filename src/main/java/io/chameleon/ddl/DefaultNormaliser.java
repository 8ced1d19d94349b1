package io.chameleon.ddl;

import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.ColumnDef.DefaultKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Turns a DEFAULT clause into the plain value and kind the mysql reader gets from
 * information_schema for the same column: the value as the column stores it ({@code 1.5} in an
 * int column is {@code 2}, {@code '2020-01-01'} in a datetime is {@code 2020-01-01 00:00:00}).
 */
final class DefaultNormaliser {
    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "bigint", "year");

    record Normalised(String value, DefaultKind kind) {}

    private DefaultNormaliser() {
    }

    /**
     * @param spec the clause, null when there is none
     * @param column the column it is the default of (its own default is not looked at)
     */
    static Normalised of(DefaultSpec spec, ColumnDef column) {
        if (spec == null) {
            return new Normalised(null, column.nullable() && !column.autoIncrement() ? DefaultKind.NULL : DefaultKind.NONE);
        }
        if (spec.kind() == DefaultSpec.Kind.NULL) {
            return new Normalised(null, DefaultKind.NULL);
        }
        if (spec.kind() == DefaultSpec.Kind.EXPRESSION) {
            return new Normalised(unwrapped(spec.value().strip()), DefaultKind.EXPRESSION);
        }
        try {
            return new Normalised(literal(spec, column), DefaultKind.LITERAL);
        } catch (NumberFormatException | ArithmeticException e) {
            // a value MySQL would convert in its own way: kept as written, DefaultTranslator judges it
            return new Normalised(spec.value(), DefaultKind.LITERAL);
        }
    }

    /** {@code (curdate())} → {@code curdate()}: information_schema shows an expression without its parentheses. */
    private static String unwrapped(String expression) {
        String e = expression;
        while (e.startsWith("(") && e.endsWith(")") && closes(e)) {
            e = e.substring(1, e.length() - 1).strip();
        }
        return e;
    }

    /** Whether the first parenthesis closes at the end, not before. */
    private static boolean closes(String e) {
        int depth = 0;
        for (int i = 0; i < e.length(); i++) {
            depth += e.charAt(i) == '(' ? 1 : e.charAt(i) == ')' ? -1 : 0;
            if (depth == 0 && i < e.length() - 1) {
                return false;
            }
        }
        return true;
    }

    private static String literal(DefaultSpec spec, ColumnDef type) {
        String t = type.dataType();
        String v = spec.value();
        if (INTEGERS.contains(t)) {
            return integer(spec).toString();
        }
        return switch (t) {
            case "decimal" -> number(spec).setScale(type.numericScale(), RoundingMode.HALF_UP).toPlainString();
            case "float", "double" -> plain(number(spec));
            case "bit" -> "b'" + integer(spec).toString(2) + "'";
            // DEFAULT 0 is the zero date, as information_schema shows it
            case "date", "datetime", "timestamp" -> dateTime(spec.kind() == DefaultSpec.Kind.NUMBER
                    && number(spec).signum() == 0 ? "0000-00-00 00:00:00" : v, t, type.datetimePrecision());
            case "time" -> v.matches("-?\\d+:\\d{2}") ? v + ":00" : v;
            case "enum" -> enumLabel(spec, type.enumValues());
            case "set" -> setMembers(v, type.enumValues());
            default -> spec.kind() == DefaultSpec.Kind.HEX
                    ? new String(HexFormat.of().parseHex(v), StandardCharsets.UTF_8) : v;
        };
    }

    private static BigDecimal number(DefaultSpec spec) {
        return switch (spec.kind()) {
            case HEX -> new BigDecimal(new BigInteger(spec.value(), 16));
            case BITS -> new BigDecimal(spec.value().isEmpty() ? BigInteger.ZERO : new BigInteger(spec.value(), 2));
            default -> new BigDecimal(spec.value().strip().isEmpty() ? "0" : spec.value().strip());
        };
    }

    /** MySQL rounds half away from zero when a decimal value goes into an integer column. */
    private static BigInteger integer(DefaultSpec spec) {
        return number(spec).setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
    }

    private static String plain(BigDecimal n) {
        String s = n.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** A date padded as the column stores it: the time added to a datetime, fractions to its precision. */
    private static String dateTime(String v, String type, Integer fraction) {
        String s = v.strip();
        if (type.equals("date")) {
            return s.length() > 10 ? s.substring(0, 10) : s;
        }
        if (s.length() == 10) {
            s += " 00:00:00";
        }
        int f = fraction == null ? 0 : fraction;
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String digits = dot < 0 ? "" : s.substring(dot + 1);
        if (f == 0) {
            return whole;
        }
        return whole + "." + (digits + "0".repeat(f)).substring(0, f);
    }

    /** A label as declared (MySQL matches case-insensitively), or the n-th label for a number. */
    private static String enumLabel(DefaultSpec spec, List<String> labels) {
        if (spec.kind() == DefaultSpec.Kind.NUMBER) {
            int n = Integer.parseInt(spec.value());
            return n >= 1 && n <= labels.size() ? labels.get(n - 1) : spec.value();
        }
        return labels.stream().filter(l -> l.equalsIgnoreCase(spec.value())).findFirst().orElse(spec.value());
    }

    /** Members in declaration order, once each, as MySQL stores a set. */
    private static String setMembers(String v, List<String> labels) {
        List<String> wanted = List.of(v.split(",", -1));
        List<String> members = new ArrayList<>();
        for (String l : labels) {
            if (wanted.stream().anyMatch(w -> w.equalsIgnoreCase(l))) {
                members.add(l);
            }
        }
        return v.isEmpty() ? "" : String.join(",", members);
    }
}
