package io.chameleon.binlog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A MariaDB GTID position as {@code @@gtid_binlog_pos} shows it: per replication domain the last
 * GTID, {@code domain-server-sequence}, comma-separated ("0-1-57" or "0-1-57,1-2-9").
 * Domains keep the order they were first seen in. Not thread-safe.
 */
final class MariadbGtidPosition {
    private final Map<Long, String> lastByDomain = new LinkedHashMap<>();

    /** @param position a position string; empty or blank means no GTID yet */
    MariadbGtidPosition(String position) {
        for (String part : position.split(",")) {
            String gtid = part.strip();
            if (gtid.isEmpty()) {
                continue;
            }
            String[] dsn = gtid.split("-");
            if (dsn.length != 3) {
                throw new IllegalArgumentException("not a MariaDB GTID position (domain-server-sequence): " + position);
            }
            for (String n : dsn) {
                Long.parseUnsignedLong(n);
            }
            lastByDomain.put(Long.parseUnsignedLong(dsn[0]), gtid);
        }
    }

    /** A transaction of {@code domain} was committed: it is that domain's last GTID now. */
    void advance(long domain, long serverId, long sequence) {
        lastByDomain.put(domain, Long.toUnsignedString(domain) + "-" + Long.toUnsignedString(serverId) + "-"
                + Long.toUnsignedString(sequence));
    }

    /** True for a string in MariaDB's position form (as opposed to a MySQL GTID set with UUIDs). */
    static boolean isMariadbPosition(String s) {
        return s != null && s.strip().matches("\\d+-\\d+-\\d+(\\s*,\\s*\\d+-\\d+-\\d+)*");
    }

    @Override
    public String toString() {
        return lastByDomain.values().stream().collect(Collectors.joining(","));
    }
}
