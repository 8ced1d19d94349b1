package io.chameleon.ddl;

import io.chameleon.mysql.SessionSettings;

/**
 * Rewrites a statement written under ANSI_QUOTES or NO_BACKSLASH_ESCAPES into the text that means
 * the same under MySQL's default sql_mode, the only one the grammar reads: {@code "name"} becomes
 * {@code `name`}, and a backslash in a string is doubled so it stays a backslash. Comments and
 * backquoted names are copied as they are; a version comment ({@code /*!50100 ...}) is code.
 */
final class SessionText {
    private SessionText() {
    }

    static String inDefaultMode(String sql, SessionSettings session) {
        boolean ansiQuotes = session.ansiQuotes();
        boolean literalBackslash = session.noBackslashEscapes();
        if (!ansiQuotes && !literalBackslash) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '`') {
                i = backquoted(sql, i, out);
            } else if (c == '"' && ansiQuotes) {
                i = identifier(sql, i, out);
            } else if (c == '\'' || c == '"') {
                i = string(sql, i, c, literalBackslash, out);
            } else if (c == '#' || dashComment(sql, i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("/*", i) && !sql.startsWith("/*!", i) && !sql.startsWith("/*M!", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code --} starts a comment only when a space or control character follows it. */
    private static boolean dashComment(String sql, int i) {
        return sql.startsWith("--", i) && (i + 2 == sql.length() || sql.charAt(i + 2) <= ' ');
    }

    /** A {@code `name`} (or an unterminated one, to the end), doubled quotes inside; returns the index after it. */
    private static int backquoted(String sql, int start, StringBuilder out) {
        char quote = '`';
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            i++;
        }
        out.append(sql, start, i);
        return i;
    }

    /** ANSI_QUOTES: {@code "a""b"} → {@code `a"b`}, a backquote inside doubled. */
    private static int identifier(String sql, int start, StringBuilder out) {
        out.append('`');
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '"') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
                    out.append('"');
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            out.append(c == '`' ? "``" : String.valueOf(c));
            i++;
        }
        out.append('`');
        return i;
    }

    /** A string literal; with {@code literalBackslash} each backslash is doubled, otherwise it escapes the next character. */
    private static int string(String sql, int start, char quote, boolean literalBackslash, StringBuilder out) {
        out.append(quote);
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                if (literalBackslash) {
                    out.append("\\\\");
                    i++;
                } else {
                    out.append(sql, i, Math.min(i + 2, sql.length()));
                    i += 2;
                }
                continue;
            }
            out.append(c);
            i++;
            if (c == quote) {
                if (i < sql.length() && sql.charAt(i) == quote) {
                    out.append(quote);
                    i++;
                    continue;
                }
                break;
            }
        }
        return Math.min(i, sql.length());
    }
}
