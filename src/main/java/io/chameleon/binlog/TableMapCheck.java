package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import io.chameleon.catalog.TrackedColumn;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a TABLE_MAP with the tracked columns its rows would be decoded with. The map always
 * carries the column count and binlog types, and the column names with binlog_row_metadata=FULL:
 * a table changed by a statement the replica could not follow shows here, before a row of it is
 * decoded with the wrong columns.
 */
final class TableMapCheck {
    private static final Set<Integer> INTEGERS = Set.of(1, 2, 3, 8, 9);
    private static final Set<Integer> TEXT = Set.of(15, 253, 254);
    private static final Set<Integer> BLOBS = Set.of(249, 250, 251, 252);
    /** The binlog type codes each MySQL data type is logged with; types not listed are not checked. */
    private static final Map<String, Set<Integer>> CODES = Map.ofEntries(
            Map.entry("tinyint", INTEGERS), Map.entry("smallint", INTEGERS), Map.entry("mediumint", INTEGERS),
            Map.entry("int", INTEGERS), Map.entry("bigint", INTEGERS),
            Map.entry("decimal", Set.of(0, 246)), Map.entry("float", Set.of(4)), Map.entry("double", Set.of(5)),
            Map.entry("date", Set.of(10, 14)), Map.entry("datetime", Set.of(12, 18)),
            Map.entry("timestamp", Set.of(7, 17)), Map.entry("time", Set.of(11, 19)), Map.entry("year", Set.of(13)),
            Map.entry("char", TEXT), Map.entry("varchar", TEXT), Map.entry("binary", TEXT),
            Map.entry("varbinary", TEXT), Map.entry("enum", Set.of(247, 254)), Map.entry("set", Set.of(248, 254)),
            Map.entry("tinytext", BLOBS), Map.entry("text", BLOBS), Map.entry("mediumtext", BLOBS),
            Map.entry("longtext", BLOBS), Map.entry("tinyblob", BLOBS), Map.entry("blob", BLOBS),
            Map.entry("mediumblob", BLOBS), Map.entry("longblob", BLOBS), Map.entry("bit", Set.of(16)));

    private TableMapCheck() {}

    /** What differs between the map and the tracked columns, or null when nothing does. */
    static String difference(TableMapEventData map, List<TrackedColumn> columns) {
        byte[] types = map.getColumnTypes();
        if (types.length != columns.size()) {
            return "the binlog has " + types.length + " columns, the replica tracks " + columns.size() + " ("
                    + columns.stream().map(TrackedColumn::name).toList() + ")";
        }
        List<String> names = map.getEventMetadata() == null ? null : map.getEventMetadata().getColumnNames();
        for (int i = 0; i < columns.size(); i++) {
            TrackedColumn c = columns.get(i);
            if (names != null && i < names.size() && !names.get(i).equalsIgnoreCase(c.name())) {
                return "column " + (i + 1) + " is " + names.get(i) + " in the binlog, " + c.name() + " in the replica";
            }
            Set<Integer> codes = CODES.get(c.dataType());
            int code = types[i] & 0xFF;
            if (codes != null && !codes.contains(code)) {
                return "column " + c.name() + " is tracked as " + c.columnType() + " but the binlog logs it with type"
                        + " code " + code;
            }
        }
        return null;
    }
}
