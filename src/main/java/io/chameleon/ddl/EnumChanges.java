package io.chameleon.ddl;

import io.chameleon.copy.IndexNamer;
import io.chameleon.pg.Sql;
import io.chameleon.types.PgEnumType;
import io.chameleon.types.PgType;
import io.chameleon.types.ValueFormat;

import java.util.List;
import java.util.Optional;

/**
 * A column's PostgreSQL type change. Labels added to an enum, in MySQL's order, become
 * {@code ALTER TYPE ... ADD VALUE}, which keeps the table as it is; any other enum change builds
 * the new type and converts the column to it (a value whose label is gone becomes {@code ''}, as
 * in MySQL).
 */
final class EnumChanges {
    private final Workspace w;
    private final String schema;

    EnumChanges(Workspace w, String schema) {
        this.w = w;
        this.schema = schema;
    }

    /**
     * @param alter {@code ALTER TABLE <table>}
     * @param oldEnumName the name the old enum type has now (after a column rename), if the column was an enum
     * @param newDefault the column's new DEFAULT, which may use a new label
     */
    void retype(String alter, String column, PgType oldType, Optional<String> oldEnumName, PgType newType,
            Optional<String> newDefault) {
        Optional<PgEnumType> before = oldType.enumType();
        Optional<PgEnumType> after = newType.enumType();
        if (before.isPresent() && after.isPresent()) {
            if (onlyAdded(before.get().labels(), after.get().labels(), newDefault)) {
                addValues(oldEnumName.orElseThrow(), before.get().labels(), after.get().labels());
            } else {
                replace(alter, column, oldType, oldEnumName.orElseThrow(), after.get());
            }
            return;
        }
        after.ifPresent(e -> w.sql(e.createSql(schema)));
        w.sql(alter + " ALTER COLUMN " + Sql.ident(column) + " TYPE " + newType.sqlIn(schema) + " USING "
                + Casts.using(column, oldType, newType, schema));
        oldEnumName.ifPresent(n -> w.sql("DROP TYPE IF EXISTS " + Sql.qualified(schema, n)));
    }

    /**
     * Whether the new labels are the old ones with others inserted, none of which the new default
     * uses (a value added in a transaction cannot be used before it commits).
     */
    private static boolean onlyAdded(List<String> old, List<String> now, Optional<String> newDefault) {
        int j = 0;
        for (String label : now) {
            if (j < old.size() && old.get(j).equals(label)) {
                j++;
            } else if (old.contains(label) || newDefault.map(d -> d.startsWith(Sql.literal(label) + "::")).orElse(false)) {
                return false;
            }
        }
        return j == old.size();
    }

    private void addValues(String typeName, List<String> old, List<String> now) {
        String type = Sql.qualified(schema, typeName);
        for (int i = 0; i < now.size(); i++) {
            String label = now.get(i);
            if (!old.contains(label)) {
                w.sql("ALTER TYPE " + type + " ADD VALUE " + Sql.literal(label)
                        + (i == 0 ? " BEFORE " + Sql.literal(now.get(1)) : " AFTER " + Sql.literal(now.get(i - 1))));
            }
        }
    }

    private void replace(String alter, String column, PgType oldType, String oldName, PgEnumType wanted) {
        String temporary = IndexNamer.fit(wanted.name() + "_new");
        PgEnumType staged = new PgEnumType(temporary, wanted.labels());
        PgType stagedType = new PgType(Sql.ident(temporary), ValueFormat.ENUM, Optional.of(staged), false);
        w.sql(staged.createSql(schema));
        w.sql(alter + " ALTER COLUMN " + Sql.ident(column) + " TYPE " + stagedType.sqlIn(schema) + " USING "
                + Casts.using(column, oldType, stagedType, schema));
        w.sql("DROP TYPE " + Sql.qualified(schema, oldName));
        w.sql("ALTER TYPE " + Sql.qualified(schema, temporary) + " RENAME TO " + Sql.ident(wanted.name()));
    }
}
