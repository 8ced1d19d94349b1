package io.chameleon.copy;

/**
 * A part of one table copied as one unit: the whole table, or a primary-key range
 * {@code [from, to)} of a table whose key is a single integer column.
 *
 * @param from inclusive lower bound, or null for "from the start"
 * @param to exclusive upper bound, or null for "to the end"
 */
public record Chunk(TablePlan table, int index, int of, Long from, Long to) {

    /** The SELECT reading this chunk, columns in table order. */
    public String selectSql() {
        StringBuilder sql = new StringBuilder(table.selectAllSql());
        String key = table.rangeColumn();
        if (from != null || to != null) {
            sql.append(" WHERE ");
            if (from != null) {
                sql.append(key).append(" >= ").append(from);
            }
            if (from != null && to != null) {
                sql.append(" AND ");
            }
            if (to != null) {
                sql.append(key).append(" < ").append(to);
            }
        }
        return sql.toString();
    }

    /** Relative size, for scheduling the largest work first: bytes, as a wide table's rows cost both servers more each. */
    public long estimatedBytes() {
        return Math.max(1, table.estimatedBytes() / of);
    }

    @Override
    public String toString() {
        return table.source().name() + (of > 1 ? " [chunk " + (index + 1) + "/" + of + "]" : "");
    }
}
