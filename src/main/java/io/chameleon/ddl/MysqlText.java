package io.chameleon.ddl;

import io.chameleon.mysql.MysqlStrings;

import java.util.List;
import java.util.Locale;

/** Identifiers and literals as MySQL writes them, turned back into plain names and values. */
final class MysqlText {
    private MysqlText() {
    }

    /** An identifier: {@code `a``b`} → {@code a`b}; unquoted names stay as written. */
    static String identifier(String text) {
        String t = text.strip();
        if (t.length() >= 2 && (t.charAt(0) == '`' || t.charAt(0) == '"') && t.charAt(t.length() - 1) == t.charAt(0)) {
            String q = String.valueOf(t.charAt(0));
            return t.substring(1, t.length() - 1).replace(q + q, q);
        }
        return t;
    }

    /** The name of a {@code Uid}, {@code FullColumnName} or similar node (its last part when qualified). */
    static String name(Node node) {
        List<Node> uids = node.is("Uid") ? List.of(node) : node.findAll("Uid");
        if (!node.is("Uid") && node.has("DOT_ID")) {
            return identifier(node.child("DOT_ID").orElseThrow().text().substring(1));
        }
        return identifier((uids.isEmpty() ? node : uids.get(uids.size() - 1)).text());
    }

    /**
     * A string literal node: adjacent parts joined, charset introducer ({@code _utf8mb4'x'}) and
     * national prefix ({@code N'x'}) dropped, escapes resolved as MySQL does by default.
     */
    static String string(Node literal) {
        StringBuilder b = new StringBuilder();
        for (Node t : literal.isToken() ? List.of(literal) : literal.children()) {
            String s = t.text();
            if (t.is("STRING_LITERAL") || t.is("START_NATIONAL_STRING_LITERAL")) {
                int quote = 0;
                while (s.charAt(quote) != '\'' && s.charAt(quote) != '"') {
                    quote++;
                }
                b.append(MysqlStrings.unescape(s.substring(quote + 1, s.length() - 1), s.charAt(quote)));
            }
        }
        return b.toString();
    }

    /** A hexadecimal literal ({@code X'41'} or {@code 0x41}) as its bytes' hex digits, even in number. */
    static String hexDigits(String text) {
        String t = text.strip();
        String digits = t.toLowerCase(Locale.ROOT).startsWith("0x") ? t.substring(2) : t.substring(2, t.length() - 1);
        return digits.length() % 2 == 0 ? digits : "0" + digits;
    }

    /** A bit literal ({@code b'101'} or {@code 0b101}) as its binary digits. */
    static String bitDigits(String text) {
        String t = text.strip();
        return t.toLowerCase(Locale.ROOT).startsWith("0b") ? t.substring(2) : t.substring(2, t.length() - 1);
    }
}
