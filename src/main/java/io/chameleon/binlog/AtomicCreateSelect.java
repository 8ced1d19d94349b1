package io.chameleon.binlog;

import java.util.regex.Pattern;

/**
 * MySQL 8.0.21+ logs {@code CREATE TABLE ... SELECT} as one transaction: a statement that is the
 * CREATE TABLE with {@code START TRANSACTION} appended (syntax only a replica may run), then the
 * rows and the commit. The CREATE TABLE is what the replica follows; the rows come after it.
 */
final class AtomicCreateSelect {
    private static final Pattern FORM = Pattern.compile("(?is)(\\s*CREATE\\s+TABLE\\b.*?)\\s+START\\s+TRANSACTION\\s*;?\\s*");

    private AtomicCreateSelect() {}

    /** The CREATE TABLE of MySQL's atomic form, or {@code sql} itself when it is not that form. */
    static String createTable(String sql) {
        var m = FORM.matcher(sql);
        return m.matches() ? m.group(1) : sql;
    }
}
