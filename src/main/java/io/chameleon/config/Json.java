package io.chameleon.config;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes maps, lists, text, numbers, booleans and null as indented JSON. */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, "", out);
        return out.append('\n').toString();
    }

    private static void write(Object value, String indent, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            container(map.entrySet().iterator(), map.isEmpty(), '{', '}', indent, out, (entry, inner) -> {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
                string(e.getKey().toString(), out);
                out.append(": ");
                write(e.getValue(), inner, out);
            });
        } else if (value instanceof List<?> list) {
            container(list.iterator(), list.isEmpty(), '[', ']', indent, out, (item, inner) -> write(item, inner, out));
        } else if (value == null || value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(value.toString(), out);
        }
    }

    private interface ItemWriter {
        void write(Object item, String indent);
    }

    private static void container(Iterator<?> items, boolean empty, char open, char close, String indent,
            StringBuilder out, ItemWriter writer) {
        out.append(open);
        if (empty) {
            out.append(close);
            return;
        }
        String inner = indent + "  ";
        while (items.hasNext()) {
            out.append('\n').append(inner);
            writer.write(items.next(), inner);
            if (items.hasNext()) {
                out.append(',');
            }
        }
        out.append('\n').append(indent).append(close);
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
