package io.chameleon.ddl;

import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.ColumnDef;

import java.util.Map;

/**
 * Places a column declaration in its table: the character set it gets (its own, else the table's),
 * its nullability (a primary key or auto_increment column is NOT NULL) and its default as stored.
 */
final class ColumnFactory {
    /** Bytes per character at most, which size TEXT(n) and BLOB(n). */
    private static final Map<String, Integer> MAX_BYTES = Map.of("utf8mb4", 4, "utf8mb3", 3, "utf8", 3, "ucs2", 2,
            "utf16", 4, "utf16le", 4, "utf32", 4, "latin1", 1, "ascii", 1, "binary", 1);

    private final ServerInfo server;

    ColumnFactory(ServerInfo server) {
        this.server = server;
    }

    ColumnDef column(ParsedColumn pc, String tableCharset, int ordinal) {
        ColumnType type = sized(pc.type().textual() && pc.type().charset() == null
                ? pc.type().withCharset(Charsets.normalise(tableCharset, server)) : pc.type());
        boolean nullable = !pc.primaryKey() && !pc.autoIncrement() && (pc.nullable() == null || pc.nullable());
        ColumnDef c = new ColumnDef(pc.name(), ordinal, type.dataType(), type.columnType(), nullable, null,
                ColumnDef.DefaultKind.NONE, type.charset(), type.charLength(), type.precision(), type.scale(),
                type.fraction(), type.unsigned(), pc.autoIncrement(), pc.generated(), type.labels());
        DefaultNormaliser.Normalised d = pc.autoIncrement() ? new DefaultNormaliser.Normalised(null,
                ColumnDef.DefaultKind.NONE) : DefaultNormaliser.of(pc.defaultValue(), c);
        return ColumnDefs.withDefault(c, d.value(), d.kind());
    }

    /** TEXT(n) and BLOB(n) become the smallest text or blob type holding n characters (bytes). */
    private static ColumnType sized(ColumnType t) {
        if (t.declaredLength() == null) {
            return t;
        }
        long bytes = t.declaredLength() * (t.dataType().equals("blob") ? 1 : MAX_BYTES.getOrDefault(t.charset(), 4));
        String size = bytes < 256 ? "tiny" : bytes < 65536 ? "" : bytes < 16777216 ? "medium" : "long";
        String name = size + (t.dataType().equals("blob") ? "blob" : "text");
        return new ColumnType(name, name, false, null, null, null, null, t.labels(), null, t.charset(), t.textual());
    }
}
