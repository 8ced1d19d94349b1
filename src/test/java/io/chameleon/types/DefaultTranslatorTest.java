package io.chameleon.types;

import io.chameleon.config.SourceConfig.ZeroDatePolicy;
import io.chameleon.config.TypeOverride;
import io.chameleon.schema.ColumnDef;
import io.chameleon.schema.ColumnDef.DefaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static io.chameleon.types.TestColumns.TABLE;
import static io.chameleon.types.TestColumns.column;
import static io.chameleon.types.TestColumns.labelled;
import static io.chameleon.types.TestColumns.named;
import static io.chameleon.types.TestColumns.sized;
import static io.chameleon.types.TestColumns.withDefault;
import static org.assertj.core.api.Assertions.assertThat;

class DefaultTranslatorTest {
    private static final TypeMapper MAPPER = new TypeMapper(TypeOverride.Rules.NONE, false);

    @ParameterizedTest(name = "{1} DEFAULT {2} → {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            int       | int(11)             | -1                   | '-1'::integer
            int       | int(10) unsigned    | 0                    | '0'::bigint
            decimal   | decimal(5,2)        | 0.00                 | '0.00'::numeric(5,2)
            bigint    | bigint(20) unsigned | 18446744073709551615 | '18446744073709551615'::numeric(20)
            double    | double              | -1.5e-3              | '-1.5e-3'::double precision
            year      | year(4)             | 2020                 | '2020'::smallint
            year      | year(4)             | 0000                 | '0000'::smallint
            varchar   | varchar(10)         | it's                 | 'it''s'
            varchar   | varchar(10)         | NULL                 | 'NULL'
            varchar   | varchar(10)         | ``                   | ''
            text      | text                | a\\b                 | E'a\\\\b'
            bit       | bit(10)             | b'101'               | B'0000000101'
            bit       | bit(1)              | b'1'                 | B'1'
            bit       | bit(8)              | 5                    | B'00000101'
            date      | date                | 2020-02-29           | '2020-02-29'::date
            datetime  | datetime(6)         | 2020-01-01 10:00:00.5 | '2020-01-01 10:00:00.5'::timestamp(6) without time zone
            timestamp | timestamp(3)        | 2020-01-01 10:00:00  | '2020-01-01 10:00:00+00'::timestamp(3) with time zone
            time      | time(2)             | -01:00:00.50         | '-01:00:00.50'::interval(2)
            json      | json                | {"a":1}              | '{"a":1}'::jsonb
            binary    | binary(3)           | ab                   | E'\\\\x616200'::bytea
            """)
    void literalsAreQuotedAndCastToTheMappedType(String dataType, String columnType, String value, String expected) {
        ColumnDef c = withDefault(column(dataType, columnType), DefaultKind.LITERAL,
                dataType.equals("binary") ? value + "\0" : value);
        if (dataType.equals("datetime") || dataType.equals("timestamp") || dataType.equals("time")) {
            c = sized(c, null, null, null, Integer.parseInt(columnType.replaceAll("\\D", "")));
        }
        if (dataType.equals("decimal")) {
            c = sized(c, null, 5, 2, null);
        }
        assertThat(translate(c, ZeroDatePolicy.NULL).expression()).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            timestamp | CURRENT_TIMESTAMP
            timestamp | current_timestamp()
            timestamp | current_timestamp(6)
            datetime  | CURRENT_TIMESTAMP(6)
            datetime  | now()
            datetime  | NOW(3)
            datetime  | localtimestamp
            """)
    void clockFunctionsBecomeCurrentTimestamp(String dataType, String value) {
        for (DefaultKind kind : new DefaultKind[] {DefaultKind.EXPRESSION, DefaultKind.LITERAL}) {
            ColumnDef c = withDefault(column(dataType, dataType + "(6)"), kind, value);
            assertThat(translate(c, ZeroDatePolicy.NULL)).isEqualTo(
                    new TranslatedDefault(Optional.of("CURRENT_TIMESTAMP"), Optional.empty()));
        }
    }

    @Test
    void curdateOnADateColumnIsCurrentDate() {
        ColumnDef c = withDefault(column("date", "date"), DefaultKind.EXPRESSION, "curdate()");
        assertThat(translate(c, ZeroDatePolicy.NULL).expression()).contains("CURRENT_DATE");
    }

    @Test
    void enumLabelIsCastToTheEnumTypeInTheTablesSchema() {
        ColumnDef c = withDefault(named("size", labelled("enum", "s", "m")), DefaultKind.LITERAL, "m");
        assertThat(translate(c, ZeroDatePolicy.NULL).expression()).contains("'m'::\"target\".\"enum_items_size\"");
    }

