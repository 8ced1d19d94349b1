package io.chameleon.mysql;

/** MySQL string literals read back into their values. */
public final class MysqlStrings {
    private MysqlStrings() {
    }

    /** MySQL's escapes: doubled quotes, and backslash sequences unless NO_BACKSLASH_ESCAPES is on. */
    public static String unescape(String body, char quote) {
        StringBuilder b = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == quote && i + 1 < body.length() && body.charAt(i + 1) == quote) {
                b.append(quote);
                i++;
            } else if (ch == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                switch (n) {
                    case '0' -> b.append('\0');
                    case 'b' -> b.append('\b');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'Z' -> b.append('\u001A');
                    // kept with their backslash: LIKE's escapes
                    case '%', '_' -> b.append('\\').append(n);
                    default -> b.append(n);
                }
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
