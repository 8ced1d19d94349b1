package io.chameleon.copy;

import io.chameleon.config.SourceConfig;
import io.chameleon.pg.Sql;
import io.chameleon.schema.ForeignKeyDef;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * MySQL's foreign keys created in the destination schemas, with their ON DELETE and ON UPDATE
 * actions and their MySQL names. A key PostgreSQL refuses, or one that references a table outside
 * the source's schema_mappings, is a warning, never a failed command.
 */
public final class ForeignKeys {
    private final SourceConfig source;
    private final Consumer<String> warn;
    private final List<CreatedKey> created = new ArrayList<>();

    /** @param warn told of each key not created or not validated, with the reason and the fix */
    public ForeignKeys(SourceConfig source, Consumer<String> warn) {
        this.source = source;
        this.warn = warn;
    }

    /**
     * Creates the keys in the connection's transaction, each behind a savepoint.
     *
     * @param notValid created NOT VALID: checked for new rows at once, existing ones left to {@link #validate}
     */
    public void create(Connection pg, List<ForeignKeyDef> keys, boolean notValid) throws SQLException {
        for (ForeignKeyDef k : keys) {
            String table = source.targetSchema(k.table().schema());
            String referenced = source.targetSchema(k.referenced().schema());
            String what = "foreign key " + k.name() + " of " + k.table();
            if (referenced == null) {
                warn.accept(what + " not created: it references " + k.referenced() + ", outside the source's"
                        + " schema_mappings");
                continue;
            }
            CreatedKey key = new CreatedKey(Sql.qualified(table, k.table().table()), Sql.ident(IndexNamer.fit(k.name())));
            String sql = "ALTER TABLE " + key.tableSql() + " ADD CONSTRAINT " + key.nameSql() + " FOREIGN KEY ("
                    + columns(k.columns()) + ") REFERENCES " + Sql.qualified(referenced, k.referenced().table()) + " ("
                    + columns(k.referencedColumns()) + ") ON DELETE " + action(k.onDelete()) + " ON UPDATE "
                    + action(k.onUpdate()) + (notValid ? " NOT VALID" : "");
            try (Statement s = pg.createStatement()) {
                s.execute("SAVEPOINT foreign_key");
                try {
                    s.execute(sql);
                    s.execute("RELEASE SAVEPOINT foreign_key");
                    created.add(key);
                } catch (SQLException e) {
                    s.execute("ROLLBACK TO SAVEPOINT foreign_key");
                    warn.accept(what + " not created (" + sql + "): " + e.getMessage());
                }
            }
        }
    }

    /**
     * Validates the keys created NOT VALID, each in a statement of its own (on an auto-commit
     * connection, each in its own transaction): one that existing rows break stays NOT VALID.
     */
    public void validate(Connection pg) throws SQLException {
        try (Statement s = pg.createStatement()) {
            for (CreatedKey k : created) {
                String sql = "ALTER TABLE " + k.tableSql() + " VALIDATE CONSTRAINT " + k.nameSql();
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    warn.accept("foreign key " + k.nameSql() + " of " + k.tableSql() + " stays NOT VALID (PostgreSQL"
                            + " checks new rows, not the existing ones): " + e.getMessage() + "; mend the rows, then run "
                            + sql);
                }
            }
        }
    }

    public int created() {
        return created.size();
    }

    /** A foreign key created, as SQL names. */
    private record CreatedKey(String tableSql, String nameSql) {}

    private static String columns(List<String> names) {
        return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }

    /** MySQL's referential actions are PostgreSQL's, spelled the same. */
    private static String action(String mysql) {
        return switch (mysql == null ? "NO ACTION" : mysql.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> "CASCADE";
            case "SET NULL" -> "SET NULL";
            case "SET DEFAULT" -> "SET DEFAULT";
            case "RESTRICT" -> "RESTRICT";
            default -> "NO ACTION";
        };
    }
}
