package io.chameleon.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The configuration's secrets (passwords, the Rollbar key), masked in any text that reaches a log
 * or a terminal. A secret is replaced where it stands as a whole value, never inside another word:
 * with the password {@code replica}, the user {@code usr_replica} stays readable. Its URL-encoded
 * form (as in a JDBC URL) is masked too. A password shorter than {@link #SHORTEST} characters, or
 * equal to its user name (printed anyway), is left alone: masking it would mask common words.
 */
public final class Secrets {
    public static final String MASK = "***";
    public static final int SHORTEST = 4;
    public static final Secrets NONE = new Secrets(List.of());

    /** Longest first, so a secret that contains another is masked whole. */
    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Secrets of(ChameleonConfig config) {
        Set<String> values = new LinkedHashSet<>();
        add(values, config.pgConn().password(), config.pgConn().user());
        for (SourceConfig s : config.sources().values()) {
            add(values, s.dbConn().password(), s.dbConn().user());
        }
        add(values, config.global().rollbarKey(), null);
        return new Secrets(List.copyOf(values));
    }

    private static void add(Set<String> values, String secret, String user) {
        if (secret != null && secret.length() >= SHORTEST && !secret.equals(user)) {
            values.add(secret);
            values.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
    }

    /** {@code text} with every secret masked; null stays null. */
    public String mask(String text) {
        String out = text;
        for (String secret : values) {
            out = mask(out, secret);
        }
        return out;
    }

    /** {@code text} with {@code password} masked, unless it is too short or the user name (see the class). */
    public static String mask(String text, String password, String user) {
        Set<String> values = new LinkedHashSet<>();
        add(values, password, user);
        return new Secrets(List.copyOf(values)).mask(text);
    }

    /** Every occurrence of {@code secret} that stands as a whole value. */
    static String mask(String text, String secret) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        int at;
        while ((at = text.indexOf(secret, from)) >= 0) {
            int end = at + secret.length();
            boolean whole = (at == 0 || !joins(text.charAt(at - 1), secret.charAt(0)))
                    && (end == text.length() || !joins(text.charAt(end), secret.charAt(secret.length() - 1)));
            if (whole) {
                out.append(text, from, at).append(MASK);
                from = end;
            } else {
                // part of a longer word: the secret may still stand whole one character on
                out.append(text, from, at + 1);
                from = at + 1;
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    /** A word character beside a secret's word character makes them one longer word. */
    private static boolean joins(char beside, char edge) {
        return word(beside) && word(edge);
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
