package io.chameleon.types;

import org.junit.jupiter.api.Test;

import static io.chameleon.types.TestColumns.TABLE;
import static io.chameleon.types.TestColumns.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class BadValueExceptionTest {
    private static final ColumnRef REF = new ColumnRef(TABLE, "d");

    @Test
    void reasonNamesColumnValueProblemAndFix() {
        BadValueException e = new BadValueException(REF, utf8("0000-00-00"), "is a zero date", "set zero_dates: null");
        assertThat(e.getMessage()).isEqualTo("shop.items.d: value '0000-00-00' is a zero date; set zero_dates: null");
        assertThat(e.column()).isEqualTo(REF);
    }

    @Test
    void longValuesAreCutToAHundredCharactersWithTheirSize() {
        String shown = BadValueException.printable(utf8("é".repeat(300)));
        assertThat(shown).isEqualTo("'" + "é".repeat(100) + "'... (600 bytes)");
    }

    @Test
    void controlCharactersAndQuotesArePrintable() {
        assertThat(BadValueException.printable(utf8("a\0b\tc\nd'e\\\u0001")))
                .isEqualTo("'a\\0b\\tc\\nd\\'e\\\\\\x01'");
    }
}
