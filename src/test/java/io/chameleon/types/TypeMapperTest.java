package io.chameleon.types;

import io.chameleon.config.TypeOverride;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.chameleon.types.TestColumns.TABLE;
import static io.chameleon.types.TestColumns.column;
import static io.chameleon.types.TestColumns.labelled;
import static io.chameleon.types.TestColumns.named;
import static io.chameleon.types.TestColumns.sized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypeMapperTest {
    private final TypeMapper mapper = new TypeMapper(TypeOverride.Rules.NONE, false);

    @ParameterizedTest(name = "{1} → {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            tinyint    | tinyint(4)                     | - | -  | -  | - | smallint              | NUMBER
            tinyint    | tinyint(3) unsigned            | - | -  | -  | - | smallint              | NUMBER
            tinyint    | tinyint(1)                     | - | -  | -  | - | smallint              | NUMBER
            smallint   | smallint(6)                    | - | -  | -  | - | smallint              | NUMBER
            smallint   | smallint(5) unsigned           | - | -  | -  | - | integer               | NUMBER
            mediumint  | mediumint(9)                   | - | -  | -  | - | integer               | NUMBER
            mediumint  | mediumint(8) unsigned          | - | -  | -  | - | integer               | NUMBER
            int        | int(11)                        | - | -  | -  | - | integer               | NUMBER
            int        | int(10) unsigned               | - | -  | -  | - | bigint                | NUMBER
            int        | int(10) unsigned zerofill      | - | -  | -  | - | bigint                | NUMBER
            bigint     | bigint(20)                     | - | -  | -  | - | bigint                | NUMBER
            bigint     | bigint(20) unsigned            | - | -  | -  | - | numeric(20)           | NUMBER
            decimal    | decimal(10,2)                  | - | 10 | 2  | - | numeric(10,2)         | NUMBER
            decimal    | decimal(65,30) unsigned        | - | 65 | 30 | - | numeric(65,30)        | NUMBER
            decimal    | decimal(12,4)                  | - | -  | -  | - | numeric(12,4)         | NUMBER
            decimal    | decimal(7)                     | - | -  | -  | - | numeric(7,0)          | NUMBER
            float      | float                          | - | 12 | -  | - | real                  | NUMBER
            float      | float(10,3) unsigned           | - | 10 | 3  | - | real                  | NUMBER
            double     | double                         | - | 22 | -  | - | double precision      | NUMBER
            real       | real                           | - | -  | -  | - | double precision      | NUMBER
            bit        | bit(1)                         | - | 1  | -  | - | bit(1)                | BIT
            bit        | bit(10)                        | - | 10 | -  | - | bit(10)               | BIT
            bit        | bit(64)                        | - | -  | -  | - | bit(64)               | BIT
            year       | year(4)                        | - | -  | -  | - | smallint              | NUMBER
            date       | date                           | - | -  | -  | - | date                  | DATE
            datetime   | datetime                       | - | -  | -  | 0 | timestamp(0) without time zone | DATETIME
            datetime   | datetime(6)                    | - | -  | -  | 6 | timestamp(6) without time zone | DATETIME
            datetime   | datetime(3)                    | - | -  | -  | - | timestamp(3) without time zone | DATETIME
            timestamp  | timestamp(3)                   | - | -  | -  | 3 | timestamp(3) with time zone    | TIMESTAMP
            timestamp  | timestamp                      | - | -  | -  | - | timestamp(0) with time zone    | TIMESTAMP
            time       | time                           | - | -  | -  | 0 | interval(0)           | TIME
            time       | time(6)                        | - | -  | -  | 6 | interval(6)           | TIME
            char       | char(5)                        | 5 | -  | -  | - | varchar(5)            | TEXT
            char       | char(0)                        | 0 | -  | -  | - | text                  | TEXT
            varchar    | varchar(255)                   | 255 | - | - | - | varchar(255)          | TEXT
            varchar    | varchar(40)                    | - | -  | -  | - | varchar(40)           | TEXT
            tinytext   | tinytext                       | - | -  | -  | - | text                  | TEXT
            text       | text                           | - | -  | -  | - | text                  | TEXT
            mediumtext | mediumtext                     | - | -  | -  | - | text                  | TEXT
            longtext   | longtext                       | - | -  | -  | - | text                  | TEXT
            binary     | binary(16)                     | - | -  | -  | - | bytea                 | BYTEA
            varbinary  | varbinary(255)                 | - | -  | -  | - | bytea                 | BYTEA
            tinyblob   | tinyblob                       | - | -  | -  | - | bytea                 | BYTEA
            blob       | blob                           | - | -  | -  | - | bytea                 | BYTEA
            mediumblob | mediumblob                     | - | -  | -  | - | bytea                 | BYTEA
            longblob   | longblob                       | - | -  | -  | - | bytea                 | BYTEA
            set        | set('a','b')                   | - | -  | -  | - | text[]                | SET
            json       | json                           | - | -  | -  | - | jsonb                 | JSON
            uuid       | uuid                           | - | -  | -  | - | uuid                  | TEXT
            inet6      | inet6                          | - | -  | -  | - | inet                  | TEXT
            inet4      | inet4                          | - | -  | -  | - | inet                  | TEXT
            """)
    void mapsEachMysqlType(String dataType, String columnType, Long charMax, Integer precision, Integer scale,
            Integer datetimePrecision, String expected, ValueFormat format) {
        ColumnDef c = sized(column(dataType, columnType), charMax, precision, scale, datetimePrecision);
        PgType t = mapper.map(TABLE, c);
        assertThat(t.sql()).isEqualTo(expected);
        assertThat(t.format()).isEqualTo(format);
        assertThat(t.enumType()).isEmpty();
        assertThat(t.overridden()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
            "geometrycollection", "geomcollection"})
    void spatialTypesAreGeometryWithPostgisElseWkbInBytea(String dataType) {
        ColumnDef c = column(dataType, dataType);
        assertThat(new TypeMapper(TypeOverride.Rules.NONE, true).map(TABLE, c))
                .extracting(PgType::sql, PgType::format).containsExactly("geometry", ValueFormat.GEOMETRY_EWKB);
        assertThat(mapper.map(TABLE, c)).extracting(PgType::sql, PgType::format)
                .containsExactly("bytea", ValueFormat.GEOMETRY_WKB);
    }

    @Test
    void enumGetsItsOwnTypeWithLabelsInMysqlOrderAfterTheErrorValue() {
        PgType t = mapper.map(TABLE, named("size", labelled("enum", "small", "medium", "it's large")));
        assertThat(t.format()).isEqualTo(ValueFormat.ENUM);
        assertThat(t.enumType()).hasValueSatisfying(e -> {
            assertThat(e.name()).isEqualTo("enum_items_size");
            assertThat(e.labels()).containsExactly("", "small", "medium", "it's large");
            assertThat(e.createSql("public")).isEqualTo(
                    "CREATE TYPE \"public\".\"enum_items_size\" AS ENUM ('', 'small', 'medium', 'it''s large')");
        });
        assertThat(t.sql()).isEqualTo("\"enum_items_size\"");
        assertThat(t.sqlIn("shop")).isEqualTo("\"shop\".\"enum_items_size\"");
    }

    @Test
    void enumThatDeclaresTheEmptyLabelKeepsItWhereItIs() {
        PgType t = mapper.map(TABLE, labelled("enum", "a", "", "b"));
        assertThat(t.enumType().orElseThrow().labels()).containsExactly("a", "", "b");
    }

    @Test
    void enumLabelLongerThanPostgresAllowsIsRefusedWithTheFix() {
        assertThatThrownBy(() -> mapper.map(TABLE, labelled("enum", "a", "x".repeat(64))))
                .isInstanceOf(UnsupportedTypeException.class)
                .hasMessageContaining("shop.items.c")
                .hasMessageContaining("63 bytes")
                .hasMessageContaining("type_override");
    }

    @Test
    void longEnumTypeNamesAreCutTo63BytesWithAHash() {
        TableName table = new TableName("s", "t".repeat(40));
        String name = PgEnumType.nameFor(table, "ç".repeat(20));
        assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(name).startsWith("enum_ttt").matches(".*_[0-9a-f]{8}");
        assertThat(PgEnumType.nameFor(table, "ç".repeat(21))).isNotEqualTo(name);
        assertThat(PgEnumType.nameFor(table, "ç".repeat(20))).isEqualTo(name);
    }

    @Test
    void mariadbJsonIsJsonbAndMatchesJsonOverrides() {
        ColumnDef longtext = column("longtext", "longtext");
        assertThat(mapper.map(TABLE, longtext, true)).extracting(PgType::sql, PgType::format)
                .containsExactly("jsonb", ValueFormat.JSON);
        TypeMapper overriding = new TypeMapper(rules("json", "json", "*"), false);
        assertThat(overriding.map(TABLE, longtext, true).sql()).isEqualTo("json");
        assertThat(overriding.map(TABLE, longtext).sql()).isEqualTo("text");
    }

    @Test
    void overrideOfTinyint1ToBooleanConvertsNumbers() {
        TypeMapper overriding = new TypeMapper(rules("tinyint(1)", "boolean", "*"), false);
        PgType t = overriding.map(TABLE, column("tinyint", "tinyint(1)"));
        assertThat(t).extracting(PgType::sql, PgType::format, PgType::overridden)
                .containsExactly("boolean", ValueFormat.NUMBER_AS_BOOLEAN, true);
        assertThat(overriding.map(TABLE, column("tinyint", "tinyint(4)")).sql()).isEqualTo("smallint");
    }

    @Test
    void overrideAppliesOnlyToItsTables() {
        TypeMapper overriding = new TypeMapper(rules("tinyint(1)", "boolean", "shop.other"), false);
        assertThat(overriding.map(TABLE, column("tinyint", "tinyint(1)")).sql()).isEqualTo("smallint");
        assertThat(overriding.map(new TableName("shop", "other"), column("tinyint", "tinyint(1)")).sql())
                .isEqualTo("boolean");
    }

    @ParameterizedTest(name = "{1} → {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            bit       | bit(1)       | bit(1)      | boolean                     | BIT_AS_BOOLEAN
            bit       | bit(8)       | bit(8)      | integer                     | BIT_AS_NUMBER
            bit       | bit(8)       | bit(8)      | numeric(3,0)                | BIT_AS_NUMBER
            bit       | bit(8)       | bit(8)      | varbit                      | BIT
            int       | int(11)      | int(11)     | text                        | TEXT
            char      | char(2)      | char(2)     | character(2)                | TEXT
            varchar   | varchar(5)   | varchar(5)  | boolean                     | TEXT
            blob      | blob         | blob        | text                        | TEXT
            text      | text         | text        | bytea                       | BYTEA
            blob      | blob         | blob        | bytea                       | BYTEA
            point     | point        | point       | bytea                       | GEOMETRY_WKB
            point     | point        | point       | geometry(Point,4326)        | GEOMETRY_EWKB
            datetime  | datetime     | datetime    | timestamp with time zone    | DATETIME
            date      | date         | date        | text                        | TEXT
            timestamp | timestamp    | timestamp   | timestamp without time zone | TIMESTAMP
            set       | set('a')     | set('a')    | varchar(10)[]               | SET
            set       | set('a')     | set('a')    | text                        | TEXT
            vector    | vector(3)    | vector(3)   | text                        | TEXT
            """)
    void overridesConvertWhereMysqlTextWouldNotParse(String dataType, String columnType, String key, String target,
            ValueFormat format) {
        PgType t = new TypeMapper(rules(key, target, "*"), false).map(TABLE, column(dataType, columnType));
        assertThat(t.sql()).isEqualTo(target);
        assertThat(t.format()).isEqualTo(format);
    }

    @Test
    void spatialOverriddenToTextIsRefused() {
        assertThatThrownBy(() -> new TypeMapper(rules("point", "text", "*"), false).map(TABLE, column("point", "point")))
                .isInstanceOf(UnsupportedTypeException.class).hasMessageContaining("bytea, geometry or geography");
    }

    @Test
    void unknownTypeNamesTableColumnAndTypeAndSuggestsOverride() {
        assertThatThrownBy(() -> mapper.map(TABLE, named("v", column("vector", "vector(3)"))))
                .isInstanceOf(UnsupportedTypeException.class)
                .hasMessageContaining("shop.items.v")
                .hasMessageContaining("vector(3)")
                .hasMessageContaining("type_override")
                .hasMessageContaining("\"vector(3)\":");
    }

    static TypeOverride.Rules rules(String mysqlType, String target, String table) {
        return new TypeOverride.Rules(List.of(new TypeOverride(mysqlType, target, List.of(table))));
    }
}
