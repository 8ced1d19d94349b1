package io.chameleon.mysql;

import io.chameleon.schema.TableName;

/** Backquote quoting for MySQL identifiers in statements we build. */
public final class MysqlNames {
    private MysqlNames() {}

    public static String ident(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    public static String qualified(TableName t) {
        return ident(t.schema()) + "." + ident(t.table());
    }
}
