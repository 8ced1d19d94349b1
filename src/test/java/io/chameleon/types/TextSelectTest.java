package io.chameleon.types;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.chameleon.types.TestColumns.column;
import static io.chameleon.types.TestColumns.named;
import static org.assertj.core.api.Assertions.assertThat;

class TextSelectTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            int        | CAST(`c` AS CHAR) AS `c`
            decimal    | CAST(`c` AS CHAR) AS `c`
            float      | CAST(`c` AS CHAR) AS `c`
            year       | CAST(`c` AS CHAR) AS `c`
            date       | CAST(`c` AS CHAR) AS `c`
            datetime   | CAST(`c` AS CHAR) AS `c`
            timestamp  | CAST(`c` AS CHAR) AS `c`
            time       | CAST(`c` AS CHAR) AS `c`
            json       | CAST(`c` AS CHAR) AS `c`
            longtext   | `c`
            varchar    | `c`
            enum       | `c`
            set        | `c`
            bit        | `c`
            blob       | `c`
            geometry   | `c`
            uuid       | `c`
            vector     | `c`
            """)
    void castsOnlyWhatTheDriverWillNotHandOverAsBytes(String dataType, String expected) {
        assertThat(TextSelect.expression(column(dataType, dataType))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            we`ird | `we``ird`
            Upper  | `Upper`
            """)
    void quotesNamesForMysql(String name, String expected) {
        assertThat(TextSelect.expression(named(name, column("varchar", "varchar(1)")))).isEqualTo(expected);
    }
}
