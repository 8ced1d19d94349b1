package io.chameleon.binlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The path of a logged JSON diff, as MySQL's Json_path::to_string writes it: {@code $}, then legs
 * {@code .member}, {@code ."quoted member"} (a JSON string, for names that are not ECMAScript
 * identifiers), {@code [n]}, {@code [last]} or {@code [last-n]}. Diffs never hold wildcards or ranges.
 */
record JsonPath(String text, List<Leg> legs) {
    /** A member name, or an array index counted from the start or (fromEnd) back from the last element. */
    record Leg(String member, long index, boolean fromEnd) {
        boolean isMember() {
            return member != null;
        }

        /**
         * The element an index leg picks in an array of {@code size} elements (MySQL's
         * Json_array_index): counted from the end it stops at the first; from the start it stops
         * just past the last, where an insert appends.
         */
        int position(int size) {
            if (fromEnd) {
                return index < size ? (int) (size - 1 - index) : 0;
            }
            return (int) Math.min(index, size);
        }
    }

    /** @throws IllegalArgumentException naming the path and what is wrong with it */
    static JsonPath parse(String text) {
        Parser p = new Parser(text);
        p.expect('$');
        List<Leg> legs = new ArrayList<>();
        while (!p.atEnd()) {
            char c = p.next();
            if (c == '.') {
                legs.add(new Leg(p.peek() == '"' ? p.quoted() : p.identifier(), 0, false));
            } else if (c == '[') {
                legs.add(p.index());
                p.expect(']');
            } else {
                throw p.error("a leg starts with '" + c + "'");
            }
        }
        return new JsonPath(text, List.copyOf(legs));
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at >= text.length();
        }

        char peek() {
            return atEnd() ? 0 : text.charAt(at);
        }

        char next() {
            if (atEnd()) {
                throw error("it ends early");
            }
            return text.charAt(at++);
        }

        void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "' at character " + (at - 1));
            }
        }

        String identifier() {
            int start = at;
            while (!atEnd() && peek() != '.' && peek() != '[') {
                at++;
            }
            if (start == at || text.substring(start, at).equals("*")) {
                throw error("a member name is empty or a wildcard");
            }
            return text.substring(start, at);
        }

        String quoted() {
            expect('"');
            StringBuilder name = new StringBuilder();
            for (char c = next(); c != '"'; c = next()) {
                if (c != '\\') {
                    name.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case 'b' -> name.append('\b');
                    case 'f' -> name.append('\f');
                    case 'n' -> name.append('\n');
                    case 'r' -> name.append('\r');
                    case 't' -> name.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("a \\u escape is cut short");
                        }
                        name.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> name.append(e);
                }
            }
            return name.toString();
        }

        Leg index() {
            boolean fromEnd = text.startsWith("last", at);
            if (fromEnd) {
                at += 4;
                if (peek() != '-') {
                    return new Leg(null, 0, true);
                }
                at++;
            }
            int start = at;
            while (Character.isDigit(peek())) {
                at++;
            }
            if (start == at) {
                throw error("an array index is not a number (wildcards and ranges never appear in a logged diff)");
            }
            return new Leg(null, Long.parseLong(text.substring(start, at)), fromEnd);
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("cannot read the JSON path '" + text + "': " + what);
        }
    }
}
