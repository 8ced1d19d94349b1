package io.chameleon.pgsource;

import io.chameleon.pg.Sql;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the source schemas named in a definition PostgreSQL printed (pg_get_indexdef,
 * pg_get_constraintdef, pg_get_expr) into their target schemas.
 *
 * <p>Why this way: the definitions are read with {@code search_path = ''}, so PostgreSQL qualifies
 * every object outside pg_catalog ({@code src.mood}, {@code src.f(x)}, {@code OPERATOR(src.===)},
 * {@code REFERENCES "Mixed Case".parent(id)}). A schema is then rewritten only where it is a
 * qualifier: an identifier token (bare or double-quoted) directly followed by a dot and not itself
 * after a dot. String literals and quoted identifiers are skipped whole, so data such as
 * {@code 'src.x'} is left alone, except the literals of the reg* types ({@code 'src.seq'::regclass}),
 * whose text is a qualified name and is rewritten the same way. Reading with search_path = the
 * source schema and running with search_path = the target would also work for one schema, but not
 * when a definition refers to another mapped schema (a foreign key to it, a type from it).
 */
final class SchemaRequalifier {
    /** Types whose literals hold (possibly qualified) object names. */
    private static final Set<String> NAME_TYPES = Set.of("regclass", "regtype", "regproc", "regprocedure", "regoper",
            "regoperator", "regconfig", "regdictionary", "regcollation");

    private final Map<String, String> schemaMap;

    SchemaRequalifier(Map<String, String> schemaMap) {
        this.schemaMap = Map.copyOf(schemaMap);
    }

    String requalify(String definition) {
        StringBuilder out = new StringBuilder(definition.length() + 16);
        int i = 0;
        int n = definition.length();
        char previous = 0;
        while (i < n) {
            char c = definition.charAt(i);
            int end;
            if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && definition.charAt(i + 1) == '\''
                    && !identifierPart(previous))) {
                boolean escaped = c != '\'';
                int open = escaped ? i + 1 : i;
                end = endOfQuoted(definition, open, escaped);
                out.append(literal(definition, i, open, end, escaped));
            } else if (c == '"') {
                end = endOfQuoted(definition, i, false);
                String name = definition.substring(i + 1, end - 1).replace("\"\"", "\"");
                out.append(qualifier(definition, end, previous, name, definition.substring(i, end)));
            } else if (identifierStart(c)) {
                end = i + 1;
                while (end < n && identifierPart(definition.charAt(end))) {
                    end++;
                }
                String word = definition.substring(i, end);
                out.append(qualifier(definition, end, previous, word.toLowerCase(Locale.ROOT), word));
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < n && (identifierPart(definition.charAt(end)) || definition.charAt(end) == '.')) {
                    end++;
                }
                out.append(definition, i, end);
            } else {
                end = i + 1;
                out.append(c);
            }
            previous = definition.charAt(end - 1);
            i = end;
        }
        return out.toString();
    }

    /** The target schema when {@code name} is a mapped schema used as a qualifier, else the token as it was. */
    private String qualifier(String text, int end, char previous, String name, String token) {
        boolean qualifies = end < text.length() && text.charAt(end) == '.' && previous != '.';
        String target = qualifies ? schemaMap.get(name) : null;
        return target == null ? token : Sql.ident(target);
    }

    /** A literal, its name rewritten when it is cast to a reg* type. */
    private String literal(String text, int start, int open, int end, boolean escaped) {
        String raw = text.substring(start, end);
        String cast = castAfter(text, end);
        if (cast == null || !(NAME_TYPES.contains(cast) || cast.equals("regnamespace"))) {
            return raw;
        }
        String value = text.substring(open + 1, end - 1).replace("''", "'");
        if (escaped) {
            value = value.replace("\\\\", "\\");
        }
        String rewritten;
        if (cast.equals("regnamespace")) {
            String schema = value.startsWith("\"") ? value.substring(1, value.length() - 1).replace("\"\"", "\"") : value;
            String target = schemaMap.get(schema);
            rewritten = target == null ? value : Sql.ident(target);
        } else {
            rewritten = requalify(value);
        }
        return rewritten.equals(value) ? raw : Sql.literal(rewritten);
    }

    private static String castAfter(String text, int end) {
        if (!text.startsWith("::", end)) {
            return null;
        }
        int i = end + 2;
        int j = i;
        while (j < text.length() && identifierPart(text.charAt(j))) {
            j++;
        }
        return text.substring(i, j).toLowerCase(Locale.ROOT);
    }

    /** The end of a literal ({@code '}) or quoted identifier ({@code "}) opened at {@code open}; a doubled quote is kept. */
    private static int endOfQuoted(String text, int open, boolean backslashEscapes) {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated " + quote + " in " + text);
    }

    private static boolean identifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 0x7f;
    }

    private static boolean identifierPart(char c) {
        return identifierStart(c) || Character.isDigit(c) || c == '$';
    }
}
