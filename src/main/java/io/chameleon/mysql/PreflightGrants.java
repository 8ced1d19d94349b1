package io.chameleon.mysql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The privileges {@code SHOW GRANTS} lists for the connected account, read from its lines as
 * MySQL 5.7 ('user'@'host'), MySQL 8 (`user`@`host`, dynamic privileges, partial revokes) and
 * MariaDB 10/11 (PUBLIC, active roles' grants, IDENTIFIED ... clauses) print them.
 *
 * <p>Every line with an ON clause counts whoever its grantee is: the server lists only grants in
 * effect for this session (the account's own, PUBLIC's, the active role's). Role memberships
 * ({@code GRANT `r` TO ...}) are remembered by name only: a role that is not active at login
 * gives nothing to init_replica's connections.
 */
final class PreflightGrants {
    static final String ALL = "ALL PRIVILEGES";

    private enum Level { GLOBAL, DATABASE, TABLE, OTHER }

    private record Grant(boolean revoke, Set<String> privileges, Level level, String db, String table) {}

    private final List<Grant> grants;
    private final List<String> roles;
    private final List<String> unreadLines;

    private PreflightGrants(List<Grant> grants, List<String> roles, List<String> unreadLines) {
        this.grants = grants;
        this.roles = roles;
        this.unreadLines = unreadLines;
    }

    static PreflightGrants parse(Collection<String> lines) {
        List<Grant> grants = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.stripLeading().toUpperCase(Locale.ROOT);
            if (!trimmed.startsWith("GRANT ") && !trimmed.startsWith("REVOKE ")) {
                continue; // e.g. MariaDB's "SET DEFAULT ROLE ... FOR ..."
            }
            try {
                List<PreflightGrantTokens.Token> t = PreflightGrantTokens.lex(line);
                int on = PreflightGrantTokens.indexOfWord(t, "ON", 1);
                if (on < 0) {
                    roles.add(PreflightGrantTokens.text(t, 1, PreflightGrantTokens.indexOfWord(t, "TO", 1)));
                } else {
                    grants.add(grant(t, on));
                }
            } catch (RuntimeException e) {
                unread.add(line);
            }
        }
        return new PreflightGrants(List.copyOf(grants), List.copyOf(roles), List.copyOf(unread));
    }

    private static Grant grant(List<PreflightGrantTokens.Token> t, int on) {
        boolean revoke = t.get(0).isWord("REVOKE");
        Set<String> privileges = PreflightGrantTokens.privileges(t, 1, on);
        int i = on + 1;
        if (t.get(i).isWord("TABLE")) {
            i++;
        } else if (t.get(i).isWord("PROCEDURE") || t.get(i).isWord("FUNCTION") || t.get(i).isWord("PACKAGE")) {
            return new Grant(revoke, privileges, Level.OTHER, null, null);
        }
        PreflightGrantTokens.Token first = t.get(i);
        if (i + 2 >= t.size() || !t.get(i + 1).isSymbol('.')) {
            return new Grant(revoke, privileges, Level.OTHER, null, null); // GRANT PROXY ON ''@'%'
        }
        PreflightGrantTokens.Token second = t.get(i + 2);
        if (first.isSymbol('*')) {
            return new Grant(revoke, privileges, Level.GLOBAL, null, null);
        }
        if (second.isSymbol('*')) {
            return new Grant(revoke, privileges, Level.DATABASE, first.text(), null);
        }
        return new Grant(revoke, privileges, Level.TABLE, first.text(), second.text());
    }

    /** Whether a global grant gives one of these privileges (ALL PRIVILEGES gives every one). */
    boolean hasGlobal(Collection<String> anyOf) {
        return grants.stream().anyMatch(g -> !g.revoke() && g.level() == Level.GLOBAL && givesAny(g, anyOf));
    }

    /**
     * Whether the account holds the privilege on every table of the schema: globally (unless a
     * partial revoke takes the schema out) or by a database grant whose name pattern matches it.
     *
     * @param wildcards false when MySQL 8's partial_revokes is on: '%' and '_' are then literal
     * @param ignoreCase true when lower_case_table_names is 1 or 2
     */
    boolean hasOnSchema(String privilege, String schema, boolean wildcards, boolean ignoreCase) {
        List<String> wanted = List.of(privilege);
        boolean database = grants.stream().anyMatch(g -> !g.revoke() && g.level() == Level.DATABASE
                && givesAny(g, wanted) && matches(g.db(), schema, wildcards, ignoreCase));
        boolean revoked = grants.stream().anyMatch(g -> g.revoke() && g.level() == Level.DATABASE
                && givesAny(g, wanted) && matches(g.db(), schema, false, ignoreCase));
        return database || (hasGlobal(wanted) && !revoked);
    }

    /** Tables of the schema with a table-level SELECT grant (column grants are not enough to copy a table). */
    List<String> tablesWithSelect(String schema, boolean ignoreCase) {
        return grants.stream().filter(g -> !g.revoke() && g.level() == Level.TABLE
                && givesAny(g, List.of("SELECT")) && matches(g.db(), schema, false, ignoreCase))
                .map(Grant::table).toList();
    }

    /** Roles granted to the account, as SHOW GRANTS names them. */
    List<String> roles() {
        return roles;
    }

    /** GRANT lines this parser could not read; reported so a missing privilege is not blamed wrongly. */
    List<String> unreadLines() {
        return unreadLines;
    }

    private static boolean givesAny(Grant g, Collection<String> anyOf) {
        return g.privileges().contains(ALL) || anyOf.stream().anyMatch(g.privileges()::contains);
    }

    /** MySQL's LIKE-style database patterns: '%' any run, '_' one character, '\' escapes the next one. */
    static boolean matches(String pattern, String schema, boolean wildcards, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (wildcards && c == '%') {
                regex.append(".*");
            } else if (wildcards && c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags).matcher(schema).matches();
    }

    /** Upper-case, single-spaced, with the ALL shorthand spelt out. */
    static String normalise(String privilege) {
        String p = privilege.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return p.equals("ALL") ? ALL : p;
    }
}
