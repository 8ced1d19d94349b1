package io.chameleon.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain text table with a header row and columns as wide as their widest cell. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.add(r);
        return this;
    }

    String render() {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            line(b, rows.get(n), width);
            if (n == 0) {
                String[] rule = new String[cols];
                for (int i = 0; i < cols; i++) {
                    rule[i] = "-".repeat(width[i]);
                }
                line(b, rule, width);
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String[] r, int[] width) {
        for (int i = 0; i < r.length; i++) {
            b.append(i == 0 ? "" : "  ").append(r[i]);
            if (i < r.length - 1) {
                b.append(" ".repeat(width[i] - r[i].length()));
            }
        }
        b.append('\n');
    }
}
