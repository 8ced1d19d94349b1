package io.chameleon.format;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes maps, collections, text, numbers, booleans, durations (as seconds) and null as JSON:
 * compact for scripts and storage, indented for people.
 */
public final class Json {
    private Json() {}

    /** One line, no spaces. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, null, out);
        return out.toString();
    }

    /** Indented by two spaces, ending with a newline. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, "", out);
        return out.append('\n').toString();
    }

    /**
     * Reads JSON text: objects as maps (in their order), arrays as lists, numbers as Long or Double.
     *
     * @throws IllegalArgumentException for text that is not JSON, naming the character where it fails
     */
    public static Object parse(String text) {
        return JsonParser.parse(text);
    }

    /** A JSON string literal, or {@code null}. */
    public static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(s, out);
        return out.toString();
    }

    /** @param indent the current indentation, or null for compact output */
    private static void write(Object value, String indent, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            container(map.entrySet().iterator(), '{', '}', indent, out, (item, inner) -> {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
                string(String.valueOf(e.getKey()), out);
                out.append(inner == null ? ":" : ": ");
                write(e.getValue(), inner, out);
            });
        } else if (value instanceof Collection<?> list) {
            container(list.iterator(), '[', ']', indent, out, (item, inner) -> write(item, inner, out));
        } else if (value == null || value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Duration d) {
            out.append(d.toMillis() / 1000.0);
        } else {
            string(value.toString(), out);
        }
    }

    private interface ItemWriter {
        void write(Object item, String indent);
    }

    private static void container(Iterator<?> items, char open, char close, String indent, StringBuilder out,
            ItemWriter writer) {
        out.append(open);
        if (!items.hasNext()) {
            out.append(close);
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        while (items.hasNext()) {
            if (inner != null) {
                out.append('\n').append(inner);
            }
            writer.write(items.next(), inner);
            if (items.hasNext()) {
                out.append(',');
            }
        }
        if (indent != null) {
            out.append('\n').append(indent);
        }
        out.append(close);
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
