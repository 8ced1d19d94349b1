package io.chameleon.binlog;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Takes the credentials out of account statements read from the binlog (CREATE/ALTER USER, GRANT,
 * SET PASSWORD, CREATE/ALTER SERVER), before anything logs or records them: MariaDB writes the
 * password as typed, MySQL its hash. Every literal in such a statement becomes {@code '***'} but
 * account names ({@code 'user'@'host'}) and plugin names ({@code IDENTIFIED WITH 'plugin'}): a
 * syntax this class does not know is masked too. Other statements are returned as they are.
 */
final class AccountStatements {
    /** The statement's head, after leading comments and MariaDB's {@code SET STATEMENT ... FOR}. */
    private static final Pattern ACCOUNT = Pattern.compile("^(?:\\s|/\\*.*?\\*/)*(?:SET\\s+STATEMENT\\s.*?\\sFOR\\s+)?"
            + "(?:CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:USER|ROLE|SERVER)|ALTER\\s+(?:USER|SERVER)|GRANT|SET\\s+PASSWORD)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    static final String MASK = "'***'";

    private AccountStatements() {}

    static String redact(String sql) {
        if (sql == null || !ACCOUNT.matcher(sql).find()) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        String previousWord = "";
        char previous = ' ';
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = stringEnd(sql, i);
                boolean kept = previous == '@' || next(sql, end) == '@' || previousWord.equals("WITH")
                        || previousWord.equals("VIA");
                out.append(kept ? sql.substring(i, end) : MASK);
                previous = c;
                previousWord = "";
                i = end;
            } else if (c == '`') {
                int end = identifierEnd(sql, i);
                out.append(sql, i, end);
                previous = c;
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                String word = sql.substring(i, end);
                // a hex literal (0x...) is a hash; a charset introducer (_binary'...') stays before its masked string
                out.append(word.regionMatches(true, 0, "0x", 0, 2) ? MASK : word);
                previousWord = word.toUpperCase(Locale.ROOT);
                previous = 'a';
                i = end;
            } else {
                out.append(c);
                if (!Character.isWhitespace(c)) {
                    previous = c;
                    previousWord = "";
                }
                i++;
            }
        }
        return out.toString();
    }

    /** Just after the closing quote, or the end of the text for a string never closed. */
    private static int stringEnd(String sql, int open) {
        char quote = sql.charAt(open);
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int identifierEnd(String sql, int open) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '`') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '`') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The next character that is not white space, or a space at the end. */
    private static char next(String sql, int from) {
        for (int i = from; i < sql.length(); i++) {
            if (!Character.isWhitespace(sql.charAt(i))) {
                return sql.charAt(i);
            }
        }
        return ' ';
    }
}
