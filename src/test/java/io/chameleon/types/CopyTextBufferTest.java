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

    @Test
    void bulkRunsEscapeExactlyAsByteByByteEscaping() {
        java.util.Random random = new java.util.Random(7);
        byte[] alphabet = {'a', 'Z', '\\', '\t', '\n', '\r', 0, 11, 12, 1, (byte) 0xc3, (byte) 0xa9, ' '};
        for (int round = 0; round < 2000; round++) {
            byte[] v = new byte[random.nextInt(40)];
            for (int i = 0; i < v.length; i++) {
                v[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int offset = v.length == 0 ? 0 : random.nextInt(v.length);
            int count = v.length - offset == 0 ? 0 : random.nextInt(v.length - offset + 1);
            CopyTextBuffer b = new CopyTextBuffer(16);
            b.writeAscii(utf8("x"));
            int nuls = b.writeEscaped(v, offset, count);
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            expected.write('x');
            int expectedNuls = 0;
            for (int i = offset; i < offset + count; i++) {
                switch (v[i]) {
                    case '\\' -> expected.writeBytes(utf8("\\\\"));
                    case '\t' -> expected.writeBytes(utf8("\\t"));
                    case '\n' -> expected.writeBytes(utf8("\\n"));
                    case '\r' -> expected.writeBytes(utf8("\\r"));
                    case 0 -> expectedNuls++;
                    default -> expected.write(v[i]);
                }
            }
            assertThat(java.util.Arrays.copyOf(b.array(), b.length())).as("round " + round).isEqualTo(expected.toByteArray());
            assertThat(nuls).isEqualTo(expectedNuls);
        }
    }
}
