package io.chameleon.mysql;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A MySQL GTID set, as {@code @@gtid_executed} shows it: per server UUID, and per tag (MySQL 8.3+), the
 * intervals of transaction numbers, e.g. {@code 3e11fa47-…:1-5:7-9,4a22…:1-3:batch:1-2}.
 *
 * <p>The text is MySQL's canonical form: UUIDs sorted, the untagged intervals of a UUID first, then
 * each tag in order with its intervals, adjacent intervals merged. MySQL separates UUIDs with ",\n";
 * this form leaves the newline out, so a set stays on one line in logs and the catalogue. Not
 * thread-safe.
 */
public final class MysqlGtidSet {
    /** uuid → tag ("" for none) → interval start → interval end, both inclusive. */
    private final TreeMap<String, TreeMap<String, TreeMap<Long, Long>>> sets = new TreeMap<>();

    /** The empty set. */
    public MysqlGtidSet() {}

    /**
     * Reads a set as MySQL writes or accepts it: UUIDs with or without hyphens, any case, white space
     * and empty elements ignored, the same UUID more than once.
     *
     * @throws IllegalArgumentException naming the text and what is wrong in it
     */
    public static MysqlGtidSet parse(String text) {
        MysqlGtidSet set = new MysqlGtidSet();
        try {
            for (String element : text.split(",")) {
                if (!element.isBlank()) {
                    set.addElement(element.split(":", -1));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a MySQL GTID set: '" + text + "': " + e.getMessage(), e);
        }
        return set;
    }

    /** True for text in MySQL's GTID set form (with UUIDs), as opposed to a MariaDB GTID position. */
    public static boolean isMysqlForm(String text) {
        return text != null && text.contains(":");
    }

    private void addElement(String[] parts) {
        String uuid = MysqlGtid.uuid(parts[0]);
        String tag = "";
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (MysqlGtid.isTag(part)) {
                tag = MysqlGtid.tag(part);
                continue;
            }
            int dash = part.indexOf('-');
            long start = number(dash < 0 ? part : part.substring(0, dash));
            long end = dash < 0 ? start : number(part.substring(dash + 1));
            if (end < start) {
                throw new IllegalArgumentException("the interval " + part + " ends before it starts");
            }
            addInterval(uuid, tag, start, end);
        }
    }

    private static long number(String text) {
        long n;
        try {
            n = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is neither a transaction number nor a tag");
        }
        if (n < 1 || n > MysqlGtid.MAX_GNO) {
            throw new IllegalArgumentException("a transaction number runs from 1 to " + MysqlGtid.MAX_GNO + ", not " + n);
        }
        return n;
    }

    /** Adds one transaction's GTID. */
    public void add(MysqlGtid gtid) {
        addInterval(gtid.uuid(), gtid.tag(), gtid.gno(), gtid.gno());
    }

    /** Adds every GTID of {@code other}. */
    public void addAll(MysqlGtidSet other) {
        other.sets.forEach((uuid, tags) -> tags.forEach((tag, intervals) ->
                intervals.forEach((start, end) -> addInterval(uuid, tag, start, end))));
    }

    private void addInterval(String uuid, String tag, long start, long end) {
        TreeMap<Long, Long> intervals = sets.computeIfAbsent(uuid, u -> new TreeMap<>()).computeIfAbsent(tag,
                t -> new TreeMap<>());
        long from = start;
        long to = end;
        // merge with an interval that overlaps or touches on the left, then with those on the right
        Map.Entry<Long, Long> left = intervals.floorEntry(from);
        if (left != null && left.getValue() >= from - 1) {
            from = left.getKey();
            to = Math.max(to, left.getValue());
        }
        Map.Entry<Long, Long> right = intervals.ceilingEntry(from);
        while (right != null && right.getKey() <= to + 1) {
            to = Math.max(to, right.getValue());
            intervals.remove(right.getKey());
            right = intervals.ceilingEntry(from);
        }
        intervals.put(from, to);
    }

    public boolean contains(MysqlGtid gtid) {
        TreeMap<Long, Long> intervals = sets.getOrDefault(gtid.uuid(), new TreeMap<>()).get(gtid.tag());
        if (intervals == null) {
            return false;
        }
        Map.Entry<Long, Long> e = intervals.floorEntry(gtid.gno());
        return e != null && e.getValue() >= gtid.gno();
    }

    /** Whether every GTID of {@code other} is in this set. */
    public boolean containsAll(MysqlGtidSet other) {
        return other.minus(this).isEmpty();
    }

    /** The GTIDs of this set that are not in {@code other}, as a new set. */
    public MysqlGtidSet minus(MysqlGtidSet other) {
        MysqlGtidSet rest = new MysqlGtidSet();
        sets.forEach((uuid, tags) -> tags.forEach((tag, intervals) -> {
            TreeMap<Long, Long> removed = other.sets.getOrDefault(uuid, new TreeMap<>()).getOrDefault(tag, new TreeMap<>());
            intervals.forEach((start, end) -> {
                long next = start;
                // the removed intervals that overlap [start, end], in order, cut it into what is left
                Map.Entry<Long, Long> cut = removed.floorEntry(start);
                if (cut == null || cut.getValue() < start) {
                    cut = removed.higherEntry(start);
                }
                while (cut != null && cut.getKey() <= end && next <= end) {
                    if (cut.getKey() > next) {
                        rest.addInterval(uuid, tag, next, cut.getKey() - 1);
                    }
                    next = Math.max(next, cut.getValue() + 1);
                    cut = removed.higherEntry(cut.getKey());
                }
                if (next <= end) {
                    rest.addInterval(uuid, tag, next, end);
                }
            });
        }));
        return rest;
    }

    public boolean isEmpty() {
        return sets.isEmpty();
    }

    public MysqlGtidSet copy() {
        MysqlGtidSet copy = new MysqlGtidSet();
        copy.addAll(this);
        return copy;
    }

    /**
     * The binary form of COM_BINLOG_DUMP_GTID (and of PREVIOUS_GTIDS events): the classic layout
     * every MySQL version reads, or, when a GTID has a tag, MySQL 8.3's tagged layout, where each
     * (UUID, tag) pair is an entry with its tag.
     */
    public byte[] encode() {
        boolean tagged = sets.values().stream().anyMatch(tags -> tags.keySet().stream().anyMatch(t -> !t.isEmpty()));
        long entries = sets.values().stream().mapToLong(TreeMap::size).sum();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // tagged: the format (1) in the top and the bottom byte, the number of entries between them
        writeLong(out, tagged ? (1L << 56) | (entries << 8) | 1 : entries);
        sets.forEach((uuid, tags) -> tags.forEach((tag, intervals) -> {
            out.writeBytes(uuidBytes(uuid));
            if (tagged) {
                byte[] t = tag.getBytes(StandardCharsets.US_ASCII);
                out.write(t.length << 1); // mysql::serialization's one-byte length: a tag has at most 32 characters
                out.writeBytes(t);
            }
            writeLong(out, intervals.size());
            intervals.forEach((start, end) -> {
                writeLong(out, start);
                writeLong(out, end + 1); // the protocol's intervals end after their last number
            });
        }));
        return out.toByteArray();
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    private static byte[] uuidBytes(String uuid) {
        String hex = uuid.replace("-", "");
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        sets.forEach((uuid, tags) -> {
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(uuid);
            tags.forEach((tag, intervals) -> {
                if (!tag.isEmpty()) {
                    s.append(':').append(tag);
                }
                intervals.forEach((start, end) -> s.append(':').append(start).append(start.equals(end) ? "" : "-" + end));
            });
        });
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MysqlGtidSet other && sets.equals(other.sets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sets);
    }
}
