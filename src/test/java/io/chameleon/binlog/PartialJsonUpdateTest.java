package io.chameleon.binlog;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.chameleon.catalog.TrackedColumn;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MySQL's PARTIAL_UPDATE_ROWS events decoded and their JSON diffs applied to the before image: the
 * rebuilt documents must print as MySQL printed the row after the update. The events and texts
 * were captured from MySQL 9.7.4 ({@link JsonVectorCapture}, table
 * {@link JsonVectorCapture#PARTIAL_TABLE}).
 */
class PartialJsonUpdateTest {
    private static final TableName TABLE = new TableName("json_vectors", "partial");
    private static final List<TrackedColumn> COLUMNS = List.of(
            column("id", "int"), column("doc", "json"), column("other", "json"), column("n", "int"));

    record Vector(String set, String eventType, byte[] body, String docBefore, String otherBefore, String docAfter,
            String otherAfter) {
        @Override
        public String toString() {
            return set.length() > 90 ? set.substring(0, 90) + "..." : set;
        }
    }

    static List<Vector> vectors() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                PartialJsonUpdateTest.class.getResourceAsStream("/mysql-json/partial-vectors.tsv.gz")),
                StandardCharsets.UTF_8))) {
            return in.lines().map(l -> l.split("\t", 7)).map(f -> new Vector(f[0], f[1], HexFormat.of().parseHex(f[2]),
                    f[3], f[4], f[5], f[6])).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rebuiltAfterImageIsWhatMysqlHolds(Vector v) throws IOException {
        assertThat(v.eventType()).isEqualTo("PARTIAL_UPDATE_ROWS_EVENT");
        Map.Entry<Serializable[], Serializable[]> row = decode(v.body());
        assertThat(text(row.getKey()[1])).isEqualTo(v.docBefore());
        assertThat(text(row.getKey()[2])).isEqualTo(v.otherBefore());
        Serializable[] after = PartialJsonImage.rebuild(TABLE, COLUMNS, row.getKey(), row.getValue(), "binlog.000001", 4);
        assertThat(text(after[1])).isEqualTo(v.docAfter());
        assertThat(text(after[2])).isEqualTo(v.otherAfter());
    }

    @Test
    void updatesThroughJsonSetReplaceRemoveAreLoggedAsDiffs() throws IOException {
        assertThat(vector("doc = JSON_SET(doc, '$.zz'").getValue()[1]).isInstanceOf(JsonDiffs.class);
        assertThat(vector("doc = JSON_REPLACE(doc, '$.b'").getValue()[1]).isInstanceOf(JsonDiffs.class);
        assertThat(vector("doc = JSON_REMOVE(doc, '$.a'").getValue()[1]).isInstanceOf(JsonDiffs.class);
        Serializable[] both = vector("doc = JSON_SET(doc, '$.a', 2), other").getValue();
        assertThat(both[1]).isInstanceOf(JsonDiffs.class);
        assertThat(both[2]).isInstanceOf(JsonDiffs.class);
        assertThat(both[3]).isEqualTo(1);
        // the second JSON column alone: the partial bitmap counts JSON columns, not all columns; the
        // untouched JSON column comes as no diffs at all (the rebuilt value is its before image)
        Serializable[] second = vector("other = JSON_SET(other, '$.p'").getValue();
        assertThat(second[1]).isEqualTo(new JsonDiffs(List.of()));
        assertThat(((JsonDiffs) second[2]).diffs()).extracting(Object::toString).containsExactly("INSERT $.p");
        // a new value from another column: MySQL logs the whole document
        assertThat(vector("doc = JSON_SET(other, '$.a', 1)").getValue()[1]).isInstanceOf(byte[].class);
    }

    @Test
    void diffsThatDoNotFitTheBeforeImageAreRefusedNamingColumnAndEvent() throws IOException {
        Map.Entry<Serializable[], Serializable[]> row = vector("doc = JSON_REMOVE(doc, '$.a'");
        Serializable[] before = row.getKey().clone();
        before[1] = HexFormat.of().parseHex("0200000400"); // [] instead of the object the diffs remove from
        assertThatThrownBy(() -> PartialJsonImage.rebuild(TABLE, COLUMNS, before, row.getValue(), "binlog.000007", 1234))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("json_vectors.partial.doc")
                .hasMessageContaining("binlog.000007:1234")
                .hasMessageContaining("REMOVE $.a does not fit the document []")
                .hasMessageContaining("mysqlbinlog --start-position=1234 -vv binlog.000007");
        before[1] = null;
        assertThatThrownBy(() -> PartialJsonImage.rebuild(TABLE, COLUMNS, before, row.getValue(), "binlog.000007", 1234))
                .hasMessageContaining("no document (SQL NULL)");
    }

    @Test
    void pathsReadQuotedMembersAndIndexesFromTheEnd() {
        assertThat(JsonPath.parse("$.a.\"q\\\"k\"[3][last][last-2].é").legs()).containsExactly(
                new JsonPath.Leg("a", 0, false), new JsonPath.Leg("q\"k", 0, false), new JsonPath.Leg(null, 3, false),
                new JsonPath.Leg(null, 0, true), new JsonPath.Leg(null, 2, true), new JsonPath.Leg("é", 0, false));
        assertThat(new JsonPath.Leg(null, 9, false).position(3)).isEqualTo(3);
        assertThat(new JsonPath.Leg(null, 1, true).position(3)).isEqualTo(1);
        assertThatThrownBy(() -> JsonPath.parse("$[*]")).hasMessageContaining("'$[*]'");
        assertThatThrownBy(() -> JsonPath.parse("$.a[1 to 2]")).hasMessageContaining("expected ']'");
    }

    @Test
    void insertKeepsMysqlsKeyOrderShorterKeysFirst() {
        // {"bb": 1}: small object of 1 member in 13 bytes, key at 11 (2 bytes), an inlined INT16
        JsonNode doc = MysqlJsonBinary.parse(HexFormat.of().parseHex("0001000d000b000200050100" + "6262"));
        JsonDiffs diffs = new JsonDiffs(List.of(new JsonDiffs.Diff(JsonDiffs.Operation.INSERT, "$.ccc", new byte[] {4, 0}),
                new JsonDiffs.Diff(JsonDiffs.Operation.INSERT, "$.a", new byte[] {4, 1})));
        assertThat(diffs.applyTo(doc).text()).isEqualTo("{\"a\": true, \"bb\": 1, \"ccc\": null}");
    }

    private static Map.Entry<Serializable[], Serializable[]> vector(String setStart) throws IOException {
        return decode(vectors().stream().filter(v -> v.set().startsWith(setStart)).findFirst().orElseThrow().body());
    }

    /** The event body with the TABLE_MAP MySQL wrote before it: int, json, json, int. */
    private static Map.Entry<Serializable[], Serializable[]> decode(byte[] body) throws IOException {
        long tableId = new ByteArrayInputStream(Arrays.copyOf(body, 6)).readLong(6);
        TableMapEventData map = new TableMapEventData();
        map.setTableId(tableId);
        map.setDatabase(TABLE.schema());
        map.setTable(TABLE.table());
        map.setColumnTypes(new byte[] {3, (byte) 245, (byte) 245, 3});
        map.setColumnMetadata(new int[] {0, 4, 4, 0});
        BitSet nullable = new BitSet();
        nullable.set(1, 4);
        map.setColumnNullability(nullable);
        UpdateRowsEventData data = new PartialUpdateRowsDeserializer(Map.of(tableId, map))
                .deserialize(new ByteArrayInputStream(body));
        assertThat(data.getRows()).hasSize(1);
        return data.getRows().get(0);
    }

    private static String text(Serializable cell) {
        if (cell == null) {
            return "NULL";
        }
        return cell instanceof JsonNode node ? node.text() : MysqlJsonBinary.parse((byte[]) cell).text();
    }

    private static TrackedColumn column(String name, String type) {
        return new TrackedColumn(name, type, type, type.equals("json") ? "jsonb" : "integer", true, false, null, List.of(),
                false);
    }
}
