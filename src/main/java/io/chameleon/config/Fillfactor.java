package io.chameleon.config;

import io.chameleon.schema.TableName;

import java.util.List;
import java.util.OptionalInt;

/**
 * The {@code fillfactor} map: a level (10–100) and the tables it applies to ({@code *} for all).
 * When a table matches several rules the last one in the file wins, as in pg_chameleon.
 */
public record Fillfactor(List<Rule> rules) {
    public static final Fillfactor NONE = new Fillfactor(List.of());

    public record Rule(int level, List<String> tables) {
        public Rule {
            tables = List.copyOf(tables);
        }
    }

    public Fillfactor {
        rules = List.copyOf(rules);
    }

    public OptionalInt levelFor(TableName table) {
        OptionalInt found = OptionalInt.empty();
        for (Rule r : rules) {
            if (r.tables().contains("*") || r.tables().contains(table.toString())) {
                found = OptionalInt.of(r.level());
            }
        }
        return found;
    }
}
