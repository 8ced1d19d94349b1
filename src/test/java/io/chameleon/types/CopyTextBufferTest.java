package io.chameleon.types;

import org.junit.jupiter.api.Test;

import static io.chameleon.types.TestColumns.text;
import static io.chameleon.types.TestColumns.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyTextBufferTest {
    private final CopyTextBuffer out = new CopyTextBuffer(16);

    @Test
    void escapesBackslashTabNewlineAndCarriageReturn() {
        byte[] v = utf8("a\\b\tc\nd\re");
        assertThat(out.writeEscaped(v, 0, v.length)).isZero();
        assertThat(text(out)).isEqualTo("a\\\\b\\tc\\nd\\re");
    }

    @Test
    void keepsMultiByteUtf8AsItIs() {
        byte[] v = utf8("é€😀 中");
        out.writeEscaped(v, 0, v.length);
        assertThat(text(out)).isEqualTo("é€😀 中");
    }

    @Test
    void leavesOutNulBytesAndCountsThem() {
        byte[] v = utf8("a\0b\0");
        assertThat(out.writeEscaped(v, 0, v.length)).isEqualTo(2);
        assertThat(text(out)).isEqualTo("ab");
    }

    @Test
    void endOfDataMarkerInAValueIsEscaped() {
        byte[] v = utf8("\\.");
        out.writeEscaped(v, 0, v.length);
        assertThat(text(out)).isEqualTo("\\\\.");
    }

    @Test
    void writesByteaAsEscapedHex() {
        out.writeBytea(new byte[] {0, 10, (byte) 0xFF, 0x5C}, 0, 4);
        assertThat(text(out)).isEqualTo("\\\\x000aff5c");
    }

    @Test
    void emptyByteaIsJustThePrefix() {
        out.writeBytea(new byte[0], 0, 0);
        assertThat(text(out)).isEqualTo("\\\\x");
    }

    @Test
    void rowsOfFieldsAndNulls() {
        out.writeAscii(utf8("1"));
        out.fieldSeparator();
        out.writeNull();
        out.endRow();
        assertThat(text(out)).isEqualTo("1\t\\N\n");
    }

    @Test
    void growsPastItsInitialCapacity() {
        byte[] big = new byte[100_000];
        java.util.Arrays.fill(big, (byte) '\t');
        out.writeEscaped(big, 0, big.length);
        assertThat(out.length()).isEqualTo(200_000);
        assertThat(out.array()[199_999]).isEqualTo((byte) 't');
    }

    @Test
    void truncateDropsAPartialRowAndResetEmpties() {
        out.writeAscii(utf8("keep\n"));
        int mark = out.length();
        out.writeAscii(utf8("half"));
        out.truncate(mark);
        assertThat(text(out)).isEqualTo("keep\n");
        assertThatThrownBy(() -> out.truncate(99)).isInstanceOf(IllegalArgumentException.class);
        out.reset();
        assertThat(out.length()).isZero();
    }
}