    @Test
    void setMembersBecomeATextArray() {
        ColumnDef c = withDefault(labelled("set", "p", "q\"r"), DefaultKind.LITERAL, "p,q\"r");
        assertThat(translate(c, ZeroDatePolicy.NULL).expression()).contains("E'{\"p\",\"q\\\\\"r\"}'::text[]");
        ColumnDef empty = withDefault(labelled("set", "p"), DefaultKind.LITERAL, "");
        assertThat(translate(empty, ZeroDatePolicy.NULL).expression()).contains("'{}'::text[]");
    }

    @Test
    void zeroDateDefaultIsMinusInfinityUnderInfinity() {
        ColumnDef c = withDefault(column("datetime", "datetime"), DefaultKind.LITERAL, "0000-00-00 00:00:00");
        assertThat(translate(c, ZeroDatePolicy.INFINITY).expression())
                .contains("'-infinity'::timestamp(0) without time zone");
    }

    @Test
    void zeroDateDefaultIsDroppedWithAWarningOtherwise() {
        ColumnDef c = withDefault(TestColumns.notNull(column("date", "date")), DefaultKind.LITERAL, "0000-00-00");
        for (ZeroDatePolicy p : new ZeroDatePolicy[] {ZeroDatePolicy.NULL, ZeroDatePolicy.DISCARD}) {
            TranslatedDefault d = translate(c, p);
            assertThat(d.expression()).isEmpty();
            assertThat(d.warning()).hasValueSatisfying(w -> assertThat(w).contains("shop.items.c", "0000-00-00",
                    "zero_dates", "no default"));
        }
    }

    @Test
    void overriddenBooleanGetsTrueOrFalse() {
        TypeMapper mapper = new TypeMapper(TypeMapperTest.rules("tinyint(1)", "boolean", "*"), false);
        ColumnDef one = withDefault(column("tinyint", "tinyint(1)"), DefaultKind.LITERAL, "1");
        ColumnDef zero = withDefault(column("tinyint", "tinyint(1)"), DefaultKind.LITERAL, "0");
        DefaultTranslator t = new DefaultTranslator(ZeroDatePolicy.NULL);
        assertThat(t.translate(TABLE, one, mapper.map(TABLE, one), "s").expression()).contains("true");
        assertThat(t.translate(TABLE, zero, mapper.map(TABLE, zero), "s").expression()).contains("false");
    }

    @Test
    void otherOverridesCastTheLiteralToTheOverrideType() {
        TypeMapper mapper = new TypeMapper(TypeMapperTest.rules("char(2)", "character(2)", "*"), false);
        ColumnDef c = withDefault(column("char", "char(2)"), DefaultKind.LITERAL, "ab");
        assertThat(new DefaultTranslator(ZeroDatePolicy.NULL).translate(TABLE, c, mapper.map(TABLE, c), "s")
                .expression()).contains("'ab'::character(2)");
    }

    @Test
    void noDefaultAndNullDefaultGiveNothing() {
        assertThat(translate(column("int", "int(11)"), ZeroDatePolicy.NULL)).isEqualTo(TranslatedDefault.NONE);
        assertThat(translate(withDefault(column("int", "int(11)"), DefaultKind.NULL, null), ZeroDatePolicy.NULL))
                .isEqualTo(TranslatedDefault.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            int      | int(11)  | EXPRESSION | (1 + 2)   | expression
            char     | char(36) | EXPRESSION | uuid()    | expression
            int      | int(11)  | LITERAL    | abc       | not a number
            bit      | bit(2)   | LITERAL    | b'111'    | does not fit bit(2)
            point    | point    | LITERAL    | x         | spatial
            """)
    void whatCannotBeExpressedIsDroppedWithAWarning(String dataType, String columnType, DefaultKind kind, String value,
            String why) {
        TranslatedDefault d = translate(withDefault(column(dataType, columnType), kind, value), ZeroDatePolicy.NULL);
        assertThat(d.expression()).isEmpty();
        assertThat(d.warning()).hasValueSatisfying(w -> assertThat(w).contains("shop.items.c", why));
    }

    @Test
    void textWithNulCharsIsDroppedWithAWarning() {
        TranslatedDefault d = translate(withDefault(column("varchar", "varchar(3)"), DefaultKind.LITERAL, "a\0"),
                ZeroDatePolicy.NULL);
        assertThat(d.expression()).isEmpty();
        assertThat(d.warning()).hasValueSatisfying(w -> assertThat(w).contains("NUL"));
    }

    private static TranslatedDefault translate(ColumnDef c, ZeroDatePolicy zeroDates) {
        return new DefaultTranslator(zeroDates).translate(TABLE, c, MAPPER.map(TABLE, c), "target");
    }
}
