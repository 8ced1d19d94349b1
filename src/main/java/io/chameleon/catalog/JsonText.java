package io.chameleon.catalog;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The little JSON the catalogue writes (column lists, row images), without a JSON library. */
final class JsonText {
    private JsonText() {}

    static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String strings(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (Iterator<String> i = values.iterator(); i.hasNext();) {
            b.append(string(i.next())).append(i.hasNext() ? "," : "");
        }
        return b.append(']').toString();
    }

    /** An object of string (or null) values in the map's order. */
    static String object(Map<String, String> values) {
        StringBuilder b = new StringBuilder("{");
        for (Iterator<Map.Entry<String, String>> i = values.entrySet().iterator(); i.hasNext();) {
            Map.Entry<String, String> e = i.next();
            b.append(string(e.getKey())).append(':').append(string(e.getValue())).append(i.hasNext() ? "," : "");
        }
        return b.append('}').toString();
    }
}
