package io.chameleon.testing;

import java.util.Random;

/**
 * Seeded random JSON documents in the forms whose text is easy to get wrong: nesting, every integer
 * width (int64 and uint64 extremes), doubles of any exponent and sign (including -0.0 and integral
 * ones), strings with escapes, control characters, non-ASCII and emoji, empty and odd keys, empty
 * containers, and the literals. No U+0000: PostgreSQL's jsonb cannot hold it (docs/type-mapping.md).
 */
public final class RandomJson {
    private static final String[] KEYS = {"a", "b", "id", "", "k ey", "é", "😀", "q\"k", "back\\slash", "tab\tkey",
            "longer_key_name", "Z", "zz", "0"};
    private static final String[] PIECES = {"a", "é", "€", "😀", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
            "\u001f", "\u007f", "\u2028", " ", "xyz", "日本"};

    private final Random random;

    public RandomJson(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A document: an object or an array at the top, as applications store them. */
    public String document() {
        return random.nextBoolean() ? object(0) : array(0);
    }

    /** Any value, scalars more often the deeper it is. */
    public String value(int depth) {
        int pick = random.nextInt(depth > 4 ? 6 : 9);
        return switch (pick) {
            case 0 -> integer();
            case 1 -> doubleText();
            case 2, 3 -> string();
            case 4 -> new String[] {"null", "true", "false"}[random.nextInt(3)];
            case 5 -> random.nextBoolean() ? "[]" : "{}";
            case 6, 7 -> object(depth + 1);
            default -> array(depth + 1);
        };
    }

    public String object(int depth) {
        StringBuilder b = new StringBuilder("{");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append(quote(KEYS[random.nextInt(KEYS.length)] + (random.nextInt(3) == 0 ? i : "")))
                    .append(": ").append(value(depth));
        }
        return b.append('}').toString();
    }

    public String array(int depth) {
        StringBuilder b = new StringBuilder("[");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append(value(depth));
        }
        return b.append(']').toString();
    }

    public String integer() {
        return switch (random.nextInt(7)) {
            case 0 -> Long.toString(random.nextInt(200) - 100);
            case 1 -> Long.toString(random.nextInt());
            case 2 -> Long.toString(random.nextLong());
            case 3 -> Long.toUnsignedString(random.nextLong() | Long.MIN_VALUE);
            case 4 -> random.nextBoolean() ? "9223372036854775807" : "-9223372036854775808";
            case 5 -> "18446744073709551615";
            default -> Integer.toString(65535 + random.nextInt(3) - 1);
        };
    }

    public String doubleText() {
        return switch (random.nextInt(6)) {
            case 0 -> new String[] {"-0.0", "0.0", "3.0", "1e100", "0.1", "1e15", "1e-16", "1.5e-7", "100.0"}[random.nextInt(9)];
            case 1 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 2 -> Double.toString(-random.nextGaussian() * 1e6);
            case 3 -> random.nextInt(1000) + "." + random.nextInt(1000) + "e" + (random.nextInt(600) - 300);
            default -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (Double.isNaN(d) || Double.isInfinite(d));
                yield Double.toString(d);
            }
        };
    }

    public String string() {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return quote(s.toString());
    }

    /** A JSON string literal for {@code s}, escaping only what JSON requires. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
