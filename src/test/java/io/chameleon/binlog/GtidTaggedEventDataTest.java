package io.chameleon.binlog;

import io.chameleon.mysql.MysqlGtid;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtidTaggedEventDataTest {

    /** Bodies of GTID_TAGGED_LOG_EVENTs MySQL 9.7.4 wrote, as mysqlbinlog shows them. */
    @Test
    void readsWhatMysqlWrote() throws IOException {
        assertThat(read("027a000000028902d103510360c1032d0222c50381028604f103000000020404060e616c7068615f3108100a140c7fc9ea"
                + "135cdf61061095041283120b")).isEqualTo(new GtidTaggedEventData(
                        new MysqlGtid("a2f4d430-f08b-11f1-a043-02fc00000001", "alpha_1", 1), 293));
        assertThat(read("02640000000222222222444466668888aaaaaaaaaaaa042406086265746108100a200c7f8059145cdf61061069041283"
                + "120b")).isEqualTo(new GtidTaggedEventData(
                        new MysqlGtid("11111111-2222-3333-4444-555555555555", "beta", 9), 282));
    }

    /** Transaction numbers of every length the variable-length integers take, up to MySQL's largest. */
    @Test
    void readsLargeTransactionNumbers() throws IOException {
        for (long gno = 1; gno > 0 && gno <= MysqlGtid.MAX_GNO; gno = gno * 3 + 1) {
            assertThat(GtidTaggedEventData.read(message(gno)).gtid().gno()).isEqualTo(gno);
        }
        assertThat(GtidTaggedEventData.read(message(MysqlGtid.MAX_GNO)).gtid().gno())
                .isEqualTo(MysqlGtid.MAX_GNO);
    }

    @Test
    void refusesAnEventCutShort() {
        byte[] whole = message(77);
        byte[] cut = Arrays.copyOf(whole, whole.length - 20); // inside the UUID

        assertThatThrownBy(() -> GtidTaggedEventData.read(cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("cut short");
    }

    private static GtidTaggedEventData read(String hex) throws IOException {
        return GtidTaggedEventData.read(HexFormat.of().parseHex(hex));
    }

    /** A message with the fields the reader needs: uuid (1), gno (2), tag (3). */
    private static byte[] message(long gno) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        unsigned(out, 1); // version
        unsigned(out, 0); // size, not checked
        unsigned(out, 0); // last non-ignorable field
        unsigned(out, 1);
        for (int i = 0; i < 16; i++) {
            unsigned(out, 0xF0 + i);
        }
        unsigned(out, 2);
        unsigned(out, gno << 1); // signed: the sign in the lowest bit
        unsigned(out, 3);
        unsigned(out, 1);
        out.write('t');
        return out.toByteArray();
    }

    /** mysql::serialization's write_varlen_bytes_unsigned. */
    private static void unsigned(ByteArrayOutputStream out, long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value);
        int length = ((bits * 575) >> 12) + 1;
        out.write((int) (((1L << (length - 1)) - 1) | (value << length)) & 0xFF);
        long rest = value >>> (8 - length + ((length + 7) >> 4));
        for (int i = 1; i < length; i++) {
            out.write((int) (rest & 0xFF));
            rest >>>= 8;
        }
    }
}
