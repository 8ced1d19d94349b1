package io.chameleon.ddl;

import io.chameleon.format.Json;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.ForeignKeyDef;
import io.chameleon.schema.IndexDef;
import io.chameleon.schema.TableDef;
import io.chameleon.schema.TableName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tracked table as the catalogue stores it (replicated_tables.definition): everything DDL replay
 * needs to go on after a restart from the applied position, where MySQL's current definition may
 * already include later statements. Copy statistics are not kept.
 */
public final class TrackedTableJson {
    private TrackedTableJson() {}

    public static String write(TrackedTable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", t.definition().engine());
        m.put("default_charset", t.defaultCharset());
        m.put("columns", t.definition().columns().stream().map(TrackedTableJson::column).toList());
        m.put("indexes", t.definition().indexes().stream().map(TrackedTableJson::index).toList());
        m.put("foreign_keys", t.definition().foreignKeys().stream().map(TrackedTableJson::foreignKey).toList());
        m.put("pg_index_names", new TreeMap<>(t.pgIndexNames()));
        return Json.compact(m);
    }

    /** @throws IllegalArgumentException when {@code json} is not a definition this class wrote */
    public static TrackedTable read(TableName name, String json) {
        Map<String, Object> m = map(Json.parse(json));
        List<ColumnDef> columns = list(m.get("columns")).stream().map(c -> column(map(c))).toList();
        List<IndexDef> indexes = list(m.get("indexes")).stream().map(i -> index(map(i))).toList();
        // definitions written before foreign keys were tracked have none
        List<ForeignKeyDef> keys = m.containsKey("foreign_keys")
                ? list(m.get("foreign_keys")).stream().map(k -> foreignKey(name, map(k))).toList() : List.of();
        Map<String, String> pgNames = new LinkedHashMap<>();
        map(m.get("pg_index_names")).forEach((k, v) -> pgNames.put(k, (String) v));
        return new TrackedTable(new TableDef(name, (String) m.get("engine"), columns, indexes, keys, 0, 0, 0),
                (String) m.get("default_charset"), pgNames);
    }

    private static Map<String, Object> foreignKey(ForeignKeyDef k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", k.name());
        m.put("columns", k.columns());
        m.put("referenced_schema", k.referenced().schema());
        m.put("referenced_table", k.referenced().table());
        m.put("referenced_columns", k.referencedColumns());
        m.put("on_delete", k.onDelete());
        m.put("on_update", k.onUpdate());
        return m;
    }

    private static ForeignKeyDef foreignKey(TableName table, Map<String, Object> m) {
        return new ForeignKeyDef((String) m.get("name"), table, strings(m.get("columns")),
                new TableName((String) m.get("referenced_schema"), (String) m.get("referenced_table")),
                strings(m.get("referenced_columns")), (String) m.get("on_delete"), (String) m.get("on_update"));
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String.class::cast).toList();
    }

    private static Map<String, Object> column(ColumnDef c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("ordinal", c.ordinal());
        m.put("data_type", c.dataType());
        m.put("column_type", c.columnType());
        m.put("nullable", c.nullable());
        m.put("default", c.defaultValue());
        m.put("default_kind", c.defaultKind().name());
        m.put("charset", c.charset());
        m.put("char_max_length", c.charMaxLength());
        m.put("numeric_precision", c.numericPrecision());
        m.put("numeric_scale", c.numericScale());
        m.put("datetime_precision", c.datetimePrecision());
        m.put("unsigned", c.unsigned());
        m.put("auto_increment", c.autoIncrement());
        m.put("generated", c.generated());
        m.put("enum_values", c.enumValues());
        return m;
    }

    private static ColumnDef column(Map<String, Object> m) {
        return new ColumnDef((String) m.get("name"), integer(m.get("ordinal")), (String) m.get("data_type"),
                (String) m.get("column_type"), (Boolean) m.get("nullable"), (String) m.get("default"),
                ColumnDef.DefaultKind.valueOf((String) m.get("default_kind")), (String) m.get("charset"),
                m.get("char_max_length") == null ? null : ((Number) m.get("char_max_length")).longValue(),
                integer(m.get("numeric_precision")), integer(m.get("numeric_scale")),
                integer(m.get("datetime_precision")), (Boolean) m.get("unsigned"), (Boolean) m.get("auto_increment"),
                (Boolean) m.get("generated"), list(m.get("enum_values")).stream().map(String.class::cast).toList());
    }

    private static Map<String, Object> index(IndexDef i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("primary", i.primary());
        m.put("unique", i.unique());
        m.put("type", i.type());
        m.put("parts", i.parts().stream().map(p -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("column", p.column());
            part.put("prefix_length", p.prefixLength());
            part.put("expression", p.expression());
            return part;
        }).toList());
        return m;
    }

    private static IndexDef index(Map<String, Object> m) {
        List<IndexDef.Part> parts = list(m.get("parts")).stream().map(p -> {
            Map<String, Object> part = map(p);
            return new IndexDef.Part((String) part.get("column"), integer(part.get("prefix_length")),
                    (String) part.get("expression"));
        }).toList();
        return new IndexDef((String) m.get("name"), (Boolean) m.get("primary"), (Boolean) m.get("unique"),
                (String) m.get("type"), parts);
    }

    private static Integer integer(Object n) {
        return n == null ? null : ((Number) n).intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("a JSON object expected, found " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (!(o instanceof List)) {
            throw new IllegalArgumentException("a JSON array expected, found " + o);
        }
        return (List<Object>) o;
    }
}
