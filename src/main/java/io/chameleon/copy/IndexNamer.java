package io.chameleon.copy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL index names are unique per schema (and share the namespace with tables), MySQL's
 * only per table: keep the MySQL name where it is free, else prefix the table name, else number it.
 */
public final class IndexNamer {
    private static final int MAX_BYTES = 63;
    private final Set<String> taken = new HashSet<>();

    /** @param takenNames the names already used in the schema: its tables, and its indexes if any */
    public IndexNamer(Iterable<String> takenNames) {
        for (String t : takenNames) {
            taken.add(t.toLowerCase(Locale.ROOT));
        }
    }

    public synchronized String name(String table, String mysqlIndexName) {
        String base = mysqlIndexName.equals("PRIMARY") ? table + "_pkey" : mysqlIndexName;
        String candidate = fit(base);
        if (!taken.add(candidate.toLowerCase(Locale.ROOT))) {
            candidate = fit(table + "_" + base);
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = fit(table + "_" + base + "_" + n);
            }
        }
        return candidate;
    }

    /** Cuts to PostgreSQL's 63-byte identifier limit on a character boundary. */
    public static String fit(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > MAX_BYTES - 9) {
                break;
            }
            b.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return b + "_" + String.format("%08x", name.hashCode());
    }
}
