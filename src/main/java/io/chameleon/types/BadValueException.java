package io.chameleon.types;

import java.nio.charset.StandardCharsets;

/**
 * A value that cannot be stored in PostgreSQL under the source's policies: the row goes to the
 * discarded rows with {@link #getMessage()} as the reason, which names the column, the value and
 * the configuration key that would keep it.
 */
public final class BadValueException extends Exception {
    private static final int MAX_VALUE_CHARS = 100;

    private final ColumnRef column;

    public BadValueException(ColumnRef column, byte[] value, String problem, String fix) {
        super(column + ": value " + printable(value) + " " + problem + "; " + fix);
        this.column = column;
    }

    public ColumnRef column() {
        return column;
    }

    /** The value as UTF-8, control characters escaped, cut to about 100 characters. */
    static String printable(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < text.length() && shown < MAX_VALUE_CHARS; i++, shown++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                b.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    case '\r' -> "\\r";
                    case 0 -> "\\0";
                    default -> String.format("\\x%02x", (int) c);
                });
            } else {
                b.append(c);
            }
        }
        b.append('\'');
        if (shown < text.length()) {
            b.append("... (").append(value.length).append(" bytes)");
        }
        return b.toString();
    }
}
