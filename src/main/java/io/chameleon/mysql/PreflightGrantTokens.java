package io.chameleon.mysql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Splits one SHOW GRANTS line into words, quoted names and symbols. */
final class PreflightGrantTokens {

    enum Kind { WORD, QUOTED, SYMBOL }

    /** A word keeps its spelling; a quoted name (`x`, 'x' or "x") is unescaped. */
    record Token(Kind kind, String text) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.charAt(0) == c;
        }
    }

    private PreflightGrantTokens() {}

    static List<Token> lex(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '`' || c == '\'' || c == '"') {
                i = quoted(line, i, out);
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int j = i;
                while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_'
                        || line.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Token(Kind.WORD, line.substring(i, j)));
                i = j;
            } else {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return out;
    }

    /**
     * Reads a quoted name starting at {@code start}; returns the index after it. A doubled quote
     * stands for itself. Backslash escapes only in strings: inside backquotes it belongs to the
     * name, where it escapes a database-pattern wildcard ({@code `db\_1`}).
     */
    private static int quoted(String line, int start, List<Token> out) {
        char q = line.charAt(start);
        StringBuilder b = new StringBuilder();
        int j = start + 1;
        while (j < line.length()) {
            char d = line.charAt(j);
            if (d == q && j + 1 < line.length() && line.charAt(j + 1) == q) {
                b.append(q);
                j += 2;
            } else if (d == q) {
                break;
            } else if (d == '\\' && q == '\'' && j + 1 < line.length()) {
                b.append(line.charAt(j + 1));
                j += 2;
            } else {
                b.append(d);
                j++;
            }
        }
        if (j >= line.length()) {
            throw new IllegalArgumentException("unterminated " + q + " in: " + line);
        }
        out.add(new Token(Kind.QUOTED, b.toString()));
        return j + 1;
    }

    /** The index of the first bare word outside parentheses at or after {@code from}, or -1. */
    static int indexOfWord(List<Token> t, String word, int from) {
        int depth = 0;
        for (int i = from; i < t.size(); i++) {
            Token k = t.get(i);
            depth += k.isSymbol('(') ? 1 : k.isSymbol(')') ? -1 : 0;
            if (depth == 0 && k.isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The privileges listed in {@code [from, to)}: "RELOAD, REPLICATION SLAVE" gives two. A
     * privilege with a column list ({@code SELECT (`a`)}) is left out: it covers some columns only.
     */
    static Set<String> privileges(List<Token> t, int from, int to) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder name = new StringBuilder();
        boolean columns = false;
        int depth = 0;
        for (int i = from; i <= to; i++) {
            Token k = i < to ? t.get(i) : new Token(Kind.SYMBOL, ",");
            if (k.isSymbol('(')) {
                columns |= depth++ == 0;
            } else if (k.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && k.isSymbol(',')) {
                if (!columns && !name.isEmpty()) {
                    out.add(PreflightGrants.normalise(name.toString()));
                }
                name.setLength(0);
                columns = false;
            } else if (depth == 0 && k.kind() == Kind.WORD) {
                name.append(' ').append(k.text());
            } else if (depth == 0) {
                throw new IllegalArgumentException("unexpected '" + k.text() + "' in a privilege list");
            }
        }
        return out;
    }

    /** The tokens of {@code [from, to)} as readable text, e.g. a role {@code r1@%}. */
    static String text(List<Token> t, int from, int to) {
        if (to < 0) {
            throw new IllegalArgumentException("no TO in a role grant");
        }
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            Token k = t.get(i);
            b.append(k.isSymbol(',') ? ", " : k.text());
        }
        return b.toString();
    }
}
