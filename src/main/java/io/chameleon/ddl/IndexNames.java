package io.chameleon.ddl;

import io.chameleon.schema.IndexDef;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** MySQL's rules for index names and order. */
final class IndexNames {
    private IndexNames() {
    }

    /** An index declared without a name is named after its first column, then {@code _2}, {@code _3}... */
    static String unnamed(String firstColumn, Collection<IndexDef> existing) {
        String name = firstColumn;
        for (int n = 2; taken(name, existing); n++) {
            name = firstColumn + "_" + n;
        }
        return name;
    }

    static boolean taken(String name, Collection<IndexDef> existing) {
        return name.equalsIgnoreCase("PRIMARY") || existing.stream().anyMatch(i -> i.name().equalsIgnoreCase(name));
    }

    /** information_schema's order, as the mysql reader reads it: the primary key, then by name. */
    static List<IndexDef> sorted(Collection<IndexDef> indexes) {
        return indexes.stream().sorted(Comparator.comparing((IndexDef i) -> !i.primary())
                .thenComparing(i -> i.name().toLowerCase(Locale.ROOT))).toList();
    }
}
