package io.chameleon.mysql;

import com.github.shyiko.mysql.binlog.GtidSet;
import com.github.shyiko.mysql.binlog.network.protocol.command.DumpBinaryLogGtidCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MysqlGtidSetTest {
    private static final String A = "00000000-2222-3333-4444-555555555555";
    private static final String B = "11111111-2222-3333-4444-555555555555";
    private static final String C = "a2f4d430-f08b-11f1-a043-02fc00000001";

    @Test
    void printsWhatMysqlPrintsWithoutTheNewlines() {
        // @@gtid_executed of MySQL 9.7 after tagged and untagged GTIDs of three UUIDs
        String executed = A + ":aa:5,\n" + B + ":7:beta:9,\n" + C + ":1-5:alpha_1:1";

        assertThat(MysqlGtidSet.parse(executed)).hasToString(executed.replace("\n", ""));
    }

    @Test
    void normalisesAsMysqlDoes() {
        // what SELECT GTID_SUBTRACT(x, '') returns on MySQL 9.7 for each x
        assertThat(MysqlGtidSet.parse(B + ":TaG:1-3:4:6," + B + ":2:tag:5")).hasToString(B + ":2:tag:1-6");
        assertThat(MysqlGtidSet.parse(" " + B.toUpperCase() + " : 1 - 3 , ")).hasToString(B + ":1-3");
        assertThat(MysqlGtidSet.parse("11111111222233334444555555555555:1-3")).hasToString(B + ":1-3");
        assertThat(MysqlGtidSet.parse("," + B + ":1,," + A + ":2")).hasToString(A + ":2," + B + ":1");
        assertThat(MysqlGtidSet.parse(B + ":tag")).hasToString("");
        assertThat(MysqlGtidSet.parse("")).hasToString("");
        assertThat(MysqlGtidSet.parse(B + ":aaaaaaaaaabbbbbbbbbbccccccccccdd:1")).hasToString(B + ":aaaaaaaaaabbbbbbbbbbccccccccccdd:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {B + ":", B + ":0", B + ":1-9223372036854775807", B + ":1:1tag:3",
            B + ":aaaaaaaaaabbbbbbbbbbccccccccccdde:1", B + ":3-1", "0-1-57", "not-a-uuid:1"})
    void refusesWhatMysqlRefuses(String text) {
        assertThatThrownBy(() -> MysqlGtidSet.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a MySQL GTID set: '" + text + "': ");
    }

    @Test
    void addingMergesIntervals() {
        MysqlGtidSet set = MysqlGtidSet.parse(B + ":1-2:4-5:9");

        set.add(new MysqlGtid(B, "", 3));
        set.add(new MysqlGtid(B, "", 7));
        set.add(new MysqlGtid(A, "Night", 1));
        set.add(new MysqlGtid(B, "", 2));

        assertThat(set).hasToString(A + ":night:1," + B + ":1-5:7:9");
        set.add(new MysqlGtid(B, "", 8));
        assertThat(set).hasToString(A + ":night:1," + B + ":1-5:7-9");
    }

    @Test
    void containsAndDifference() {
        MysqlGtidSet set = MysqlGtidSet.parse(B + ":1-5:7-9:x:3," + C + ":1-100");

        assertThat(set.contains(new MysqlGtid(B, "", 6))).isFalse();
        assertThat(set.contains(new MysqlGtid(B, "", 7))).isTrue();
        assertThat(set.contains(new MysqlGtid(B, "x", 3))).isTrue();
        assertThat(set.contains(new MysqlGtid(B, "y", 3))).isFalse();
        assertThat(set.contains(new MysqlGtid(A, "", 1))).isFalse();
        assertThat(set.containsAll(MysqlGtidSet.parse(B + ":2-4:8," + C + ":50-60"))).isTrue();
        assertThat(set.containsAll(MysqlGtidSet.parse(B + ":5-7"))).isFalse();
        assertThat(set.minus(MysqlGtidSet.parse(B + ":2-8," + C + ":1-10:20:90-200"))).hasToString(
                B + ":1:9:x:3," + C + ":11-19:21-89");
        assertThat(set.minus(set)).matches(MysqlGtidSet::isEmpty);
    }

    /** Sets of random numbers, checked against the plain set of numbers they stand for. */
    @Test
    void agreesWithPlainSetsOfNumbers() {
        Random random = new Random(20261205);
        for (int round = 0; round < 500; round++) {
            TreeSet<Long> left = randomNumbers(random);
            TreeSet<Long> right = randomNumbers(random);
            MysqlGtidSet l = setOf(left);
            MysqlGtidSet r = setOf(right);
            TreeSet<Long> difference = new TreeSet<>(left);
            difference.removeAll(right);

            assertThat(MysqlGtidSet.parse(l.toString())).isEqualTo(l);
            assertThat(l.minus(r)).isEqualTo(setOf(difference));
            assertThat(l.containsAll(r)).isEqualTo(left.containsAll(right));
        }
    }

    @Test
    void encodesUntaggedSetsAsTheBinlogLibraryDoes() throws Exception {
        String text = B + ":1-5:7-9:100";
        byte[] library = new DumpBinaryLogGtidCommand(1, "", 4, new GtidSet(text)).toByteArray();

        byte[] ours = MysqlGtidSet.parse(text).encode();

        // the library's command ends with the set's length (4 bytes), then the set
        assertThat(Arrays.copyOfRange(library, library.length - ours.length, library.length)).isEqualTo(ours);
    }

    @Test
    void encodesTaggedSetsInMysqlsTaggedFormat() {
        ByteBuffer b = ByteBuffer.wrap(MysqlGtidSet.parse(B + ":1-2:ab:5").encode()).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(b.getLong()).as("format 1 in the top and bottom byte, two entries between").isEqualTo(
                (1L << 56) | (2L << 8) | 1);
        assertThat(nextEntry(b)).isEqualTo("11111111222233334444555555555555 '' [1, 3]");
        assertThat(nextEntry(b)).isEqualTo("11111111222233334444555555555555 'ab' [5, 6]");
        assertThat(b.hasRemaining()).isFalse();
    }

    private static String nextEntry(ByteBuffer b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(String.format("%02x", b.get()));
        }
        byte[] tag = new byte[(b.get() & 0xFF) >> 1];
        b.get(tag);
        s.append(" '").append(new String(tag)).append("' ");
        long intervals = b.getLong();
        long[] bounds = new long[(int) intervals * 2];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = b.getLong();
        }
        return s.append(Arrays.toString(bounds)).toString();
    }

    private static TreeSet<Long> randomNumbers(Random random) {
        TreeSet<Long> numbers = new TreeSet<>();
        int count = random.nextInt(30);
        for (int i = 0; i < count; i++) {
            numbers.add(1L + random.nextInt(40));
        }
        return numbers;
    }

    private static MysqlGtidSet setOf(TreeSet<Long> numbers) {
        MysqlGtidSet set = new MysqlGtidSet();
        numbers.forEach(n -> set.add(new MysqlGtid(B, "", n)));
        return set;
    }
}
