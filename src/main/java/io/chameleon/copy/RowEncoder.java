package io.chameleon.copy;

import io.chameleon.types.BadValueException;
import io.chameleon.types.ConversionReport;
import io.chameleon.types.CopyTextBuffer;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns the current row of a MySQL result into one line of COPY text. Values are taken as the
 * bytes the server sent ({@code getBytes}) and converted by the column's converter, so nothing is
 * parsed twice and nothing goes through the JVM's default charset.
 */
final class RowEncoder {
    private final TablePlan plan;
    private final ConversionReport report;
    private final int[] keyPositions;
    private final int columnCount;

    RowEncoder(TablePlan plan, ConversionReport report) {
        this.plan = plan;
        this.report = report;
        this.keyPositions = plan.keyPositions();
        this.columnCount = plan.source().columns().size();
    }

    /**
     * Appends the row to {@code out}. On a value the policy refuses, the buffer is left as it was
     * and the exception says which column and why.
     */
    void encode(ResultSet rs, CopyTextBuffer out) throws SQLException, BadValueException {
        int mark = out.length();
        try {
            for (int i = 0; i < columnCount; i++) {
                if (i > 0) {
                    out.fieldSeparator();
                }
                byte[] v = rs.getBytes(i + 1);
                if (v == null) {
                    out.writeNull();
                } else {
                    plan.converters().get(i).write(v, out, report);
                }
            }
            out.endRow();
        } catch (BadValueException e) {
            out.truncate(mark);
            throw e;
        }
    }

    /** The row's key as {@code col=value, ...} (all columns when the table has no key), for discard records. */
    String describeKey(ResultSet rs) throws SQLException {
        StringBuilder b = new StringBuilder();
        int[] positions = keyPositions.length > 0 ? keyPositions : allPositions();
        for (int p : positions) {
            if (b.length() > 0) {
                b.append(", ");
            }
            byte[] v = rs.getBytes(p + 1);
            String text = v == null ? "NULL" : new String(v, StandardCharsets.UTF_8);
            b.append(plan.source().columns().get(p).name()).append('=').append(truncate(text));
        }
        return b.toString();
    }

    private int[] allPositions() {
        int[] all = new int[columnCount];
        for (int i = 0; i < columnCount; i++) {
            all[i] = i;
        }
        return all;
    }

    private static String truncate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
