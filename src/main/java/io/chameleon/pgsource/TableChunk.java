package io.chameleon.pgsource;

import io.chameleon.pg.Sql;

/**
 * A part of a table one worker copies: the rows whose range column is in [from, to), either bound
 * open (null); a table not cut is one chunk with both open.
 */
record TableChunk(SourceTable table, Long from, Long to, long estimatedRows) {

    /** The source's SELECT of this chunk's rows. */
    String selectSql() {
        String where = "";
        if (from != null || to != null) {
            String col = Sql.ident(table.rangeColumn());
            where = " WHERE " + (from == null ? "" : col + " >= " + from) + (from != null && to != null ? " AND " : "")
                    + (to == null ? "" : col + " < " + to);
        }
        return "SELECT " + table.selectList() + " FROM " + table.fromSql() + where;
    }

    @Override
    public String toString() {
        return table.name() + (from == null && to == null ? "" : " [" + (from == null ? "" : from) + ", "
                + (to == null ? "" : to) + ")");
    }
}
