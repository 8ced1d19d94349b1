package io.chameleon.binlog;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JSON document as MySQL holds it, printed as MySQL prints it ({@code CAST(j AS CHAR)}): members
 * after {@code ": "}, elements after {@code ", "}, object keys in MySQL's order (shorter keys
 * first, then by their UTF-8 bytes: the order its binary format stores and its DOM keeps, so a
 * member a partial update adds lands where MySQL puts it). Scalars hold their printed text.
 */
sealed interface JsonNode extends Serializable {
    void print(StringBuilder out);

    default String text() {
        StringBuilder out = new StringBuilder();
        print(out);
        return out.toString();
    }

    /** Key order of MySQL's Json_object (Json_key_comparator): length in bytes, then the bytes. */
    Comparator<String> KEY_ORDER = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
    };

    record Scalar(String printed) implements JsonNode {
        static final Scalar NULL = new Scalar("null");

        static Scalar string(String s) {
            StringBuilder out = new StringBuilder(s.length() + 2);
            quote(s, out);
            return new Scalar(out.toString());
        }

        @Override
        public void print(StringBuilder out) {
            out.append(printed);
        }
    }

    record Array(List<JsonNode> elements) implements JsonNode {
        Array() {
            this(new ArrayList<>());
        }

        @Override
        public void print(StringBuilder out) {
            out.append('[');
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                elements.get(i).print(out);
            }
            out.append(']');
        }
    }

    record Obj(TreeMap<String, JsonNode> members) implements JsonNode {
        Obj() {
            this(new TreeMap<>(KEY_ORDER));
        }

        @Override
        public void print(StringBuilder out) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> m : members.entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                quote(m.getKey(), out);
                out.append(": ");
                m.getValue().print(out);
            }
            out.append('}');
        }
    }

    /**
     * A JSON string as MySQL's double_quote writes it: {@code "} and {@code \} escaped, the
     * control characters below U+0020 as {@code \b \t \n \f \r} or a backslash-u escape with four
     * lowercase hex digits; everything else
     * (including {@code /}, DEL and U+2028) as it is.
     */
    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
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
