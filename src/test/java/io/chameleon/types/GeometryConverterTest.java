package io.chameleon.types;

import io.chameleon.config.TypeOverride;
import io.chameleon.schema.ColumnDef;
import org.junit.jupiter.api.Test;

import static io.chameleon.types.ColumnConvertersTest.hex;
import static io.chameleon.types.ConverterFixture.STRICT;
import static io.chameleon.types.TestColumns.TABLE;
import static io.chameleon.types.TestColumns.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeometryConverterTest {
    /** POINT(1 2) as WKB, little-endian: what MySQL stores after its SRID. */
    private static final String POINT_WKB = "0101000000000000000000f03f0000000000000040";
    private static final ColumnDef POINT = column("point", "point");

    @Test
    void withPostgisSridZeroIsPlainHexWkb() throws Exception {
        assertThat(postgis().convert(hex("00000000" + POINT_WKB))).isEqualTo(POINT_WKB);
    }

    @Test
    void withPostgisTheSridMovesIntoEwkb() throws Exception {
        // PostGIS: ST_AsEWKB('SRID=4326;POINT(1 2)') = 0101000020E6100000000000000000F03F0000000000000040
        assertThat(postgis().convert(hex("e6100000" + POINT_WKB)))
                .isEqualTo("0101000020e6100000000000000000f03f0000000000000040");
    }

    @Test
    void bigEndianWkbKeepsItsByteOrderInEwkb() throws Exception {
        String wkb = "00" + "00000001" + "3ff0000000000000" + "4000000000000000";
        assertThat(postgis().convert(hex("e6100000" + wkb)))
                .isEqualTo("00" + "20000001" + "000010e6" + "3ff0000000000000" + "4000000000000000");
    }

    @Test
    void multipolygonKeepsItsNestedGeometriesUntouched() throws Exception {
        String wkb = "0106000000010000000103000000010000000400000000000000000000000000000000000000000000000000f03f"
                + "0000000000000000000000000000f03f000000000000f03f00000000000000000000000000000000";
        assertThat(postgis().convert(hex("e6100000" + wkb)))
                .isEqualTo("0106000020e6100000" + wkb.substring(10));
    }

    @Test
    void withoutPostgisItIsByteaOfTheWkbWithoutMysqlsSrid() throws Exception {
        ConverterFixture f = new ConverterFixture(POINT, STRICT);
        assertThat(f.convert(hex("e6100000" + POINT_WKB))).isEqualTo("\\\\x" + POINT_WKB);
    }

    @Test
    void refusesWhatIsNotMysqlsGeometryFormat() {
        assertThatThrownBy(() -> postgis().convert(hex("0000000001"))).isInstanceOf(BadValueException.class)
                .hasMessageContaining("4-byte SRID + WKB");
        assertThatThrownBy(() -> postgis().convert(hex("00000000" + "07" + "01000000")))
                .isInstanceOf(BadValueException.class);
    }

    private static ConverterFixture postgis() {
        return new ConverterFixture(POINT, new TypeMapper(TypeOverride.Rules.NONE, true).map(TABLE, POINT), STRICT);
    }
}
