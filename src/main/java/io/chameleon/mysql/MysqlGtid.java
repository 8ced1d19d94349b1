package io.chameleon.mysql;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One MySQL GTID: the UUID of the server that committed the transaction first, the tag MySQL 8.3+
 * may give it ({@code SET gtid_next = 'AUTOMATIC:tag'}; "" for none) and the transaction's number.
 *
 * @param uuid lower case, with hyphens, as MySQL prints it
 * @param tag lower case (MySQL's tags ignore case), or "" for an untagged GTID
 * @param gno from 1
 */
public record MysqlGtid(String uuid, String tag, long gno) {
    /** A tag: a letter or underscore, then up to 31 letters, digits or underscores. */
    private static final Pattern TAG = Pattern.compile("[a-z_][a-z0-9_]{0,31}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** MySQL's largest GNO: 2^63 - 2. */
    public static final long MAX_GNO = Long.MAX_VALUE - 1;

    public MysqlGtid {
        uuid = uuid(uuid);
        tag = tag(tag);
        if (gno < 1 || gno > MAX_GNO) {
            throw new IllegalArgumentException("a GTID's number runs from 1 to " + MAX_GNO + ", not " + gno);
        }
    }

    /** The UUID in MySQL's form: lower case with hyphens (MySQL also accepts it without them). */
    static String uuid(String text) {
        String u = text.strip().toLowerCase(Locale.ROOT);
        if (u.length() == 32 && u.matches("[0-9a-f]{32}")) {
            u = u.substring(0, 8) + "-" + u.substring(8, 12) + "-" + u.substring(12, 16) + "-" + u.substring(16, 20)
                    + "-" + u.substring(20);
        }
        if (!UUID.matcher(u).matches()) {
            throw new IllegalArgumentException("not a server UUID: '" + text + "'");
        }
        return u;
    }

    static String tag(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty() && !TAG.matcher(t).matches()) {
            throw new IllegalArgumentException("not a GTID tag (a letter or _, then up to 31 letters, digits or _): '"
                    + text + "'");
        }
        return t;
    }

    static boolean isTag(String text) {
        return TAG.matcher(text.strip().toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return uuid + (tag.isEmpty() ? "" : ":" + tag) + ":" + gno;
    }
}
