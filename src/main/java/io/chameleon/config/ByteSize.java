package io.chameleon.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes written as pg_chameleon's copy_max_memory: bytes, or a number with k, M or G (powers of 1024). */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})([kKmMgG]?)");
    private static final String[] SUFFIXES = {"", "k", "M", "G"};

    private ByteSize() {
    }

    /** Bytes, or -1 when the text is not a positive size that fits in a long. */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return -1;
        }
        String suffix = m.group(2).toLowerCase(Locale.ROOT);
        int power = suffix.isEmpty() ? 0 : "kmg".indexOf(suffix) + 1;
        try {
            long value = Long.parseLong(m.group(1));
            for (int i = 0; i < power; i++) {
                value = Math.multiplyExact(value, 1024L);
            }
            return value > 0 ? value : -1;
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }

    /** The shortest exact form: 314572800 → 300M, 1000 → 1000. */
    static String format(long bytes) {
        int power = 0;
        long value = bytes;
        while (power < 3 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            power++;
        }
        return value + SUFFIXES[power];
    }
}
